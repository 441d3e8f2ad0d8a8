package io.pactwire.record.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.internal.report.MarkdownReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A monitor's history as a timeline per interaction: Markdown or a standalone HTML page. */
public final class Timeline {

  private record Row(String at, String outcome, List<String> drift, String note) {}

  private Timeline() {}

  /** The timeline in Markdown: a heading and a table per interaction, oldest run first. */
  public static String markdown(List<ObjectNode> runs) {
    StringBuilder out = new StringBuilder();
    out.append("# Drift timeline: ").append(MarkdownReport.heading(title(runs))).append("\n\n");
    out.append(summary(runs)).append("\n");
    for (Map.Entry<String, List<Row>> e : rows(runs).entrySet()) {
      out.append("\n## ").append(MarkdownReport.heading(e.getKey())).append("\n\n");
      out.append("| run | outcome | drift or note |\n|---|---|---|\n");
      for (Row row : e.getValue()) {
        List<String> cells = new ArrayList<>();
        for (String d : row.drift()) {
          cells.add(cell(d));
        }
        if (!row.note().isEmpty()) {
          cells.add(cell(row.note()));
        }
        out.append("| ")
            .append(row.at())
            .append(" | ")
            .append(row.outcome())
            .append(" | ")
            .append(String.join("<br>", cells))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  /** The timeline as a standalone HTML page. */
  public static String html(List<ObjectNode> runs) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Drift timeline: ")
        .append(escape(title(runs)))
        .append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}\n")
        .append("table{border-collapse:collapse;margin-bottom:2em}\n")
        .append(
            "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}\n")
        .append(".ok{color:#1a7f37}.drift{color:#b42318}.unreachable,.skipped{color:#8a6d00}\n")
        .append(".new{font-weight:bold}\n</style>\n</head>\n<body>\n")
        .append("<h1>Drift timeline: ")
        .append(escape(title(runs)))
        .append("</h1>\n<p>")
        .append(escape(summary(runs)))
        .append("</p>\n");
    for (Map.Entry<String, List<Row>> e : rows(runs).entrySet()) {
      out.append("<h2>")
          .append(escape(e.getKey()))
          .append("</h2>\n<table>\n")
          .append("<tr><th>run</th><th>outcome</th><th>drift or note</th></tr>\n");
      for (Row row : e.getValue()) {
        List<String> cells = new ArrayList<>();
        for (String d : row.drift()) {
          cells.add(
              d.startsWith("**new** ")
                  ? "<span class=\"new\">new</span> " + escape(d.substring(8))
                  : escape(d));
        }
        if (!row.note().isEmpty()) {
          cells.add(escape(row.note()));
        }
        out.append("<tr><td>")
            .append(escape(row.at()))
            .append("</td><td class=\"")
            .append(escape(row.outcome()))
            .append("\">")
            .append(escape(row.outcome()))
            .append("</td><td>")
            .append(String.join("<br>", cells))
            .append("</td></tr>\n");
      }
      out.append("</table>\n");
    }
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private static String title(List<ObjectNode> runs) {
    if (runs.isEmpty()) {
      return "no runs yet";
    }
    ObjectNode last = runs.get(runs.size() - 1);
    return last.path("consumer").asText("?") + " → " + last.path("provider").asText("?");
  }

  private static String summary(List<ObjectNode> runs) {
    if (runs.isEmpty()) {
      return "No runs.";
    }
    return runs.size()
        + (runs.size() == 1 ? " run" : " runs")
        + ", from "
        + runs.get(0).path("at").asText()
        + " to "
        + runs.get(runs.size() - 1).path("at").asText()
        + ".";
  }

  /** By interaction (request, then description when it differs), in order of first appearance. */
  private static Map<String, List<Row>> rows(List<ObjectNode> runs) {
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    for (ObjectNode run : runs) {
      for (JsonNode call : run.path("interactions")) {
        String interaction = call.path("interaction").asText();
        String request = call.path("request").asText(interaction);
        String heading =
            request.equals(interaction) ? request : request + " — '" + interaction + "'";
        List<String> drift = new ArrayList<>();
        for (JsonNode d : call.path("drift")) {
          String path = d.path("path").asText("");
          drift.add(
              (d.path("new").asBoolean(false) ? "**new** " : "")
                  + d.path("kind").asText()
                  + (path.isEmpty() ? "" : " " + path)
                  + " (expected "
                  + d.path("expected").asText("nothing")
                  + ", got "
                  + d.path("actual").asText("nothing")
                  + ")");
        }
        rows.computeIfAbsent(heading, k -> new ArrayList<>())
            .add(
                new Row(
                    run.path("at").asText(),
                    call.path("outcome").asText(),
                    drift,
                    call.path("note").asText("")));
      }
    }
    return rows;
  }

  // a drift new in this run keeps its bold mark; the rest is text, its markup escaped
  private static String cell(String text) {
    return text.startsWith("**new** ")
        ? "**new** " + MarkdownReport.cell(text.substring(8))
        : MarkdownReport.cell(text);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
