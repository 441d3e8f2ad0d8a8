package io.pactwire.openapi.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.internal.Findings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Rules on a JSON tree (a body, a message payload, message metadata) against its schema: array
 * bounds of {@code eachLike}, type matchers on narrowed fields (and on the fields below them),
 * regexes by witness, number matchers on narrowed numbers, and date and include matchers.
 */
final class TreeRuleCheck {

  private TreeRuleCheck() {}

  /** Checks rules on a JSON tree (a body, a payload, metadata) against its schema. */
  static void check(Scope scope, JsonNode tree, List<Rule> rules, List<Finding> out) {
    Set<String> ruled = new LinkedHashSet<>();
    rules.forEach(r -> ruled.add(String.join("/", r.path())));
    Scope.combined(rules, out, (rule, found) -> check(scope, tree, rule, ruled, found));
  }

  private static boolean check(
      Scope scope, JsonNode body, Rule rule, Set<String> ruled, List<Finding> out) {
    String match = rule.match();
    Located field = Located.locate(scope.prepared(), rule.path());
    if (field == null) {
      return false;
    }
    JsonNode example = example(body, rule.path());
    JsonNode matcher = rule.matcher();
    JsonNode schema = field.schema();
    boolean weighed = true;
    switch (match) {
      case "type" -> {
        int min = matcher.path("min").asInt(-1);
        int max = matcher.path("max").asInt(-1);
        JsonNode minItems = schema.get("minItems");
        JsonNode maxItems = schema.get("maxItems");
        if (matcher.has("min") && minItems != null && min < minItems.asInt()) {
          out.add(
              scope.at(
                  Findings.eachLikeBelowMinItems(scope.where(), min, minItems.asInt()),
                  field,
                  rule,
                  "minItems"));
        }
        if (matcher.has("max") && maxItems != null && max > maxItems.asInt()) {
          out.add(
              scope.at(
                  Findings.maximumAboveMaxItems(scope.where(), max, maxItems.asInt()),
                  field,
                  rule,
                  "maxItems"));
        }
        typeCascade(scope, example, rule, rule.path(), field, ruled, out);
      }
      case "regex" -> regex(scope, field, rule, example, s -> Violations.violation(schema, s), out);
      case "integer", "decimal", "number" -> {
        for (String k :
            List.of(
                "enum",
                "const",
                "minimum",
                "maximum",
                "exclusiveMinimum",
                "exclusiveMaximum",
                "multipleOf")) {
          if (schema.has(k)) {
            out.add(
                scope.at(
                    Findings.numberMatcherNarrowed(scope.where(), match, k, schema.get(k)),
                    field,
                    rule,
                    k));
            break;
          }
        }
      }
      case "date", "time", "timestamp", "datetime", "include" -> {
        weighed = Violations.isString(schema);
        if (weighed) {
          admitted(scope, field, rule, match, out);
        }
      }
      default -> weighed = false;
    }
    return weighed;
  }

  /**
   * Adds a finding when a value that a date, time or include matcher admits fails the schema: an
   * instant in the matcher's format, or a string that includes the matcher's value.
   */
  private static void admitted(
      Scope scope, Located field, Rule rule, String match, List<Finding> out) {
    List<String> admitted;
    Scope.Admits finding;
    if ("include".equals(match)) {
      String part = rule.matcher().path("value").asText("");
      admitted = List.of(part, "x" + part + "x", part + " " + part);
      finding = (w, k, v) -> Findings.includeMatcherAdmits(scope.where(), part, w, k, v);
    } else {
      String format = rule.matcher().path("format").asText(Witnesses.DEFAULT_FORMATS.get(match));
      admitted = Witnesses.dates(format);
      finding = (w, k, v) -> Findings.dateMatcherAdmits(scope.where(), match, format, w, k, v);
    }
    for (String value : admitted) {
      String keyword = Violations.violation(field.schema(), value);
      if (keyword != null) {
        out.add(
            scope.at(
                finding.draft(value, keyword, field.schema().get(keyword)), field, rule, keyword));
        return;
      }
    }
  }

  /**
   * Adds the finding for a regex that matches a value the schema forbids, if a witness shows one.
   */
  static void regex(
      Scope scope,
      Located field,
      Rule rule,
      JsonNode example,
      Function<String, String> violation,
      List<Finding> out) {
    String regex = rule.regex();
    Pattern p = Witnesses.compile(regex);
    if (p == null) {
      return;
    }
    String ex = example != null && example.isTextual() ? example.asText() : "";
    String witness =
        Witnesses.witness(Witnesses.candidates(regex, ex), c -> p.matcher(c).matches(), violation);
    if (witness != null) {
      String keyword = violation.apply(witness);
      out.add(
          scope.at(
              Findings.regexMatches(
                  scope.where(), regex, witness, keyword, field.schema().get(keyword)),
              field,
              rule,
              keyword));
    }
  }

  /** A type matcher applies to the value and, in Pact, to everything below it without a rule. */
  private static void typeCascade(
      Scope scope,
      JsonNode example,
      Rule rule,
      List<String> path,
      Located field,
      Set<String> ruled,
      List<Finding> out) {
    if (example == null || field == null) {
      return;
    }
    if (!path.equals(rule.path()) && ruled.contains(String.join("/", path))) {
      return;
    }
    if (example.isValueNode() && !example.isNull()) {
      for (String k : Violations.NARROWING) {
        if (field.schema().has(k) && Violations.applies(k, example)) {
          String below = path.equals(rule.path()) ? null : String.join(".", path);
          String kind = example.isTextual() ? "string" : example.isNumber() ? "number" : "value";
          out.add(
              scope.at(
                  Findings.typeMatcherNarrowed(
                      scope.where(), kind, below, k, field.schema().get(k)),
                  field,
                  rule,
                  k));
          return;
        }
      }
      return;
    }
    if (example.isArray()) {
      for (int i = 0; i < example.size(); i++) {
        List<String> next = new ArrayList<>(path);
        next.add("*");
        typeCascade(
            scope,
            example.get(i),
            rule,
            next,
            Located.child(scope.prepared(), field, "*"),
            ruled,
            out);
        break;
      }
    } else if (example.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        List<String> next = new ArrayList<>(path);
        next.add(e.getKey());
        typeCascade(
            scope,
            e.getValue(),
            rule,
            next,
            Located.child(scope.prepared(), field, e.getKey()),
            ruled,
            out);
      }
    }
  }

  /** The example's value at a rule's path (its first item for {@code *}), or null. */
  private static JsonNode example(JsonNode body, List<String> path) {
    JsonNode n = body;
    for (String s : path) {
      if (n == null) {
        return null;
      }
      if (n.isArray()) {
        n = "*".equals(s) ? n.get(0) : s.matches("\\d+") ? n.get(Integer.parseInt(s)) : null;
      } else {
        n = "*".equals(s) ? null : n.get(s);
      }
    }
    return n;
  }
}
