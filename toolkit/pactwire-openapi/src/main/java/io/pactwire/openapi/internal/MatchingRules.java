package io.pactwire.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.Finding.MockDetails;
import io.pactwire.openapi.Finding.SpecDetails;
import io.pactwire.openapi.Finding.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Findings for matching rules that admit values the spec forbids: a regex whose pattern matches a
 * value outside the schema (shown by a witness value), a type matcher on a field whose schema is
 * narrower than its type (enum, const, format, pattern, length or range), and an {@code eachLike}
 * minimum below {@code minItems} (or maximum above {@code maxItems}). A stub built from the pact
 * may return, and its mock accept, any value its matchers admit, so each of these is an error even
 * when the example value passes.
 *
 * <p>Rules count wherever Pact writes them: request and response bodies, headers, query parameters
 * and the path of HTTP interactions, and the contents and metadata of messages. Header, query and
 * path values are strings, read as the parameter's schema reads them.
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

  /** The strings a number matcher admits on a header, query parameter or message value. */
  private static final Map<String, String> NUMBER_REGEX =
      Map.of("integer", "-?\\d+", "decimal", "-?\\d+\\.\\d+", "number", "-?\\d+(\\.\\d+)?");

  private MatchingRules() {}

  /**
   * A matching rule at a path below its category, and where it is written in the pact. {@code
   * group} names the list of matchers it is one of; {@code and} says that list has more than one
   * matcher, combined with AND (pact's default), so that a value must satisfy them all.
   */
  private record Rule(
      List<String> path,
      String pactPath,
      JsonNode matcher,
      String location,
      String group,
      boolean and) {}

  /**
   * Where a rule's findings point: the interaction, the finding's code, and the prepared schema
   * with the location of its root in the spec.
   */
  private record Scope(
      String description, String state, String code, ObjectNode prepared, String location) {}

  /** A prepared schema and the location of its root in the spec, for message checks. */
  public record Target(ObjectNode prepared, String location) {}

  /**
   * Checks the rules of one HTTP interaction: request and response bodies and headers, the query
   * and the path.
   */
  public static void check(
      HttpChecker checker, JsonNode interaction, HttpChecker.Http h, List<Finding> out) {
    for (boolean response : new boolean[] {false, true}) {
      String side = response ? "response" : "request";
      JsonNode node = interaction.path(side);
      String base = "[root].interactions[" + h.index() + "]." + side;
      body(checker, h, node, base, response, out);
      if (response) {
        headers(checker, h, node, base, true, out);
        continue;
      }
      // request headers and query are checked, as their examples are, only where the provider
      // accepts the request: a 4xx interaction shows a request the spec is meant to refuse
      if (h.status() < 400) {
        headers(checker, h, node, base, false, out);
        query(checker, h, node, base, out);
      }
      path(checker, h, node, base, out);
    }
  }

  private static void body(
      HttpChecker checker,
      HttpChecker.Http h,
      JsonNode side,
      String base,
      boolean response,
      List<Finding> out) {
    List<Rule> rules = rules(side, base, "body");
    if (rules.isEmpty()) {
      return;
    }
    HttpChecker.BodySchema schema = checker.bodySchema(h, response);
    JsonNode body = response ? h.responseBody() : h.requestBody();
    if (schema == null || body == null) {
      return;
    }
    Scope scope =
        new Scope(
            h.description(),
            h.state(),
            (response ? "response" : "request") + ".body.matcher.incompatible",
            schema.prepared(),
            schema.schemaId() + ".schema");
    checkTree(scope, body, rules, out);
  }

  /**
   * Checks the content and metadata rules of a message against the message the check matched it to.
   * {@code side} holds the rules: the interaction itself, or a synchronous interaction's request or
   * one of its responses, whose location is {@code base}.
   */
  public static void checkMessage(
      JsonNode interaction,
      JsonNode side,
      String base,
      JsonNode payload,
      Target payloadSchema,
      JsonNode metadata,
      Target headersSchema,
      List<Finding> out) {
    String description = Interactions.description(interaction);
    String state = Interactions.state(interaction);
    if (payload != null && payloadSchema != null) {
      List<Rule> rules = new ArrayList<>(rules(side, base, "content"));
      rules.addAll(rules(side, base, "body"));
      Scope scope =
          new Scope(
              description,
              state,
              "message.payload.matcher.incompatible",
              payloadSchema.prepared(),
              payloadSchema.location());
      checkTree(scope, payload, rules, out);
    }
    if (metadata != null && headersSchema != null) {
      Scope scope =
          new Scope(
              description,
              state,
              "message.headers.matcher.incompatible",
              headersSchema.prepared(),
              headersSchema.location());
      checkTree(scope, metadata, rules(side, base, "metadata"), out);
    }
  }

  /** Checks rules on a JSON tree (a body, a payload, metadata) against its schema. */
  private static void checkTree(Scope scope, JsonNode tree, List<Rule> rules, List<Finding> out) {
    Set<String> ruled = new LinkedHashSet<>();
    rules.forEach(r -> ruled.add(String.join("/", r.path)));
    combined(rules, out, (rule, found) -> check(scope, tree, rule, ruled, found));
  }

  /** Checks one rule, adding its findings; says whether it weighed the matcher at all. */
  private interface RuleCheck {
    boolean check(Rule rule, List<Finding> found);
  }

  /**
   * Runs {@code check} on each rule, adding its findings to {@code out} in rule order. Matchers
   * combined with AND all hold for one value, so together they admit only what each of them admits:
   * when one that this check evaluates admits nothing the spec forbids, the findings of the others
   * in its list are dropped. (Matchers combined with OR each admit values of their own, so each
   * one's findings stand.)
   */
  private static void combined(List<Rule> rules, List<Finding> out, RuleCheck check) {
    List<List<Finding>> found = new ArrayList<>();
    Set<String> safe = new HashSet<>();
    for (Rule rule : rules) {
      List<Finding> own = new ArrayList<>();
      boolean weighed = check.check(rule, own);
      found.add(own);
      // only a matcher the check weighed can show the combination safe
      if (rule.and && weighed && own.isEmpty()) {
        safe.add(rule.group);
      }
    }
    for (int i = 0; i < rules.size(); i++) {
      if (!(rules.get(i).and && safe.contains(rules.get(i).group))) {
        out.addAll(found.get(i));
      }
    }
  }

  private static boolean check(
      Scope scope, JsonNode body, Rule rule, Set<String> ruled, List<Finding> out) {
    String match = match(rule.matcher);
    Located field = locate(scope.prepared, rule.path);
    if (field == null) {
      return false;
    }
    JsonNode example = example(body, rule.path);
    boolean weighed = true;
    switch (match) {
      case "type" -> {
        int min = rule.matcher.path("min").asInt(-1);
        int max = rule.matcher.path("max").asInt(-1);
        JsonNode minItems = field.schema.get("minItems");
        JsonNode maxItems = field.schema.get("maxItems");
        if (rule.matcher.has("min") && minItems != null && min < minItems.asInt()) {
          out.add(
              finding(
                  scope,
                  field,
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
                  scope,
                  field,
                  rule,
                  "maxItems",
                  "Matcher admits arrays the spec forbids: maximum "
                      + max
                      + " is above maxItems "
                      + maxItems.asInt()));
        }
        typeCascade(scope, example, rule, rule.path, field, ruled, out);
      }
      case "regex" -> {
        String regex = rule.matcher.path("regex").asText("");
        regex(scope, field, rule, regex, example, s -> violation(field.schema, s), out);
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
                    scope,
                    field,
                    rule,
                    k,
                    "Matcher admits values the spec forbids: "
                        + article(match)
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
      case "date", "time", "timestamp", "datetime" -> {
        String format = rule.matcher.path("format").asText(DEFAULT_FORMATS.get(match));
        weighed = isString(field.schema);
        if (weighed) {
          admitted(scope, field, rule, match + " matcher '" + format + "'", dates(format), out);
        }
      }
      case "include" -> {
        String part = rule.matcher.path("value").asText("");
        weighed = isString(field.schema);
        if (weighed) {
          admitted(
              scope,
              field,
              rule,
              "include matcher '" + part + "'",
              List.of(part, "x" + part + "x", part + " " + part),
              out);
        }
      }
      default -> weighed = false;
    }
    return weighed;
  }

  // what pact-jvm reads when a date, time or timestamp matcher gives no format
  private static final Map<String, String> DEFAULT_FORMATS =
      Map.of(
          "date", "yyyy-MM-dd",
          "time", "HH:mm:ss",
          "timestamp", "yyyy-MM-dd'T'HH:mm:ss",
          "datetime", "yyyy-MM-dd'T'HH:mm:ss");

  // instants a date or time matcher admits once formatted: a plain one, one late in the day with
  // a fraction and an offset, and the last second of a year
  private static final List<OffsetDateTime> INSTANTS =
      List.of(
          OffsetDateTime.parse("2000-01-01T00:00:00Z"),
          OffsetDateTime.parse("2001-02-03T21:05:07.123+05:30"),
          OffsetDateTime.parse("1999-12-31T23:59:59Z"));

  /** Values a date or time matcher with this (Java) format admits; none for a bad format. */
  private static List<String> dates(String format) {
    List<String> out = new ArrayList<>();
    try {
      DateTimeFormatter formatter = DateTimeFormatter.ofPattern(format, Locale.ROOT);
      for (OffsetDateTime instant : INSTANTS) {
        out.add(formatter.format(instant));
      }
    } catch (IllegalArgumentException | DateTimeException e) {
      // a pattern Java cannot read or apply gives no witness
    }
    return out;
  }

  private static boolean isString(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null || (type.isTextual() && "string".equals(type.asText()))) {
      return true;
    }
    for (JsonNode t : type.isArray() ? type : Json.NODES.arrayNode()) {
      if ("string".equals(t.asText())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds a finding when one of {@code admitted}, all values the matcher admits, fails the schema.
   */
  private static void admitted(
      Scope scope,
      Located field,
      Rule rule,
      String matcher,
      List<String> admitted,
      List<Finding> out) {
    for (String value : admitted) {
      String keyword = violation(field.schema, value);
      if (keyword != null) {
        out.add(
            finding(
                scope,
                field,
                rule,
                keyword,
                "Matcher admits values the spec forbids: "
                    + matcher
                    + " admits \""
                    + value
                    + "\", which fails '"
                    + keyword
                    + "' "
                    + field.schema.get(keyword)));
        return;
      }
    }
  }

  /**
   * Adds the finding for a regex that matches a value the schema forbids, if a witness shows one.
   */
  private static void regex(
      Scope scope,
      Located field,
      Rule rule,
      String regex,
      JsonNode example,
      Function<String, String> violation,
      List<Finding> out) {
    Pattern p = compile(regex);
    if (p == null) {
      return;
    }
    String ex = example != null && example.isTextual() ? example.asText() : "";
    String witness = witness(candidates(regex, ex), c -> p.matcher(c).matches(), violation);
    if (witness != null) {
      String keyword = violation.apply(witness);
      out.add(
          finding(
              scope,
              field,
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

  private static void headers(
      HttpChecker checker,
      HttpChecker.Http h,
      JsonNode side,
      String base,
      boolean response,
      List<Finding> out) {
    String name = response ? "response" : "request";
    Map<String, String> values = response ? h.responseHeaders() : h.requestHeaders();
    combined(
        rules(side, base, "header"),
        out,
        (rule, found) -> {
          String header = rule.path.get(0);
          // a header a security scheme requires (Authorization: Bearer .+) has no schema to
          // narrow it
          HttpChecker.Declared declared =
              checker.declared(h, response ? "response-header" : "header", header);
          if (declared == null) {
            return false;
          }
          String value = values.get(header.toLowerCase(Locale.ROOT));
          return parameter(h, declared, name + ".header.matcher.incompatible", rule, value, found);
        });
  }

  private static void query(
      HttpChecker checker, HttpChecker.Http h, JsonNode side, String base, List<Finding> out) {
    List<Rule> rules = rules(side, base, "query");
    if (rules.isEmpty()) {
      return;
    }
    ObjectNode query = Params.parseQuery(h.query(), false);
    combined(
        rules,
        out,
        (rule, found) -> {
          String name = rule.path.get(0);
          HttpChecker.Declared declared = checker.declared(h, "query", name);
          if (declared == null) {
            return false;
          }
          JsonNode value = query.get(name);
          if (value != null && value.isArray()) {
            value = value.isEmpty() ? null : value.get(0);
          }
          String example = value == null ? null : value.asText();
          return parameter(h, declared, "request.query.matcher.incompatible", rule, example, found);
        });
  }

  /**
   * Checks a rule on a header or query value. The value is a string, so a type matcher admits any
   * string: a schema of another type, or with an enum, pattern, format or length, is narrower. A
   * regex, or a number matcher (any integer or decimal string), is checked by witness, reading the
   * witness as the parameter's schema reads the value. An array parameter's items are checked.
   */
  private static boolean parameter(
      HttpChecker.Http h,
      HttpChecker.Declared declared,
      String code,
      Rule rule,
      String example,
      List<Finding> out) {
    Scope scope =
        new Scope(h.description(), h.state(), code, declared.prepared(), declared.location());
    Located field = locate(scope.prepared, List.of());
    if (field != null && "array".equals(field.schema.path("type").asText())) {
      field = locateChild(scope.prepared, field, "*");
    }
    if (field == null) {
      return false;
    }
    JsonNode schema = field.schema;
    String match = match(rule.matcher);
    boolean weighed = true;
    switch (match) {
      case "type" -> {
        String keyword = narrowing(schema);
        if (keyword != null) {
          out.add(
              finding(
                  scope,
                  field,
                  rule,
                  keyword,
                  "Matcher admits values the spec forbids: a type matcher admits any string,"
                      + " but the spec narrows it with '"
                      + keyword
                      + "' "
                      + schema.get(keyword)));
        }
      }
      case "regex" ->
          regex(
              scope,
              field,
              rule,
              rule.matcher.path("regex").asText(""),
              Json.text(example),
              s -> parameterViolation(schema, s),
              out);
      case "integer", "decimal", "number" -> {
        Pattern numbers = Pattern.compile(NUMBER_REGEX.get(match));
        String witness =
            witness(
                candidates("", example == null ? "" : example),
                c -> numbers.matcher(c).matches(),
                c -> parameterViolation(schema, c));
        if (witness != null) {
          String keyword = parameterViolation(schema, witness);
          out.add(
              finding(
                  scope,
                  field,
                  rule,
                  keyword,
                  "Matcher admits values the spec forbids: "
                      + article(match)
                      + match
                      + " matcher admits \""
                      + witness
                      + "\", which fails '"
                      + keyword
                      + "' "
                      + schema.get(keyword)));
        }
      }
      default -> weighed = false;
    }
    return weighed;
  }

  private static String article(String match) {
    return "integer".equals(match) ? "an " : "a ";
  }

  /** The keyword by which a string parameter's schema is narrower than any string, or null. */
  private static String narrowing(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual() && !"string".equals(type.asText())) {
      return "type";
    }
    for (String k : NARROWING) {
      if (schema.has(k) && applies(k, TextNode.valueOf(""))) {
        return k;
      }
    }
    return null;
  }

  /**
   * The keyword a header, query or path value fails, read as the schema's type reads it (as {@link
   * Params#coerce} does before validation), or null.
   */
  static String parameterViolation(JsonNode schema, String value) {
    String type = schema.path("type").asText("string");
    switch (type) {
      case "integer", "number" -> {
        BigDecimal n;
        try {
          n =
              "integer".equals(type)
                  ? new BigDecimal(new BigInteger(value.trim()))
                  : new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
          return "type";
        }
        return numberViolation(schema, n);
      }
      case "boolean" -> {
        return "true".equals(value) || "false".equals(value) ? null : "type";
      }
      case "string" -> {
        return violation(schema, value);
      }
      default -> {
        return null;
      }
    }
  }

  private static String numberViolation(JsonNode schema, BigDecimal n) {
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode e : schema.get("enum")) {
        found |= e.isNumber() && e.decimalValue().compareTo(n) == 0;
      }
      if (!found) {
        return "enum";
      }
    }
    JsonNode c = schema.get("const");
    if (c != null && !(c.isNumber() && c.decimalValue().compareTo(n) == 0)) {
      return "const";
    }
    if (number(schema, "minimum") && n.compareTo(schema.get("minimum").decimalValue()) < 0) {
      return "minimum";
    }
    if (number(schema, "maximum") && n.compareTo(schema.get("maximum").decimalValue()) > 0) {
      return "maximum";
    }
    if (number(schema, "exclusiveMinimum")
        && n.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
      return "exclusiveMinimum";
    }
    if (number(schema, "exclusiveMaximum")
        && n.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
      return "exclusiveMaximum";
    }
    if (number(schema, "multipleOf")
        && schema.get("multipleOf").decimalValue().signum() != 0
        && n.remainder(schema.get("multipleOf").decimalValue()).signum() != 0) {
      return "multipleOf";
    }
    return null;
  }

  private static boolean number(JsonNode schema, String keyword) {
    return schema.path(keyword).isNumber();
  }

  /**
   * Checks a regex on the request path. A path rule matches the whole path, so it is tried with
   * each path parameter's value replaced by a candidate: a path the regex matches whose parameter
   * fails the parameter's schema is an error at the keyword that forbids it. Failing that, a path
   * the regex matches that no operation of the method has (an extra or empty segment, a slash in a
   * parameter) is a warning at {@code [root].paths}: a consumer builds its paths from the template,
   * so such a path is one it does not send, though its mock would accept it.
   */
  private static void path(
      HttpChecker checker, HttpChecker.Http h, JsonNode side, String base, List<Finding> out) {
    List<Rule> rules = rules(side, base, "path");
    if (rules.isEmpty()) {
      return;
    }
    String path = h.path().startsWith("/") ? h.path() : "/" + h.path();
    HttpChecker.PathMatch example = checker.pathMatch(h, path);
    if (example == null) {
      return; // the example's own path is already a finding
    }
    for (Rule rule : rules) {
      String regex = rule.matcher.path("regex").asText("");
      Pattern p = "regex".equals(match(rule.matcher)) ? compile(regex) : null;
      if (p == null) {
        continue;
      }
      Finding error = null;
      for (int i = 0; i < example.params().size() && error == null; i++) {
        HttpChecker.PathParam param = example.params().get(i);
        HttpChecker.Declared declared = checker.declared(h, "path", param.name());
        Located field = declared == null ? null : locate(declared.prepared(), List.of());
        if (field == null) {
          continue;
        }
        String head = path.substring(0, param.start());
        String tail = path.substring(param.end());
        int index = i;
        String witness =
            witness(
                candidates("", path.substring(param.start(), param.end())),
                c ->
                    !c.isEmpty() && !c.matches(".*[/?#].*") && p.matcher(head + c + tail).matches(),
                c -> {
                  // the witness must name the same operation, with this parameter taking the value
                  HttpChecker.PathMatch m = checker.pathMatch(h, head + c + tail);
                  return m == null
                          || !m.template().equals(example.template())
                          || m.params().get(index).end() - m.params().get(index).start()
                              != c.length()
                      ? null
                      : parameterViolation(field.schema, c);
                });
        if (witness != null) {
          String keyword = parameterViolation(field.schema, witness);
          Scope scope =
              new Scope(
                  h.description(),
                  h.state(),
                  "request.path-or-method.matcher.unknown",
                  declared.prepared(),
                  declared.location());
          error =
              finding(
                  scope,
                  field,
                  rule,
                  keyword,
                  "Matcher admits paths the spec forbids: regex '"
                      + regex
                      + "' matches \""
                      + head
                      + witness
                      + tail
                      + "\", whose path parameter '"
                      + param.name()
                      + "' fails '"
                      + keyword
                      + "' "
                      + field.schema.get(keyword));
        }
      }
      if (error != null) {
        out.add(error);
        continue;
      }
      Set<String> shapes = new LinkedHashSet<>(List.of(path + "/x", path + "/"));
      for (HttpChecker.PathParam param : example.params()) {
        String head = path.substring(0, param.start());
        String tail = path.substring(param.end());
        shapes.add(head + tail);
        shapes.add(head + path.substring(param.start(), param.end()) + "/x" + tail);
      }
      if (path.lastIndexOf('/') > 0) {
        shapes.add(path.substring(0, path.lastIndexOf('/')));
      }
      for (String shape : shapes) {
        if (p.matcher(shape).matches() && checker.pathMatch(h, shape) == null) {
          out.add(
              new Finding(
                  "request.path-or-method.matcher.unknown",
                  "Matcher admits paths no operation has: regex '"
                      + regex
                      + "' matches \""
                      + shape
                      + "\", which is not a path of "
                      + h.method().toUpperCase(Locale.ROOT)
                      + " in the spec file",
                  new MockDetails(h.description(), h.state(), rule.location, rule.matcher),
                  new SpecDetails("[root].paths", null, null, null),
                  Type.WARNING));
          break;
        }
      }
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
                  scope,
                  field,
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
            scope, example.get(i), rule, next, locateChild(scope.prepared, field, "*"), ruled, out);
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
            locateChild(scope.prepared, field, e.getKey()),
            ruled,
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
      Scope scope, Located field, Rule rule, String keyword, String message) {
    List<String> specPath = new ArrayList<>(field.path);
    specPath.add(keyword);
    return new Finding(
        scope.code,
        message,
        new MockDetails(scope.description, scope.state, rule.location, rule.matcher),
        new SpecDetails(
            scope.location + "." + String.join(".", specPath),
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
  private static List<Rule> rules(JsonNode side, String base, String category) {
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
            tree && !"metadata".equals(category) ? parse(e.getKey()) : List.of(e.getKey());
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
        List<String> path = parse("$" + rest);
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

  /** The kind of a matcher; V2 rules may leave out {@code match} ({@code {"regex": "..."}}). */
  private static String match(JsonNode matcher) {
    if (matcher.path("match").isTextual()) {
      return matcher.get("match").asText();
    }
    if (matcher.has("regex")) {
      return "regex";
    }
    return matcher.has("min") || matcher.has("max") ? "type" : "";
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

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  /** A value the regex matches and the schema forbids, or null when none is found. */
  static String witness(String regex, JsonNode schema, JsonNode example) {
    Pattern p = compile(regex);
    if (p == null) {
      return null;
    }
    String ex = example != null && example.isTextual() ? example.asText() : "";
    return witness(candidates(regex, ex), c -> p.matcher(c).matches(), c -> violation(schema, c));
  }

  /** The first candidate that the matcher admits and that fails the schema, or null. */
  private static String witness(
      Set<String> candidates, Predicate<String> admitted, Function<String, String> violation) {
    for (String c : candidates) {
      if (admitted.test(c) && violation.apply(c) != null) {
        return c;
      }
    }
    return null;
  }

  /**
   * Values to try against a regex: its literal alternatives, variations of the example, and values
   * that commonly break enums, patterns, formats, lengths and ranges.
   */
  private static Set<String> candidates(String regex, String ex) {
    Set<String> candidates = new LinkedHashSet<>(alternatives(regex));
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
            "1".repeat(40),
            "-1.5"));
    return candidates;
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
