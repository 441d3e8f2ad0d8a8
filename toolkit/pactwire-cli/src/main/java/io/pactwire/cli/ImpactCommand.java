package io.pactwire.cli;

import io.pactwire.core.PactsDirectory;
import io.pactwire.evolve.ImpactReport;
import io.pactwire.evolve.SpecImpact;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire impact}: which consumer interactions a new version of a provider's spec breaks.
 *
 * @since 0.1.0
 */
@Command(
    name = "impact",
    mixinStandardHelpOptions = true,
    description = {
      "Checks every pact with the provider against the new spec and the old one, and lists the"
          + " findings only the new one gives, by consumer: a spec change gated before any code"
          + " is written.",
      "Exit status: 0 no consumer broken, 1 a new error for some consumer, 2 unreadable input, or"
          + " nothing to check (no pact has an interaction of a kind the documents describe)."
    })
final class ImpactCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--provider", required = true, paramLabel = "NAME", description = "The provider.")
  String provider;

  @Option(
      names = "--spec",
      required = true,
      paramLabel = "FILE",
      description = "The new OpenAPI (or AsyncAPI) document; repeat for both.")
  List<Path> specs;

  @Option(
      names = "--base-spec",
      paramLabel = "FILE",
      description =
          "The document in use; its findings are not reported. Without it, every finding is.")
  List<Path> baseSpecs = List.of();

  @Option(
      names = "--pacts",
      paramLabel = "DIR",
      description = "The pacts store (default: the project's pacts/ folder).")
  Path pacts;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or markdown (a pull-request comment). Default: ${DEFAULT-VALUE}.")
  EvolveOutput.Format format;

  @Override
  public Integer call() {
    return EvolveOutput.run(
        "impact",
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        () -> {
          SpecImpact.Builder b =
              SpecImpact.newInstance()
                  .pacts(pacts == null ? PactsDirectory.locate() : pacts)
                  .provider(provider);
          specs.forEach(b::spec);
          baseSpecs.forEach(b::baseSpec);
          ImpactReport report = b.build();
          String text =
              switch (format) {
                case json -> report.json();
                case markdown -> report.markdown();
                case text -> report.text();
              };
          return new EvolveOutput.Result(text, report.breaks() ? 1 : 0);
        });
  }
}
