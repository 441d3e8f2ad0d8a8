package io.pactwire.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders findings as JSON (the array openapi-pact-comparator prints), as text for people, and as
 * JUnit XML for CI servers.
 *
 * @since 0.1.0
 */
public final class FindingsReport {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FindingsReport() {}

  /** The findings as a JSON array, two-space indented, with a trailing newline. */
  public static String json(List<Finding> findings) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
    printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    try {
      return JSON.writer(printer).writeValueAsString(findings).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The findings as text, one block per finding: type and code, message, then where in the pact and
   * where in the spec; ends with a count line.
   */
  public static String text(String pact, List<Finding> findings) {
    long errors = findings.stream().filter(Finding::isError).count();
    long warnings = findings.stream().filter(f -> f.type() == Finding.Type.WARNING).count();
    return body(findings)
        + pact
        + ": "
        + errors
        + (errors == 1 ? " error, " : " errors, ")
        + warnings
        + (warnings == 1 ? " warning" : " warnings")
        + "\n";
  }

  private static String body(List<Finding> findings) {
    StringBuilder b = new StringBuilder();
    for (Finding f : findings) {
      b.append(f.type().label()).append("  ").append(f.code()).append('\n');
      b.append("  ").append(f.message()).append('\n');
      if (f.mockDetails() != null) {
        b.append("  pact: ").append(f.mockDetails().location());
        if (f.mockDetails().interactionDescription() != null) {
          b.append("  (\"").append(f.mockDetails().interactionDescription()).append('"');
          String state = f.mockDetails().interactionState();
          if (state != null && !"[none]".equals(state)) {
            b.append(" given \"").append(state).append('"');
          }
          b.append(')');
        }
        b.append('\n');
      }
      if (f.specDetails() != null) {
        b.append("  spec: ").append(f.specDetails().location()).append('\n');
      }
    }
    return b.toString();
  }

  /**
   * The findings as a JUnit XML report: one test case per interaction with findings, failing when
   * any of them is an error; warnings go to {@code system-out}.
   */
  public static String junit(String pact, List<Finding> findings) {
    Map<String, List<Finding>> byInteraction = new LinkedHashMap<>();
    for (Finding f : findings) {
      String key = f.mockDetails() == null ? "[root]" : interactionOf(f.mockDetails().location());
      byInteraction.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(f);
    }
    long failures =
        byInteraction.values().stream().filter(l -> l.stream().anyMatch(Finding::isError)).count();
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<testsuite name=\"")
        .append(xml(pact))
        .append("\" tests=\"")
        .append(byInteraction.size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"0\" skipped=\"0\">\n");
    for (Map.Entry<String, List<Finding>> e : byInteraction.entrySet()) {
      Finding first = e.getValue().get(0);
      String name =
          first.mockDetails() != null && first.mockDetails().interactionDescription() != null
              ? first.mockDetails().interactionDescription()
              : e.getKey();
      b.append("  <testcase classname=\"")
          .append(xml(pact))
          .append("\" name=\"")
          .append(xml(name))
          .append("\"");
      List<Finding> errors = e.getValue().stream().filter(Finding::isError).toList();
      List<Finding> others = e.getValue().stream().filter(f -> !f.isError()).toList();
      if (errors.isEmpty() && others.isEmpty()) {
        b.append("/>\n");
        continue;
      }
      b.append(">\n");
      if (!errors.isEmpty()) {
        b.append("    <failure message=\"")
            .append(xml(errors.get(0).message()))
            .append("\" type=\"")
            .append(xml(errors.get(0).code()))
            .append("\">")
            .append(xml(body(errors).stripTrailing()))
            .append("</failure>\n");
      }
      if (!others.isEmpty()) {
        b.append("    <system-out>")
            .append(xml(body(others).stripTrailing()))
            .append("</system-out>\n");
      }
      b.append("  </testcase>\n");
    }
    b.append("</testsuite>\n");
    return b.toString();
  }

  private static String interactionOf(String location) {
    int end = location.indexOf(']', location.indexOf("interactions["));
    return end < 0 ? location : location.substring(0, end + 1);
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
