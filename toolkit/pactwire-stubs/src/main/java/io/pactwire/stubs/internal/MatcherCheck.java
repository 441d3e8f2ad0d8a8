package io.pactwire.stubs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.PactFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses a request matching rule that pact-jvm does not know. pact-jvm reads an unknown {@code
 * match} as equality and only logs a warning; a stub built on that would quietly judge by a rule
 * the pact does not state, so the stub builder stops with the rule's location instead.
 */
final class MatcherCheck {

  /** The {@code match} values pact-jvm 4.7.5's {@code MatchingRule.create} reads. */
  static final Set<String> KNOWN =
      Set.of(
          "equality",
          "regex",
          "type",
          "min",
          "max",
          "include",
          "number",
          "integer",
          "decimal",
          "real",
          "timestamp",
          "datetime",
          "date",
          "time",
          "values",
          "contentType",
          "content-type",
          "null",
          "boolean",
          "arrayContains",
          "array-contains",
          "statusCode",
          "status-code",
          "notEmpty",
          "not-empty",
          "semver",
          "eachKey",
          "each-key",
          "eachValue",
          "each-value");

  /** Keys from which pact-jvm infers a rule written without {@code match} (V2 rules). */
  private static final Set<String> IMPLIED =
      Set.of("regex", "min", "max", "timestamp", "date", "time");

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Path file;
  private final String description;

  private MatcherCheck(Path file, String description) {
    this.file = file;
    this.description = description;
  }

  /**
   * Checks the request rules of the HTTP interaction at {@code at} (e.g. {@code
   * $.interactions[2]}).
   */
  static void request(Path file, JsonNode interaction, String at) {
    String description = interaction.path("description").asText("");
    JsonNode rules = interaction.path("request").get("matchingRules");
    if (rules != null && rules.isObject()) {
      new MatcherCheck(file, description).walk(rules, at + ".request.matchingRules", 0);
    }
  }

  private void walk(JsonNode node, String at, int depth) {
    if (!node.isObject() || depth > 6) {
      return;
    }
    JsonNode matchers = node.get("matchers");
    if (matchers != null && matchers.isArray()) {
      for (int i = 0; i < matchers.size(); i++) {
        rule(matchers.get(i), at + ".matchers[" + i + "]");
      }
      return;
    }
    if (node.has("match") || isImplied(node)) {
      rule(node, at);
      return;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      walk(entry.getValue(), at + step(entry.getKey()), depth + 1);
    }
  }

  private void rule(JsonNode rule, String at) {
    JsonNode match = rule.get("match");
    if (match == null) {
      if (isImplied(rule)) {
        return;
      }
      fail(at, "a matching rule without \"match\" and without regex, min or max");
    }
    if (!match.isTextual() || !KNOWN.contains(match.textValue())) {
      fail(
          at + ".match",
          "unsupported matcher "
              + match
              + ": pact-jvm does not know it and would compare by equality instead");
    }
    if (match.textValue().equals("eachKey") || match.textValue().equals("eachValue")) {
      JsonNode inner = rule.get("rules");
      if (inner != null && inner.isArray()) {
        for (int i = 0; i < inner.size(); i++) {
          rule(inner.get(i), at + ".rules[" + i + "]");
        }
      }
    }
  }

  private static boolean isImplied(JsonNode node) {
    for (String key : IMPLIED) {
      if (node.has(key) && !node.get(key).isObject()) {
        return true;
      }
    }
    return false;
  }

  private void fail(String at, String problem) {
    throw new PactFileException(file, at, "interaction \"" + description + "\": " + problem, null);
  }

  static String step(String name) {
    return PLAIN_NAME.matcher(name).matches()
        ? "." + name
        : "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }
}
