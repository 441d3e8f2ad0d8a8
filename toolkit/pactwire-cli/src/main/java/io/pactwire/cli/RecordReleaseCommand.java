package io.pactwire.cli;

import io.pactwire.store.Release;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire record-release}: records that a version is released to an environment.
 *
 * @since 0.1.0
 */
@Command(
    name = "record-release",
    sortOptions = false,
    description = {
      "Records in the contract store that a version is released to an environment, alongside the"
          + " versions released there before (a mobile app, a library).",
      "Exit status: 0 recorded, 2 unknown pacticipant or version, or a bad name (nothing is"
          + " written)."
    })
final class RecordReleaseCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin VersionInEnvironment target;

  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    return StoreCommands.run(
        spec,
        () -> {
          Release r =
              store
                  .open(null)
                  .recordRelease(target.pacticipant, target.version, target.environment);
          spec.commandLine()
              .getOut()
              .println(
                  "recorded: "
                      + r.pacticipant()
                      + " "
                      + r.version()
                      + " released to "
                      + r.environment()
                      + " at "
                      + r.releasedAt());
          return 0;
        });
  }
}
