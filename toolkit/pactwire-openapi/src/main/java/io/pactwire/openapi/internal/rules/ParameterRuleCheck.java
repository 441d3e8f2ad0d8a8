package io.pactwire.openapi.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Findings.Matched;
import io.pactwire.openapi.internal.Json;
import io.pactwire.openapi.internal.Params;
import io.pactwire.openapi.internal.http.HttpChecker;
import io.pactwire.openapi.internal.http.HttpInteraction;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rules on the headers and query parameters of an HTTP interaction, whose values are strings read
 * as their parameter's schema reads them.
 */
final class ParameterRuleCheck {

  private ParameterRuleCheck() {}

  static void headers(HttpSide side, List<Finding> out) {
    HttpInteraction h = side.h();
    boolean response = side.response();
    Map<String, String> values = response ? h.responseHeaders() : h.requestHeaders();
    Scope.combined(
        side.rules("header"),
        out,
        (rule, found) -> {
          String header = rule.path().get(0);
          // a header a security scheme requires (Authorization: Bearer .+) has no schema to
          // narrow it
          HttpChecker.Declared declared =
              side.checker().declared(h, response ? "response-header" : "header", header);
          if (declared == null) {
            return false;
          }
          String value = values.get(header.toLowerCase(Locale.ROOT));
          Matched where = response ? Matched.RESPONSE_HEADER : Matched.REQUEST_HEADER;
          return parameter(h, declared, where, rule, value, found);
        });
  }

  static void query(HttpSide side, List<Finding> out) {
    List<Rule> rules = side.rules("query");
    HttpInteraction h = side.h();
    if (rules.isEmpty()) {
      return;
    }
    ObjectNode query = Params.parseQuery(h.query(), false);
    Scope.combined(
        rules,
        out,
        (rule, found) -> {
          String name = rule.path().get(0);
          HttpChecker.Declared declared = side.checker().declared(h, "query", name);
          if (declared == null) {
            return false;
          }
          JsonNode value = query.get(name);
          if (value != null && value.isArray()) {
            value = value.isEmpty() ? null : value.get(0);
          }
          String example = value == null ? null : value.asText();
          return parameter(h, declared, Matched.REQUEST_QUERY, rule, example, found);
        });
  }

  /**
   * Checks a rule on a header or query value. The value is a string, so a type matcher admits any
   * string: a schema of another type, or with an enum, pattern, format or length, is narrower. A
   * regex, or a number matcher (any integer or decimal string), is checked by witness, reading the
   * witness as the parameter's schema reads the value. An array parameter's items are checked.
   */
  private static boolean parameter(
      HttpInteraction h,
      HttpChecker.Declared declared,
      Matched where,
      Rule rule,
      String example,
      List<Finding> out) {
    Scope scope =
        new Scope(h.description(), h.state(), where, declared.prepared(), declared.location());
    Located field = Located.locate(scope.prepared(), List.of());
    if (field != null && "array".equals(field.schema().path("type").asText())) {
      field = Located.child(scope.prepared(), field, "*");
    }
    if (field == null) {
      return false;
    }
    JsonNode schema = field.schema();
    String match = rule.match();
    boolean weighed = true;
    switch (match) {
      case "type" -> {
        String keyword = Violations.narrowing(schema);
        if (keyword != null) {
          out.add(
              scope.at(
                  Findings.typeMatcherNarrowed(where, "string", null, keyword, schema.get(keyword)),
                  field,
                  rule,
                  keyword));
        }
      }
      case "regex" ->
          TreeRuleCheck.regex(
              scope,
              field,
              rule,
              Json.text(example),
              s -> Violations.parameterViolation(schema, s),
              out);
      case "integer", "decimal", "number" -> {
        Pattern numbers = Pattern.compile(Witnesses.NUMBER_REGEX.get(match));
        String witness =
            Witnesses.witness(
                Witnesses.candidates("", example == null ? "" : example),
                c -> numbers.matcher(c).matches(),
                c -> Violations.parameterViolation(schema, c));
        if (witness != null) {
          String keyword = Violations.parameterViolation(schema, witness);
          out.add(
              scope.at(
                  Findings.numberMatcherAdmits(where, match, witness, keyword, schema.get(keyword)),
                  field,
                  rule,
                  keyword));
        }
      }
      default -> weighed = false;
    }
    return weighed;
  }
}
