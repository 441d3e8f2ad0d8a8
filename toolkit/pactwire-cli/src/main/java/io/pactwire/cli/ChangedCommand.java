package io.pactwire.cli;

import io.pactwire.store.Change;
import io.pactwire.store.internal.Formats;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire changed}: which providers must verify again because a pact they read changed.
 *
 * @since 0.1.0
 */
@Command(
    name = "changed",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Lists the pacts that are new or changed (by content, not by bytes) since a git revision,"
          + " and the providers that must verify them again: the step a CI pipeline triggers"
          + " provider builds on.",
      "Exit status: 0 listed (whether or not any changed), 2 unknown revision, no git, or an"
          + " unreadable pact."
    })
final class ChangedCommand implements Callable<Integer> {

  /** How the changes are printed. */
  enum Format {
    text,
    json,
    names
  }

  @Spec CommandSpec spec;

  @Mixin StoreOptions store;

  @Option(
      names = "--since",
      required = true,
      paramLabel = "GIT-REF",
      description = "The revision to compare with, e.g. origin/main or HEAD~1.")
  String since;

  @Option(
      names = "--pacts",
      paramLabel = "DIR",
      description = "The folder of pacts; default the store's folder.")
  Path pacts;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description =
          "text, json, or names (the providers, one a line, for a script). Default:"
              + " ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() {
    return StoreCommands.run(
        spec,
        () -> {
          List<Change> changes = store.open(pacts).changed(since);
          String text =
              switch (format) {
                case json -> Formats.json(changes);
                case names -> Formats.names(changes);
                case text -> Formats.text(changes);
              };
          spec.commandLine().getOut().print(text);
          return 0;
        });
  }
}
