package io.pactwire.cli;

import io.pactwire.core.PactsDirectory;
import io.pactwire.store.Publication;
import io.pactwire.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire publish}: records that a consumer version publishes its pacts.
 *
 * @since 0.1.0
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Records in the contract store that a consumer version publishes its pacts: one record per"
          + " pact, naming the pact's version (the hash of its normalised content).",
      "Exit status: 0 published, 2 unreadable pact, bad name, or a version that already published"
          + " a different pact (nothing is written)."
    })
final class PublishCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin StoreOptions store;

  @Option(
      names = "--consumer-version",
      required = true,
      paramLabel = "V",
      description = "The consumer's version, e.g. its git commit.")
  String consumerVersion;

  @Option(names = "--branch", paramLabel = "B", description = "The consumer's branch.")
  String branch;

  @Option(
      names = "--pacts",
      paramLabel = "DIR",
      description = "The folder of pacts to publish; default the store's folder.")
  Path pactsDir;

  @Option(
      names = "--consumer",
      arity = "1..*",
      paramLabel = "NAME",
      description = "Publish only these consumers' pacts (of a folder that holds several).")
  List<String> consumers = List.of();

  @Parameters(
      arity = "0..*",
      paramLabel = "FILE",
      description = "Pact files to publish instead of a folder's.")
  List<Path> files = List.of();

  @Override
  public Integer call() {
    return StoreCommands.run(
        spec,
        () -> {
          List<Path> pacts = files.isEmpty() ? pactsIn(folder()) : files;
          if (!consumers.isEmpty()) {
            List<Path> mine = new ArrayList<>();
            for (Path p : pacts) {
              String name = p.getFileName().toString();
              if (consumers.stream().anyMatch(c -> name.startsWith(c + "-"))) {
                mine.add(p);
              }
            }
            pacts = mine;
          }
          if (pacts.isEmpty()) {
            throw new StoreException("no pact files to publish in " + folder());
          }
          List<Publication> published = store.open(null).publish(consumerVersion, branch, pacts);
          PrintWriter out = spec.commandLine().getOut();
          for (Publication p : published) {
            out.println(
                "published "
                    + p.consumer()
                    + " "
                    + p.consumerVersion()
                    + (p.branch() == null ? "" : " (" + p.branch() + ")")
                    + ": pact "
                    + p.pactVersion()
                    + " for "
                    + p.provider());
          }
          return 0;
        });
  }

  private Path folder() {
    return pactsDir != null
        ? pactsDir
        : store.store != null ? store.store : PactsDirectory.locate();
  }

  private static List<Path> pactsIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new StoreException(dir + ": no such pacts folder");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new StoreException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
