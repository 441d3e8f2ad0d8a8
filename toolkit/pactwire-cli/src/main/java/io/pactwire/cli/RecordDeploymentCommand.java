package io.pactwire.cli;

import io.pactwire.store.Deployment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire record-deployment}: records that a version is deployed to an environment.
 *
 * @since 0.1.0
 */
@Command(
    name = "record-deployment",
    sortOptions = false,
    description = {
      "Records in the contract store that a version is now deployed to an environment, replacing"
          + " the version deployed there before.",
      "Exit status: 0 recorded, 2 unknown pacticipant or version, or a bad name (nothing is"
          + " written)."
    })
final class RecordDeploymentCommand implements Callable<Integer> {

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

  @Option(
      names = "--environment",
      required = true,
      paramLabel = "E",
      description = "The environment, e.g. production.")
  String environment;

  @Override
  public Integer call() {
    return StoreCommands.run(
        spec,
        () -> {
          Deployment d = store.open(null).recordDeployment(pacticipant, version, environment);
          spec.commandLine()
              .getOut()
              .println(
                  "recorded: "
                      + d.pacticipant()
                      + " "
                      + d.version()
                      + " deployed to "
                      + d.environment()
                      + " at "
                      + d.deployedAt());
          return 0;
        });
  }
}
