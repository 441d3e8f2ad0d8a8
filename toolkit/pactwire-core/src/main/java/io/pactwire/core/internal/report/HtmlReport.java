package io.pactwire.core.internal.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders one provider's results as a self-contained HTML page: per interaction, the request, the
 * expected and actual responses side by side with the lines that differ highlighted, and the
 * differences pact-jvm found.
 */
public final class HtmlReport {

  private static final int MAX_DIFF_LINES = 2000;

  private static final String STYLE =
      """
      body{font-family:system-ui,sans-serif;margin:2em;color:#1f2328}
      h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
      section{border:1px solid #d0d7de;border-radius:6px;padding:0 1em 1em;margin:1em 0}
      .passed h3::before{content:"\\2714  ";color:#1a7f37}.failed h3::before{content:"\\2718  ";color:#cf222e}
      .failed{border-color:#cf222e}
      table{border-collapse:collapse;width:100%}td,th{border:1px solid #d0d7de;padding:4px 8px;vertical-align:top;text-align:left}
      pre{margin:0;font-size:12px;white-space:pre-wrap}
      .del{background:#ffebe9}.ins{background:#dafbe1}
      .meta{color:#59636e}
      .counts{font-size:1.1em}.pass{color:#1a7f37}.fail{color:#cf222e}
      """;

  private HtmlReport() {}

  public static String render(VerificationRun results) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Pact verification of ")
        .append(escape(results.provider()))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    html.append("<h1>Pact verification of ")
        .append(escape(results.provider()))
        .append(results.success() ? ": passed" : ": " + results.verdict())
        .append("</h1>\n<p class=\"counts\"><span class=\"pass\">")
        .append(results.passed())
        .append(" passed</span>, <span class=\"fail\">")
        .append(results.failed())
        .append(" failed</span></p>\n<p class=\"meta\">version <code>")
        .append(escape(results.providerVersion()))
        .append("</code>");
    if (results.providerVersion().endsWith(ProviderVersion.DIRTY)) {
      html.append(" (built from uncommitted changes)");
    }
    html.append(", branch <code>").append(escape(results.branch())).append("</code></p>\n");
    // Failures first: the reader opens the report to find what broke.
    List<PactResult> pacts = new ArrayList<>(results.pacts());
    pacts.sort(Comparator.comparing(PactResult::success));
    for (PactResult pact : pacts) {
      html.append("<h2>")
          .append(escape(pact.consumer()))
          .append("</h2>\n<p class=\"meta\">pact <code>")
          .append(escape(String.valueOf(pact.pactFile())))
          .append("</code>, sha256 <code>")
          .append(escape(String.valueOf(pact.pactSha256())))
          .append("</code>, verified ")
          .append(escape(pact.verifiedAt()))
          .append("</p>\n");
      List<InteractionResult> interactions = new ArrayList<>(pact.interactions());
      interactions.sort(Comparator.comparing(InteractionResult::success));
      for (InteractionResult i : interactions) {
        interaction(html, i);
      }
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static void interaction(StringBuilder html, InteractionResult i) {
    html.append("<section class=\"")
        .append(i.success() ? "passed" : "failed")
        .append("\">\n<h3>")
        .append(escape(i.description()))
        .append(i.pendingFailure() ? " (pending)" : "")
        .append("</h3>\n<p>provider state: ")
        .append(escape(i.states().isEmpty() ? "(none)" : String.join("; ", i.states())))
        .append("</p>\n");
    Exchange exchange = i.exchange();
    if (exchange != null) {
      html.append("<table>\n<tr><th>request</th></tr>\n<tr><td><pre>")
          .append(escape(exchange.request()))
          .append("</pre></td></tr>\n</table>\n");
      String expected = exchange.expected() == null ? "" : exchange.expected();
      String actual = exchange.actual();
      html.append("<table>\n<tr><th>expected response</th><th>actual response</th></tr>\n<tr>");
      if (actual == null) {
        html.append("<td><pre>")
            .append(escape(expected))
            .append("</pre></td><td><pre>")
            .append(i.success() ? "(not recorded)" : "(no response: see the failure below)")
            .append("</pre></td>");
      } else if (i.success()) {
        html.append("<td><pre>")
            .append(escape(expected))
            .append("</pre></td><td><pre>")
            .append(escape(actual))
            .append("</pre></td>");
      } else {
        String[] sides = diffMessages(expected, actual);
        html.append("<td><pre>")
            .append(sides[0])
            .append("</pre></td><td><pre>")
            .append(sides[1])
            .append("</pre></td>");
      }
      html.append("</tr>\n</table>\n");
    }
    if (!i.success()) {
      List<Difference> differences = i.differences();
      if (!differences.isEmpty()) {
        html.append(
            "<table>\n<tr><th>difference</th><th>path</th><th>expected</th><th>actual</th>"
                + "<th>mismatch</th></tr>\n");
        for (Difference d : differences) {
          html.append("<tr><td>")
              .append(escape(d.kind()))
              .append("</td><td><code>")
              .append(escape(d.path()))
              .append("</code></td><td><pre class=\"del\">")
              .append(escape(d.expected()))
              .append("</pre></td><td><pre class=\"ins\">")
              .append(escape(d.actual()))
              .append("</pre></td><td>")
              .append(escape(d.mismatch()))
              .append("</td></tr>\n");
        }
        html.append("</table>\n");
      }
      html.append("<details><summary>failure message</summary><pre>")
          .append(escape(i.message()))
          .append("</pre></details>\n");
    }
    html.append("</section>\n");
  }

  /**
   * Diffs two HTTP-like messages: the status lines and the bodies are compared; headers are shown
   * as they are, since a provider may send headers that the contract does not mention.
   */
  static String[] diffMessages(String expected, String actual) {
    String[][] left = parts(expected);
    String[][] right = parts(actual);
    String[] starts = diff(left[0], right[0]);
    String[] bodies = diff(left[2], right[2]);
    return new String[] {
      join(starts[0], escape(String.join("\n", left[1])), bodies[0]),
      join(starts[1], escape(String.join("\n", right[1])), bodies[1])
    };
  }

  private static String join(String start, String headers, String body) {
    StringBuilder out = new StringBuilder(start);
    if (!headers.isEmpty()) {
      out.append('\n').append(headers);
    }
    if (!body.isEmpty()) {
      out.append("\n\n").append(body);
    }
    return out.toString();
  }

  /** Splits a message into its first line, its header lines and its body lines. */
  private static String[][] parts(String message) {
    int blank = message.indexOf("\n\n");
    String head = blank < 0 ? message : message.substring(0, blank);
    String body = blank < 0 ? "" : message.substring(blank + 2);
    String[] headLines = head.split("\n", -1);
    String[] headers = new String[headLines.length - 1];
    System.arraycopy(headLines, 1, headers, 0, headers.length);
    return new String[][] {
      new String[] {headLines[0]}, headers, body.isEmpty() ? new String[0] : body.split("\n", -1)
    };
  }

  /** Marks lines only in {@code left} as deleted and lines only in {@code right} as inserted. */
  static String[] diff(String[] left, String[] right) {
    if (left.length > MAX_DIFF_LINES || right.length > MAX_DIFF_LINES) {
      return new String[] {escape(String.join("\n", left)), escape(String.join("\n", right))};
    }
    int[][] lcs = new int[left.length + 1][right.length + 1];
    for (int a = left.length - 1; a >= 0; a--) {
      for (int b = right.length - 1; b >= 0; b--) {
        lcs[a][b] =
            same(left[a], right[b])
                ? lcs[a + 1][b + 1] + 1
                : Math.max(lcs[a + 1][b], lcs[a][b + 1]);
      }
    }
    List<String> l = new ArrayList<>();
    List<String> r = new ArrayList<>();
    int a = 0;
    int b = 0;
    while (a < left.length || b < right.length) {
      if (a < left.length && b < right.length && same(left[a], right[b])) {
        l.add(escape(left[a++]));
        r.add(escape(right[b++]));
      } else if (b < right.length && (a == left.length || lcs[a][b + 1] >= lcs[a + 1][b])) {
        r.add("<span class=\"ins\">" + escape(right[b++]) + "</span>");
      } else {
        l.add("<span class=\"del\">" + escape(left[a++]) + "</span>");
      }
    }
    return new String[] {String.join("\n", l), String.join("\n", r)};
  }

  /**
   * Lines are the same when they differ only in a trailing comma: pretty-printed JSON moves the
   * comma when a field after them is missing or added, and the line itself did not change.
   */
  private static boolean same(String left, String right) {
    return withoutComma(left).equals(withoutComma(right));
  }

  private static String withoutComma(String line) {
    return line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
  }

  /** Escapes text for HTML element content and attribute values. */
  public static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int k = 0; k < value.length(); k++) {
      char c = value.charAt(k);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
