package io.pactwire.openapi.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.internal.JsonPath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A matching rule at a path below its category, and where it is written in the pact. {@code group}
 * names the list of matchers it is one of; {@code and} says that list has more than one matcher,
 * combined with AND (pact's default), so that a value must satisfy them all.
 */
record Rule(
    List<String> path,
    String pactPath,
    JsonNode matcher,
    String location,
    String group,
    boolean and) {

  /** Where V2 writes each category's rules, as a prefix of the rule's key. */
  private static final Map<String, List<String>> V2_PREFIXES =
      Map.of(
          "body", List.of("$.body"),
          "header", List.of("$.headers", "$.header"),
          "query", List.of("$.query"),
          "path", List.of("$.path"));

  /**
   * Reads the rules of one category: V3/V4 ({@code body: {$.a: {matchers}}}, {@code header: {Name:
   * {matchers}}}, {@code path: {matchers}}) or V2 ({@code $.body.a}, {@code $.headers.Name}, {@code
   * $.query.name}, {@code $.path}). A body rule's path is its JSON path; a header's or query
   * parameter's is its name; the path's is empty.
   */
  static List<Rule> read(JsonNode side, String base, String category) {
    List<Rule> out = new ArrayList<>();
    JsonNode rules = side.path("matchingRules");
    if (!rules.isObject()) {
      return out;
    }
    boolean tree = !"header".equals(category) && !"query".equals(category);
    JsonNode v3 = rules.get(category);
    if (v3 != null && v3.isObject()) {
      String at = base + ".matchingRules." + category;
      if ("path".equals(category)) {
        addMatchers(out, List.of(), "path", v3, at);
        return out;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = v3.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        List<String> path =
            tree && !"metadata".equals(category)
                ? JsonPath.parse(e.getKey()).names()
                : List.of(e.getKey());
        addMatchers(out, path, e.getKey(), e.getValue(), at + "." + e.getKey());
      }
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      for (String prefix : V2_PREFIXES.getOrDefault(category, List.of())) {
        String key = e.getKey();
        String rest = key.startsWith(prefix) ? key.substring(prefix.length()) : null;
        if (rest == null || !(rest.isEmpty() || rest.startsWith(".") || rest.startsWith("["))) {
          continue;
        }
        List<String> path = JsonPath.parse("$" + rest).names();
        if (!tree) {
          if (path.isEmpty()) {
            break;
          }
          path = List.of(path.get(0));
        } else if ("path".equals(category) && !path.isEmpty()) {
          break;
        }
        String location = base + ".matchingRules." + key;
        out.add(new Rule(path, key, e.getValue(), location, location, false));
        break;
      }
    }
    return out;
  }

  /** Adds the rules of one {@code {"combine": ..., "matchers": [...]}} list. */
  private static void addMatchers(
      List<Rule> out, List<String> path, String pactPath, JsonNode list, String location) {
    JsonNode matchers = list.path("matchers");
    boolean and = matchers.size() > 1 && !"OR".equals(list.path("combine").asText("AND"));
    for (int i = 0; i < matchers.size(); i++) {
      out.add(
          new Rule(
              path, pactPath, matchers.get(i), location + ".matchers[" + i + "]", location, and));
    }
  }

  /** The kind of the matcher; V2 rules may leave out {@code match} ({@code {"regex": "..."}}). */
  String match() {
    if (matcher.path("match").isTextual()) {
      return matcher.get("match").asText();
    }
    if (matcher.has("regex")) {
      return "regex";
    }
    return matcher.has("min") || matcher.has("max") ? "type" : "";
  }

  /** The matcher's regex, or "" when it has none. */
  String regex() {
    return matcher.path("regex").asText("");
  }
}
