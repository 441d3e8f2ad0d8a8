package io.pactwire.evolve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The matchers of one rule, in pact's words: their kinds ({@code type}, {@code regex}, {@code
 * integer}...), the details that change what they accept (a regex, a format, a value) and the array
 * bounds.
 *
 * @param kinds the first matcher's kind and any others, in the pact's order
 * @param text the rule as a reader sees it, such as {@code regex "\d+"}; bounds are apart
 * @param min the smallest array length any of them allows, or null
 * @param max the largest array length any of them allows, or null
 */
public record Matcher(List<String> kinds, String text, Integer min, Integer max) {

  /** Reads a rule: V3/V4 {@code {matchers: [...], combine}} or a V2 single matcher object. */
  static Matcher read(JsonNode rule) {
    List<JsonNode> matchers = new ArrayList<>();
    JsonNode list = rule.get("matchers");
    if (list != null && list.isArray()) {
      list.forEach(matchers::add);
    } else if (rule.isObject()) {
      matchers.add(rule);
    }
    if (matchers.isEmpty()) {
      return null;
    }
    List<String> kinds = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Integer min = null;
    Integer max = null;
    for (JsonNode m : matchers) {
      String kind = kind(m);
      kinds.add(kind);
      StringBuilder text = new StringBuilder(kind);
      Map<String, JsonNode> details = new java.util.TreeMap<>();
      m.properties().forEach(e -> details.put(e.getKey(), e.getValue()));
      for (Map.Entry<String, JsonNode> detail : details.entrySet()) {
        String key = detail.getKey();
        switch (key) {
          case "match", "min", "max" -> {}
          default -> {
            text.append(' ');
            if (!key.equals(kind)) {
              text.append(key).append(' ');
            }
            JsonNode v = detail.getValue();
            text.append(v.isTextual() ? "\"" + v.textValue() + "\"" : v.toString());
          }
        }
      }
      texts.add(text.toString());
      if (m.path("min").canConvertToInt()) {
        min = m.get("min").intValue();
      }
      if (m.path("max").canConvertToInt()) {
        max = m.get("max").intValue();
      }
    }
    String combine = rule.path("combine").asText("AND").equalsIgnoreCase("OR") ? " or " : " and ";
    return new Matcher(List.copyOf(kinds), String.join(combine, texts), min, max);
  }

  private static String kind(JsonNode m) {
    JsonNode match = m.get("match");
    if (match != null && match.isTextual()) {
      return match.textValue();
    }
    if (m.has("regex")) {
      return "regex";
    }
    return "type";
  }

  /** The record's own {@code toString} text, built directly (see {@link Element#toString()}). */
  @Override
  public String toString() {
    return appendTo(new StringBuilder(64)).toString();
  }

  StringBuilder appendTo(StringBuilder b) {
    return b.append("Matcher[kinds=")
        .append(kinds)
        .append(", text=")
        .append(text)
        .append(", min=")
        .append(min)
        .append(", max=")
        .append(max)
        .append(']');
  }

  /** The first matcher's kind. */
  public String kind() {
    return kinds.get(0);
  }
}
