package io.pactwire.cli;

import io.pactwire.store.Deployment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Mixin VersionInEnvironment target;

  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    return StoreCommands.run(
        spec,
        () -> {
          Deployment d =
              store
                  .open(null)
                  .recordDeployment(target.pacticipant, target.version, target.environment);
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
