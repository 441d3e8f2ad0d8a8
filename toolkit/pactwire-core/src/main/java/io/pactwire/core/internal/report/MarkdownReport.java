package io.pactwire.core.internal.report;

/** Renders results as Markdown for CI summaries. */
public final class MarkdownReport {

  private MarkdownReport() {}

  public static String render(VerificationRun results) {
    int passed = 0;
    int failed = 0;
    for (PactResult pact : results.pacts()) {
      for (InteractionResult i : pact.interactions()) {
        if (i.success()) {
          passed++;
        } else {
          failed++;
        }
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("## Pact verification of ")
        .append(inline(results.provider()))
        .append(results.success() ? " — passed" : " — " + results.verdict())
        .append("\n\n");
    md.append("Provider version `")
        .append(code(results.providerVersion()))
        .append("` on branch `")
        .append(code(results.branch()))
        .append("`: ")
        .append(passed)
        .append(" passed, ")
        .append(failed)
        .append(" failed.\n\n");
    md.append("| consumer | interaction | provider state | result |\n");
    md.append("|---|---|---|---|\n");
    for (PactResult pact : results.pacts()) {
      for (InteractionResult i : pact.interactions()) {
        md.append("| ")
            .append(cell(pact.consumer()))
            .append(" | ")
            .append(cell(i.description()))
            .append(" | ")
            .append(cell(i.states().isEmpty() ? "—" : String.join("; ", i.states())))
            .append(" | ")
            .append(
                i.success() ? "✅ passed" : i.pendingFailure() ? "⏳ failed, pending" : "❌ failed")
            .append(" |\n");
      }
    }
    md.append('\n');
    for (PactResult pact : results.pacts()) {
      md.append("Pact `")
          .append(code(String.valueOf(pact.pactFile())))
          .append("` (sha256 `")
          .append(code(String.valueOf(pact.pactSha256())))
          .append("`), verified ")
          .append(pact.verifiedAt())
          .append(".\n");
    }
    if (failed > 0) {
      md.append("\n### Failures\n");
      for (PactResult pact : results.pacts()) {
        for (InteractionResult i : pact.interactions()) {
          if (i.success()) {
            continue;
          }
          md.append("\n<details><summary>")
              .append(HtmlReport.escape(pact.consumer() + ": " + i.description()))
              .append("</summary>\n\n");
          String fence = i.message() != null && i.message().contains("```") ? "~~~~" : "```";
          md.append(fence).append("text\n").append(i.message()).append('\n').append(fence);
          md.append("\n\n</details>\n");
        }
      }
    }
    return md.toString();
  }

  /** Text for a table cell: markup escaped, pipes escaped, on one line. */
  public static String cell(String value) {
    return inline(value).replace("|", "\\|").replace("\r", "").replace("\n", " ");
  }

  /** Text for a heading: markup escaped, on one line. */
  public static String heading(String value) {
    return inline(value).replace("\r", "").replace("\n", " ");
  }

  private static String inline(String value) {
    // characters that would start markup inside a table or heading
    return value.replaceAll("([\\\\`*_\\[\\]<>#])", "\\\\$1");
  }

  private static String code(String value) {
    return value.replace("`", "'");
  }
}
