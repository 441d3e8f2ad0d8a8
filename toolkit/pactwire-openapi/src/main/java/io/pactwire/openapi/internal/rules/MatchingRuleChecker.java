package io.pactwire.openapi.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.internal.Findings.Matched;
import io.pactwire.openapi.internal.Interactions;
import io.pactwire.openapi.internal.http.HttpChecker;
import io.pactwire.openapi.internal.http.HttpInteraction;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a pact's matching rules against the spec's schemas, for rules that admit values the spec
 * forbids: a regex whose pattern matches a value outside the schema (shown by a witness value), a
 * type matcher on a field whose schema is narrower than its type (enum, const, format, pattern,
 * length or range), and an {@code eachLike} minimum below {@code minItems} (or maximum above {@code
 * maxItems}). A stub built from the pact may return, and its mock accept, any value its matchers
 * admit, so each of these is an error even when the example value passes.
 *
 * <p>Rules count wherever Pact writes them: request and response bodies, headers, query parameters
 * and the path of HTTP interactions, and the contents and metadata of messages. Header, query and
 * path values are strings, read as the parameter's schema reads them.
 */
public final class MatchingRuleChecker {

  private MatchingRuleChecker() {}

  /** A prepared schema and the location of its root in the spec, for message checks. */
  public record Target(ObjectNode prepared, String location) {}

  /**
   * Checks the rules of one HTTP interaction: request and response bodies and headers, the query
   * and the path.
   */
  public static void check(
      HttpChecker checker, JsonNode interaction, HttpInteraction h, List<Finding> out) {
    for (boolean response : new boolean[] {false, true}) {
      String name = response ? "response" : "request";
      String base = "[root].interactions[" + h.index() + "]." + name;
      HttpSide side = new HttpSide(checker, h, interaction.path(name), base, response);
      body(side, out);
      if (response) {
        ParameterRuleCheck.headers(side, out);
        continue;
      }
      // request headers and query are checked, as their examples are, only where the provider
      // accepts the request: a 4xx interaction shows a request the spec is meant to refuse
      if (h.status() < 400) {
        ParameterRuleCheck.headers(side, out);
        ParameterRuleCheck.query(side, out);
      }
      PathRuleCheck.check(side, out);
    }
  }

  private static void body(HttpSide side, List<Finding> out) {
    List<Rule> rules = side.rules("body");
    if (rules.isEmpty()) {
      return;
    }
    HttpInteraction h = side.h();
    boolean response = side.response();
    HttpChecker.BodySchema schema = side.checker().bodySchema(h, response);
    JsonNode body = response ? h.responseBody() : h.requestBody();
    if (schema == null || body == null) {
      return;
    }
    Scope scope =
        new Scope(
            h.description(),
            h.state(),
            response ? Matched.RESPONSE_BODY : Matched.REQUEST_BODY,
            schema.prepared(),
            schema.schemaId() + ".schema");
    TreeRuleCheck.check(scope, body, rules, out);
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
      List<Rule> rules = new ArrayList<>(Rule.read(side, base, "content"));
      rules.addAll(Rule.read(side, base, "body"));
      Scope scope =
          new Scope(
              description,
              state,
              Matched.MESSAGE_PAYLOAD,
              payloadSchema.prepared(),
              payloadSchema.location());
      TreeRuleCheck.check(scope, payload, rules, out);
    }
    if (metadata != null && headersSchema != null) {
      Scope scope =
          new Scope(
              description,
              state,
              Matched.MESSAGE_HEADERS,
              headersSchema.prepared(),
              headersSchema.location());
      TreeRuleCheck.check(scope, metadata, Rule.read(side, base, "metadata"), out);
    }
  }
}
