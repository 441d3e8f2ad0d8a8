package io.pactwire.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.Finding.MockDetails;
import io.pactwire.openapi.Finding.SpecDetails;
import io.pactwire.openapi.Finding.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Findings for body matching rules that admit values the spec forbids: a regex whose pattern
 * matches a value outside the schema (shown by a witness value), a type matcher on a field whose
 * schema is narrower than its type (enum, const, format, pattern, length or range), and an {@code
 * eachLike} minimum below {@code minItems} (or maximum above {@code maxItems}). A stub built from
 * the pact may return any value its matchers admit, so each of these is an error even when the
 * example value passes.
 */
public final class MatchingRules {

  private static final List<String> NARROWING =
      List.of(
          "enum",
          "const",
          "format",
          "pattern",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "multipleOf");

  private MatchingRules() {}

  /** A matching rule at a body path, and where it is written in the pact. */
  private record Rule(List<String> path, String pactPath, JsonNode matcher, String location) {}

  /** Checks the request and response body rules of one HTTP interaction. */
  public static void check(
      HttpChecker checker, JsonNode interaction, HttpChecker.Http h, List<Finding> out) {
    for (boolean response : new boolean[] {false, true}) {
      String side = response ? "response" : "request";
      List<Rule> rules =
          rules(interaction.path(side), "[root].interactions[" + h.index() + "]." + side);
      if (rules.isEmpty()) {
        continue;
      }
      HttpChecker.BodySchema schema = checker.bodySchema(h, response);
      JsonNode body = response ? h.responseBody() : h.requestBody();
      if (schema == null || body == null) {
        continue;
      }
      Set<String> ruled = new LinkedHashSet<>();
      rules.forEach(r -> ruled.add(String.join("/", r.path)));
      for (Rule rule : rules) {
        check(h, schema, body, rule, ruled, side, out);
      }
    }
  }

  private static void check(
      HttpChecker.Http h,
      HttpChecker.BodySchema schema,
      JsonNode body,
      Rule rule,
      Set<String> ruled,
      String side,
      List<Finding> out) {
    String match = rule.matcher.path("match").asText("");
    Located field = locate(schema.prepared(), rule.path);
    if (field == null) {
      return;
    }
    JsonNode example = example(body, rule.path);
    String code = side + ".body.matcher.incompatible";
    switch (match) {
      case "type" -> {
        int min = rule.matcher.path("min").asInt(-1);
        int max = rule.matcher.path("max").asInt(-1);
        JsonNode minItems = field.schema.get("minItems");
        JsonNode maxItems = field.schema.get("maxItems");
        if (rule.matcher.has("min") && minItems != null && min < minItems.asInt()) {
          out.add(
              finding(
                  h,
                  schema,
                  field,
                  code,
                  rule,
                  "minItems",
                  "Matcher admits arrays the spec forbids: eachLike minimum "
                      + min
                      + " is below minItems "
                      + minItems.asInt()));
        }
        if (rule.matcher.has("max") && maxItems != null && max > maxItems.asInt()) {
          out.add(
              finding(
                  h,
                  schema,
                  field,
                  code,
                  rule,
                  "maxItems",
                  "Matcher admits arrays the spec forbids: maximum "
                      + max
                      + " is above maxItems "
                      + maxItems.asInt()));
        }
        typeCascade(h, schema, example, rule, rule.path, field, ruled, code, out);
      }
      case "regex" -> {
        String regex = rule.matcher.path("regex").asText("");
        String witness = witness(regex, field.schema, example);
        if (witness != null) {
          String keyword = violation(field.schema, witness);
          out.add(
              finding(
                  h,
                  schema,
                  field,
                  code,
                  rule,
                  keyword,
                  "Matcher admits values the spec forbids: regex '"
                      + regex
                      + "' matches \""
                      + witness
                      + "\", which fails '"
                      + keyword
                      + "' "
                      + field.schema.get(keyword)));
        }
      }
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
          if (field.schema.has(k)) {
            out.add(
                finding(
                    h,
                    schema,
                    field,
                    code,
                    rule,
                    k,
                    "Matcher admits values the spec forbids: a "
                        + match
                        + " matcher admits any "
                        + match
                        + ", but the spec narrows it with '"
                        + k
                        + "' "
                        + field.schema.get(k)));
            break;
          }
        }
      }
      default -> {}
    }
  }

  /** A type matcher applies to the value and, in Pact, to everything below it without a rule. */
  private static void typeCascade(
      HttpChecker.Http h,
      HttpChecker.BodySchema schema,
      JsonNode example,
      Rule rule,
      List<String> path,
      Located field,
      Set<String> ruled,
      String code,
      List<Finding> out) {
    if (example == null || field == null) {
      return;
    }
    if (!path.equals(rule.path) && ruled.contains(String.join("/", path))) {
      return;
    }
    if (example.isValueNode() && !example.isNull()) {
      for (String k : NARROWING) {
        if (field.schema.has(k) && applies(k, example)) {
          String where =
              path.equals(rule.path) ? "" : " (at " + String.join(".", path) + ", below it)";
          out.add(
              finding(
                  h,
                  schema,
                  field,
                  code,
                  rule,
                  k,
                  "Matcher admits values the spec forbids: a type matcher admits any "
                      + (example.isTextual() ? "string" : example.isNumber() ? "number" : "value")
                      + where
                      + ", but the spec narrows it with '"
                      + k
                      + "' "
                      + field.schema.get(k)));
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
            h,
            schema,
            example.get(i),
            rule,
            next,
            locateChild(schema.prepared(), field, "*"),
            ruled,
            code,
            out);
        break;
      }
    } else if (example.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        List<String> next = new ArrayList<>(path);
        next.add(e.getKey());
        typeCascade(
            h,
            schema,
            e.getValue(),
            rule,
            next,
            locateChild(schema.prepared(), field, e.getKey()),
            ruled,
            code,
            out);
      }
    }
  }

  private static boolean applies(String keyword, JsonNode example) {
    return switch (keyword) {
      case "format", "pattern", "minLength", "maxLength" -> example.isTextual();
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" ->
          example.isNumber();
      default -> true;
    };
  }

  private static Finding finding(
      HttpChecker.Http h,
      HttpChecker.BodySchema schema,
      Located field,
      String code,
      Rule rule,
      String keyword,
      String message) {
    List<String> specPath = new ArrayList<>(field.path);
    specPath.add(keyword);
    return new Finding(
        code,
        message,
        new MockDetails(h.description(), h.state(), rule.location, rule.matcher),
        new SpecDetails(
            schema.schemaId()
                + ".schema"
                + (specPath.isEmpty() ? "" : "." + String.join(".", specPath)),
            null,
            null,
            field.schema.get(keyword)),
        Type.ERROR);
  }

  /** A sub-schema and its path from the prepared schema's root. */
  private record Located(JsonNode schema, List<String> path) {}

  private static Located deref(JsonNode root, Located l) {
    JsonNode n = l.schema;
    List<String> path = l.path;
    for (int i = 0; i < 32 && n != null && n.path("$ref").isTextual(); i++) {
      String ref = n.get("$ref").asText();
      n = Json.at(root, ref);
      path = Json.split(ref);
    }
    return n == null ? null : new Located(n, path);
  }

  private static Located locate(ObjectNode root, List<String> path) {
    Located l = deref(root, new Located(root, List.of()));
    for (String segment : path) {
      if (l == null) {
        return null;
      }
      l = locateChild(root, l, segment);
    }
    return l;
  }

  private static Located locateChild(JsonNode root, Located parent, String segment) {
    if (parent == null) {
      return null;
    }
    Located l = deref(root, parent);
    if (l == null) {
      return null;
    }
    List<String> path = new ArrayList<>(l.path);
    boolean index = "*".equals(segment) || segment.matches("\\d+");
    if (index && l.schema.has("items")) {
      path.add("items");
      return deref(root, new Located(l.schema.get("items"), path));
    }
    if (l.schema.path("properties").has(segment)) {
      path.add("properties");
      path.add(segment);
      return deref(root, new Located(l.schema.get("properties").get(segment), path));
    }
    if (l.schema.path("additionalProperties").isObject()) {
      path.add("additionalProperties");
      return deref(root, new Located(l.schema.get("additionalProperties"), path));
    }
    return null;
  }

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

  /** Reads V2 ({@code $.body.a}) and V3/V4 ({@code body: {$.a: {matchers}}}) body rules. */
  private static List<Rule> rules(JsonNode side, String base) {
    List<Rule> out = new ArrayList<>();
    JsonNode rules = side.path("matchingRules");
    if (!rules.isObject()) {
      return out;
    }
    JsonNode body = rules.get("body");
    if (body != null && body.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode matchers = e.getValue().path("matchers");
        for (int i = 0; i < matchers.size(); i++) {
          out.add(
              new Rule(
                  parse(e.getKey()),
                  e.getKey(),
                  matchers.get(i),
                  base + ".matchingRules.body." + e.getKey() + ".matchers[" + i + "]"));
        }
      }
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("$.body")
          || e.getKey().startsWith("$.body.")
          || e.getKey().startsWith("$.body[")) {
        out.add(
            new Rule(
                parse("$" + e.getKey().substring(6)),
                e.getKey(),
                e.getValue(),
                base + ".matchingRules." + e.getKey()));
      }
    }
    return out;
  }

  private static final Pattern SEGMENT =
      Pattern.compile("\\.([^.\\[]+)|\\['([^']*)'\\]|\\[(\\*|\\d+)\\]");

  static List<String> parse(String path) {
    List<String> out = new ArrayList<>();
    Matcher m = SEGMENT.matcher(path.startsWith("$") ? path.substring(1) : path);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
    return out;
  }

  /** A value the regex matches and the schema forbids, or null when none is found. */
  static String witness(String regex, JsonNode schema, JsonNode example) {
    Pattern p;
    try {
      p = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return null;
    }
    Set<String> candidates = new LinkedHashSet<>(alternatives(regex));
    String ex = example != null && example.isTextual() ? example.asText() : "";
    candidates.addAll(
        List.of(
            ex,
            ex + "x",
            ex.toUpperCase(),
            ex.toLowerCase(),
            ex.isEmpty() ? "" : ex.substring(1),
            ex.isEmpty() ? "" : ex.substring(0, ex.length() - 1),
            ex.isEmpty() ? "" : ex + ex.charAt(ex.length() - 1),
            ex + ex,
            "",
            "a",
            "x",
            "A",
            "Z",
            "abc",
            "ABC",
            "0",
            "1",
            "9",
            "-1",
            "1.5",
            "a b",
            "true",
            "null",
            "2026-11-28",
            "2026-11-28T23:00:00Z",
            "9999-99-99",
            "2026-02-31T25:61:00Z",
            "not-a-date",
            "user@example.com",
            "00000000-0000-0000-0000-000000000000",
            "ZZZ",
            "AAA",
            "aaa",
            "zzz",
            "a".repeat(300),
            "1".repeat(40)));
    Map<String, String> failing = new LinkedHashMap<>();
    for (String c : candidates) {
      if (p.matcher(c).matches()) {
        String v = violation(schema, c);
        if (v != null) {
          failing.put(c, v);
        }
      }
    }
    return failing.isEmpty() ? null : failing.keySet().iterator().next();
  }

  private static List<String> alternatives(String regex) {
    String r = regex;
    if (r.startsWith("^")) {
      r = r.substring(1);
    }
    if (r.endsWith("$")) {
      r = r.substring(0, r.length() - 1);
    }
    if (r.startsWith("(") && r.endsWith(")")) {
      r = r.substring(1, r.length() - 1);
      if (r.startsWith("?:")) {
        r = r.substring(2);
      }
    }
    List<String> out = new ArrayList<>();
    for (String alt : r.split("\\|", -1)) {
      if (alt.matches("[A-Za-z0-9 _\\-]*")) {
        out.add(alt);
      }
    }
    return out;
  }

  /** The keyword of {@code schema} that a string value fails, or null. */
  static String violation(JsonNode schema, String value) {
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode e : schema.get("enum")) {
        found |= e.isTextual() && e.asText().equals(value);
      }
      if (!found) {
        return "enum";
      }
    }
    if (schema.has("const") && !schema.get("const").asText().equals(value)) {
      return "const";
    }
    if (schema.has("pattern")) {
      try {
        if (!Pattern.compile(schema.get("pattern").asText()).matcher(value).find()) {
          return "pattern";
        }
      } catch (PatternSyntaxException ignored) {
        // an ECMA pattern Java cannot read decides nothing
      }
    }
    int length = value.codePointCount(0, value.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      return "minLength";
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      return "maxLength";
    }
    if (schema.has("format") && !formatOk(schema.get("format").asText(), value)) {
      return "format";
    }
    return null;
  }

  private static boolean formatOk(String format, String value) {
    try {
      switch (format) {
        case "date-time" -> OffsetDateTime.parse(value);
        case "date" -> LocalDate.parse(value);
        case "uuid" -> {
          return value.matches(
              "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        }
        case "email" -> {
          return value.matches("[^@\\s]+@[^@\\s]+");
        }
        default -> {
          return true;
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
