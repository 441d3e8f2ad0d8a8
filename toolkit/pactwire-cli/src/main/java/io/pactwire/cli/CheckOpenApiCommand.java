package io.pactwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.InputFiles;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.FindingsReport;
import io.pactwire.openapi.OpenApiCheck;
import io.pactwire.openapi.SpecException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
      "Exit status: 0 no errors (warnings allowed), 1 errors, 2 unreadable input, or nothing to"
          + " check (no interaction of a kind the documents describe)."
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
    return new Request(pact, specs, ignoreMatchingRules, format)
        .run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** One check as the command line asks for it, read by picocli or by {@link PlainCheck}. */
  record Request(Path pact, List<Path> specs, boolean ignoreMatchingRules, Format format) {

    Request {
      specs = List.copyOf(specs);
    }

    /** Checks, prints the findings and returns the exit status. */
    int run(PrintWriter out, PrintWriter err) {
      Checked checked;
      try {
        checked = check();
      } catch (SpecException e) {
        // the spec reader's own words for a file it cannot open are not the CLI's
        String problem =
            InputFiles.problem(e.file()).map(p -> e.file() + ": " + p).orElse(e.getMessage());
        return unreadable(err, problem);
      } catch (PactFileException e) {
        return unreadable(err, e.getMessage());
      }
      if (checked.judged() == 0) {
        // no findings because nothing was judged is no pass: a messages-only pact against an
        // OpenAPI document, a pact without interactions
        return unreadable(
            err,
            pact
                + ": nothing to check: "
                + (checked.interactions() == 0 && checked.messages() > 0
                    ? "its "
                        + checked.messages()
                        + " messages are a V3 message pact's, which the check does not read (a V4"
                        + " pact's Asynchronous/Messages interactions it checks against an AsyncAPI"
                        + " document)"
                    : checked.interactions() == 0
                        ? "the pact has no interactions"
                        : "none of its "
                            + checked.interactions()
                            + " interactions is of a kind the documents describe (HTTP interactions"
                            + " take an OpenAPI document, messages an AsyncAPI one)"));
      }
      List<Finding> findings = checked.findings();
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

    private static int unreadable(PrintWriter err, String message) {
      err.println("pactwire check-openapi: " + message);
      err.flush();
      return PactwireCommand.UNREADABLE;
    }

    /** The findings, and how many of the pact's interactions the documents judged. */
    private record Checked(List<Finding> findings, int judged, int interactions, int messages) {}

    /** Reads the pact on a pool thread while the specs are read; a bad spec is reported first. */
    private Checked check() {
      CompletableFuture<JsonNode> tree =
          CompletableFuture.supplyAsync(() -> OpenApiCheck.readPact(pact));
      OpenApiCheck.Builder builder = OpenApiCheck.newInstance();
      specs.forEach(builder::spec);
      if (ignoreMatchingRules) {
        builder.ignoreMatchingRules();
      }
      OpenApiCheck check = builder.build();
      try {
        JsonNode read = tree.join();
        return new Checked(
            check.check(read),
            check.judged(read),
            read.path("interactions").size(),
            read.path("messages").size());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
  }
}
