package io.pactwire.cli;

import io.pactwire.core.PactsDirectory;
import io.pactwire.evolve.FieldUsage;
import io.pactwire.evolve.UsageReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire usage}: which consumers depend on which fields of a provider.
 *
 * @since 0.1.0
 */
@Command(
    name = "usage",
    mixinStandardHelpOptions = true,
    description = {
      "For each field of each request, response and message a provider serves, which consumers,"
          + " interactions and matchers depend on it, from every pact in the store. With"
          + " --openapi, the spec's response properties no consumer reads are listed: safe to"
          + " remove as far as the contracts know.",
      "Exit status: 0 reported, 2 unreadable input."
    })
final class UsageCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--provider", required = true, paramLabel = "NAME", description = "The provider.")
  String provider;

  @Option(
      names = "--path",
      paramLabel = "PATH",
      description = "Only this request path, such as /products/{sku}, or message description.")
  String path;

  @Option(
      names = "--field",
      paramLabel = "FIELD",
      description = "Only this field, such as '$.price' (with what is below it), or a header.")
  String field;

  @Option(
      names = "--openapi",
      paramLabel = "SPEC",
      description = "The provider's OpenAPI document: names endpoints, lists unread properties.")
  Path openApi;

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

  @Mixin EvolveCacheOption cache;

  @Override
  public Integer call() {
    return EvolveOutput.run(
        "usage",
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        () -> {
          UsageReport report =
              FieldUsage.newInstance()
                  .pacts(pacts == null ? PactsDirectory.locate() : pacts)
                  .provider(provider)
                  .path(path)
                  .field(field)
                  .openApi(openApi)
                  .cache(cache.dir())
                  .build();
          return switch (format) {
            case json -> new EvolveOutput.Result(report.json(), 0);
            case markdown -> new EvolveOutput.Result(report.markdown(), 0);
            // written as it is made: a store's report can run to a million lines
            case text -> new EvolveOutput.Result(null, 0, report::text);
          };
        });
  }
}
