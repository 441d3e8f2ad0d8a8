package io.pactwire.cli;

import io.pactwire.store.CanIDeployResult;
import io.pactwire.store.Target;
import io.pactwire.store.internal.Formats;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire can-i-deploy}: whether a version is compatible with what runs in an environment.
 *
 * @since 0.1.0
 */
@Command(
    name = "can-i-deploy",
    sortOptions = false,
    description = {
      "Checks that a version can be deployed: for every integration (as consumer and as provider)"
          + " with the versions deployed to or released in the environment (or the latest"
          + " versions), a successful verification of the pact between them. Prints the rows that"
          + " allow or block it, each with its reason.",
      "Exit status: 0 yes, 1 no, 2 unknown pacticipant or version, or a corrupt record."
    })
final class CanIDeployCommand implements Callable<Integer> {

  /** How the answer is printed. */
  enum Format {
    text,
    json,
    markdown
  }

  @Spec CommandSpec spec;

  // --version names the pacticipant's version here, so help is declared without picocli's -V
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Mixin StoreOptions store;

  @Option(names = "--pacticipant", required = true, paramLabel = "P", description = "Its name.")
  String pacticipant;

  @Option(names = "--version", required = true, paramLabel = "V", description = "Its version.")
  String version;

  @ArgGroup(exclusive = true, multiplicity = "1")
  To to;

  static final class To {
    @Option(
        names = "--to-environment",
        paramLabel = "E",
        description = "Against the versions deployed to or released in this environment.")
    String environment;

    @Option(names = "--latest", description = "Against the latest version of each partner.")
    boolean latest;
  }

  @Option(
      names = "--ignore",
      arity = "1..*",
      paramLabel = "P",
      description =
          "Show but allow the integrations with these pacticipants (a third party that never"
              + " verifies, say).")
  List<String> ignore = List.of();

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or markdown (for a CI summary). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() {
    return StoreCommands.run(
        spec,
        () -> {
          Target target = to.latest ? Target.latest() : Target.environment(to.environment);
          CanIDeployResult result =
              store.open(null).canIDeploy(pacticipant, version, target, Set.copyOf(ignore));
          String text =
              switch (format) {
                case json -> Formats.json(result);
                case markdown -> Formats.markdown(result);
                case text -> Formats.text(result);
              };
          spec.commandLine().getOut().print(text);
          return result.deployable() ? 0 : 1;
        });
  }
}
