package io.pactwire.cli;

import io.pactwire.openapi.Finding;
import io.pactwire.openapi.FindingsReport;
import io.pactwire.openapi.SpecException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire check-openapi}: checks a pact against a provider's OpenAPI or AsyncAPI spec.
 *
 * @since 0.1.0
 */
@Command(
    name = "check-openapi",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a pact against the provider's OpenAPI (3.0, 3.1, Swagger 2.0) or AsyncAPI spec,"
          + " honouring the pact's matching rules.",
      "Exit status: 0 no errors (warnings allowed), 1 errors, 2 unreadable input."
    })
final class CheckOpenApiCommand implements Callable<Integer> {

  /** How findings are printed. */
  enum Format {
    text,
    json,
    junit
  }

  @Spec CommandSpec spec;

  @Option(names = "--pact", required = true, paramLabel = "FILE", description = "The pact file.")
  Path pact;

  @Option(
      names = "--spec",
      required = true,
      paramLabel = "FILE",
      description = "The OpenAPI or AsyncAPI document (YAML or JSON); repeat for both.")
  List<Path> specs;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description =
          "text, json (the findings array alone) or junit (JUnit XML). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(
      names = "--ignore-matching-rules",
      description = "Check example values only, as openapi-pact-comparator does.")
  boolean ignoreMatchingRules;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Finding> findings;
    try {
      EarlyCheck.Inputs inputs = new EarlyCheck.Inputs(pact, specs, ignoreMatchingRules);
      findings = EarlyCheck.take(inputs).orElseGet(inputs::check);
    } catch (SpecException e) {
      err.println("pactwire check-openapi: " + e.getMessage());
      err.flush();
      return PactwireCommand.UNREADABLE;
    }
    String rendered =
        switch (format) {
          case json -> FindingsReport.json(findings);
          case junit -> FindingsReport.junit(pact.toString(), findings);
          case text -> FindingsReport.text(pact.toString(), findings);
        };
    out.print(rendered);
    out.flush();
    return findings.stream().anyMatch(Finding::isError) ? 1 : 0;
  }
}
