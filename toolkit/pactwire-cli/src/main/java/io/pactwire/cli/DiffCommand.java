package io.pactwire.cli;

import io.pactwire.core.PactsDirectory;
import io.pactwire.evolve.ContractDiff;
import io.pactwire.evolve.DiffReport;
import io.pactwire.evolve.EvolveException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire diff}: the semantic difference between two versions of pacts.
 *
 * @since 0.1.0
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compares two versions of a contract by meaning: interactions added, removed or renamed;"
          + " fields, types, matchers, min/max, statuses, headers and provider states changed."
          + " Each change is classed as breaking or relaxing for the provider and for the"
          + " consumer. Key order and interaction order are never a change.",
      "  pactwire diff OLD.json NEW.json      two pacts (or two folders of pacts)",
      "  pactwire diff --git-ref main [PATH]  the pacts folder (or one pact) against a git revision",
      "Exit status: 0 nothing the provider must newly do, 1 a change breaking for the provider,"
          + " 2 unreadable input."
    })
final class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..2",
      paramLabel = "PATH",
      description = "OLD and NEW; with --git-ref, the pact or folder to compare (default: pacts/).")
  List<Path> paths = List.of();

  @Option(
      names = "--git-ref",
      paramLabel = "REF",
      description = "Compare with this git revision (a branch, tag or commit).")
  String gitRef;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or markdown (a pull-request comment). Default: ${DEFAULT-VALUE}.")
  EvolveOutput.Format format;

  @Mixin EvolveCacheOption cache;

  @Override
  public Integer call() {
    return EvolveOutput.run(
        "diff",
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        () -> {
          DiffReport report = report();
          String text =
              switch (format) {
                case json -> report.json();
                case markdown -> report.markdown();
                case text -> report.text();
              };
          return new EvolveOutput.Result(text, report.breaksProvider() ? 1 : 0);
        });
  }

  private DiffReport report() {
    if (gitRef != null) {
      if (paths.size() > 1) {
        throw new EvolveException(
            "with --git-ref, give one pact or folder (default: pacts/)", null);
      }
      Path target = paths.isEmpty() ? PactsDirectory.locate() : paths.get(0);
      return ContractDiff.gitRevision(target, gitRef, cache.dir());
    }
    if (paths.size() != 2) {
      throw new EvolveException("give OLD and NEW, or --git-ref REF [PATH]", null);
    }
    return ContractDiff.files(paths.get(0), paths.get(1), cache.dir());
  }
}
