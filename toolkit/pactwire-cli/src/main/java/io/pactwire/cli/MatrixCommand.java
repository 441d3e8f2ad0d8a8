package io.pactwire.cli;

import io.pactwire.store.Matrix;
import io.pactwire.store.MatrixQuery;
import io.pactwire.store.internal.Formats;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire matrix}: which consumer versions' pacts each provider version verified.
 *
 * @since 0.1.0
 */
@Command(
    name = "matrix",
    sortOptions = false,
    description = {
      "Prints the matrix: each consumer version's pact, the provider versions that verified it and"
          + " the result, newest first.",
      "Exit status: 0 printed, 2 unknown pacticipant or version, or a corrupt record."
    })
final class MatrixCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  // --version names the pacticipant's version here, so help is declared without picocli's -V
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Mixin StoreOptions store;

  @Option(
      names = "--pacticipant",
      paramLabel = "P",
      description = "Only its integrations, as consumer or provider.")
  String pacticipant;

  @Option(
      names = "--version",
      paramLabel = "V",
      description = "Only this version of --pacticipant.")
  String version;

  @Option(
      names = "--environment",
      paramLabel = "E",
      description = "Only versions deployed to or released in this environment.")
  String environment;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "At most this many rows. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or markdown. Default: ${DEFAULT-VALUE}.")
  CanIDeployCommand.Format format;

  @Override
  public Integer call() {
    if (version != null && pacticipant == null) {
      throw new ParameterException(spec.commandLine(), "--version needs --pacticipant");
    }
    if (limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
    }
    return StoreCommands.run(
        spec,
        () -> {
          Matrix matrix =
              store.open(null).matrix(new MatrixQuery(pacticipant, version, environment, limit));
          String text =
              switch (format) {
                case json -> Formats.json(matrix);
                case markdown -> Formats.markdown(matrix);
                case text -> Formats.text(matrix);
              };
          spec.commandLine().getOut().print(text);
          return 0;
        });
  }
}
