package io.pactwire.openapi;

import static io.pactwire.openapi.ExpectedFindings.json;
import static io.pactwire.openapi.ExpectedFindings.only;
import static io.pactwire.openapi.ExpectedFindings.seen;
import static io.pactwire.openapi.ExpectedFindings.witness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pactwire.openapi.ExpectedFindings.Seen;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Findings.Matched;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Matching rules count outside bodies too: on headers, query parameters and the path of HTTP
 * interactions, and on the contents and metadata of messages. Each place has a rule wider than the
 * spec (an error) and rules within it (none).
 */
class MatchingRulesBeyondBodiesTests {

  static final Path SPEC = Path.of("src/test/resources/matching-rules/parameters.yaml");
  static final Path ASYNCAPI = Path.of("src/test/resources/matching-rules/asyncapi.yaml");
  static final String OPERATION = "[root].paths./orders/{id}.get";
  static final String REQUEST_RULES = "[root].interactions[0].request.matchingRules.";
  static final String RESPONSE_RULES = "[root].interactions[0].response.matchingRules.";
  static final String VERSIONS = "[\"v1\",\"v2\"]";

  @TempDir Path dir;

  /**
   * A V3 pact whose one interaction conforms by its examples: GET /orders/1 with a query, request
   * headers and response headers, each declared by the spec. The rules are its request's and its
   * response's {@code matchingRules}.
   */
  private List<Finding> check(String requestRules, String responseRules, boolean honour)
      throws IOException {
    String pact =
        """
        {
          "consumer": {"name": "shop"},
          "provider": {"name": "orders"},
          "interactions": [{
            "description": "an order",
            "request": {
              "method": "GET",
              "path": "/orders/1",
              "query": {"fields": ["summary"], "limit": ["10"], "q": ["shoes"]},
              "headers": {
                "Authorization": "Bearer <redacted>",
                "X-Request-Id": "0b7e4c59-8a1e-4a53-9b54-3c1c2f0e8d11",
                "X-Api-Version": "v1",
                "X-Tenant": "acme"
              },
              "matchingRules": %s
            },
            "response": {
              "status": 200,
              "headers": {
                "Content-Type": "application/json",
                "X-RateLimit-Remaining": "10",
                "X-Trace": "abc"
              },
              "body": {"id": "1"},
              "matchingRules": %s
            }
          }],
          "metadata": {"pactSpecification": {"version": "3.0.0"}}
        }
        """
            .formatted(requestRules, responseRules);
    Path file = Files.writeString(dir.resolve("pact.json"), pact);
    OpenApiCheck.Builder b = OpenApiCheck.newInstance().spec(SPEC);
    if (!honour) {
      b.ignoreMatchingRules();
    }
    return b.build().check(file);
  }

  private List<Finding> request(String rules) throws IOException {
    return check(rules, "{}", true);
  }

  private List<Finding> response(String rules) throws IOException {
    return check("{}", rules, true);
  }

  /** V3 rules of one category ({@code header}, {@code query}) on one name. */
  private static String rule(String category, String name, String matcher) {
    return "{\"" + category + "\": {\"" + name + "\": {\"matchers\": [" + matcher + "]}}}";
  }

  static final String TYPE = "{\"match\": \"type\"}";

  private static String regex(String regex) {
    return "{\"match\": \"regex\", \"regex\": \"" + regex + "\"}";
  }

  private static String pathRule(String regex) {
    return "{\"path\": {\"matchers\": [{\"match\": \"regex\", \"regex\": \"" + regex + "\"}]}}";
  }

  @Test
  void theExamplesAloneConform() throws IOException {
    assertThat(check("{}", "{}", true)).isEmpty();
  }

  @Test
  void ignoringMatchingRulesChecksTheExamplesOnly() throws IOException {
    String rules =
        """
        {"header": {"X-Api-Version": {"matchers": [{"match": "type"}]}},
         "query": {"limit": {"matchers": [{"match": "type"}]}},
         "path": {"matchers": [{"match": "regex", "regex": "/orders/.*"}]}}
        """;
    assertThat(check(rules, "{}", false)).isEmpty();
  }

  @Nested
  class Headers {

    @Test
    void aRegexWiderThanTheHeadersFormatIsAnError() throws IOException {
      Finding f = only(request(rule("header", "X-Request-Id", regex("[0-9a-f-]+"))));

      // any value the regex matches that is no UUID shows it
      String witness = witness(f);
      assertThat(witness)
          .matches("[0-9a-f-]+")
          .doesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      assertThat(seen(f))
          .isEqualTo(
              new Seen(
                  Findings.regexMatches(
                      Matched.REQUEST_HEADER, "[0-9a-f-]+", witness, "format", json("\"uuid\"")),
                  REQUEST_RULES + "header.X-Request-Id.matchers[0]",
                  OPERATION + ".parameters[1].schema.format"));
    }

    @Test
    void aTypeMatcherOnAnEnumHeaderIsAnError() throws IOException {
      // the header's schema is a $ref: the location names the schema that holds the enum
      assertThat(seen(only(request(rule("header", "X-Api-Version", TYPE)))))
          .isEqualTo(
              new Seen(
                  Findings.typeMatcherNarrowed(
                      Matched.REQUEST_HEADER, "string", null, "enum", json(VERSIONS)),
                  REQUEST_RULES + "header.X-Api-Version.matchers[0]",
                  OPERATION + ".parameters[2].schema.components.schemas.ApiVersion.enum"));
    }

    @Test
    void aMatcherThatHeadersAreNotCheckedForProvesNothingInAnAndCombination() throws IOException {
      // a date matcher is not weighed on a header: with AND, the type matcher's finding stands
      String rules =
          """
          {"header": {"X-Api-Version": {"combine": "AND", "matchers": [
            {"match": "type"}, {"match": "date", "format": "yyyy-MM-dd"}]}}}
          """;
      assertThat(seen(only(request(rules))).draft())
          .isEqualTo(
              Findings.typeMatcherNarrowed(
                  Matched.REQUEST_HEADER, "string", null, "enum", json(VERSIONS)));
    }

    @Test
    void headerNamesAreMatchedWithoutCase() throws IOException {
      // the rule says x-api-version, the spec and the example X-Api-Version
      Finding f = only(request(rule("header", "x-api-version", regex("v[0-9]+"))));

      String witness = witness(f);
      assertThat(witness).matches("v[0-9]+").isNotIn("v1", "v2");
      assertThat(seen(f))
          .isEqualTo(
              new Seen(
                  Findings.regexMatches(
                      Matched.REQUEST_HEADER, "v[0-9]+", witness, "enum", json(VERSIONS)),
                  REQUEST_RULES + "header.x-api-version.matchers[0]",
                  OPERATION + ".parameters[2].schema.components.schemas.ApiVersion.enum"));
    }

    @Test
    void aResponseHeaderRegexAdmittingANegativeCountIsAnError() throws IOException {
      // the header is an integer: the witness is read as one, and any negative one shows it
      Finding f = only(response(rule("header", "X-RateLimit-Remaining", regex("-?[0-9]+"))));

      String witness = witness(f);
      assertThat(witness).matches("-?[0-9]+");
      assertThat(Long.parseLong(witness)).isNegative();
      assertThat(seen(f))
          .isEqualTo(
              new Seen(
                  Findings.regexMatches(
                      Matched.RESPONSE_HEADER, "-?[0-9]+", witness, "minimum", json("0")),
                  RESPONSE_RULES + "header.X-RateLimit-Remaining.matchers[0]",
                  OPERATION + ".responses.200.headers.X-RateLimit-Remaining.schema.minimum"));
    }

    @Test
    void aTypeMatcherOnAnIntegerHeaderIsAnError() throws IOException {
      // a header is a string, so a type matcher admits "abc" as well as "10"
      assertThat(seen(only(response(rule("header", "X-RateLimit-Remaining", TYPE)))))
          .isEqualTo(
              new Seen(
                  Findings.typeMatcherNarrowed(
                      Matched.RESPONSE_HEADER, "string", null, "type", json("\"integer\"")),
                  RESPONSE_RULES + "header.X-RateLimit-Remaining.matchers[0]",
                  OPERATION + ".responses.200.headers.X-RateLimit-Remaining.schema.type"));
    }

    @Test
    void theBearerTokenOfASecuritySchemeHasNoHeaderSchemaToNarrow() throws IOException {
      // Pactwire captures Authorization as "Bearer .+"; the spec requires it by a security
      // scheme, which gives no header schema
      assertThat(
              request(
                  rule(
                      "header",
                      "Authorization",
                      "{\"match\": \"regex\", \"regex\": \"Bearer .+\"}")))
          .isEmpty();
    }

    @Test
    void rulesWithinTheSchemaConform() throws IOException {
      String requestRules =
          """
          {"header": {
            "X-Api-Version": {"matchers": [{"match": "regex", "regex": "v1|v2"}]},
            "X-Request-Id": {"matchers": [{"match": "regex",
              "regex": "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"}]},
            "X-Tenant": {"matchers": [{"match": "type"}]}}}
          """;
      String responseRules =
          """
          {"header": {
            "X-RateLimit-Remaining": {"matchers": [{"match": "regex", "regex": "[0-9]+"}]},
            "X-Trace": {"matchers": [{"match": "type"}]},
            "Content-Type": {"matchers": [{"match": "regex", "regex": "application/json.*"}]}}}
          """;
      assertThat(check(requestRules, responseRules, true)).isEmpty();
    }
  }

  @Nested
  class Query {

    @Test
    void aRegexAdmittingAValueOutsideTheEnumIsAnError() throws IOException {
      Finding f = only(request(rule("query", "fields", regex("[a-z]+"))));

      String witness = witness(f);
      assertThat(witness).matches("[a-z]+").isNotIn("summary", "full");
      assertThat(seen(f))
          .isEqualTo(
              new Seen(
                  Findings.regexMatches(
                      Matched.REQUEST_QUERY,
                      "[a-z]+",
                      witness,
                      "enum",
                      json("[\"summary\",\"full\"]")),
                  REQUEST_RULES + "query.fields.matchers[0]",
                  OPERATION + ".parameters[4].schema.enum"));
    }

    @Test
    void anIntegerMatcherAdmittingAValueBelowTheMinimumIsAnErrorAtTheMinimum() throws IOException {
      Finding f = only(request(rule("query", "limit", "{\"match\": \"integer\"}")));

      String witness = witness(f);
      assertThat(Long.parseLong(witness)).isLessThan(1);
      assertThat(seen(f))
          .isEqualTo(
              new Seen(
                  Findings.numberMatcherAdmits(
                      Matched.REQUEST_QUERY, "integer", witness, "minimum", json("1")),
                  REQUEST_RULES + "query.limit.matchers[0]",
                  OPERATION + ".parameters[5].schema.minimum"));
    }

    @Test
    void aTypeMatcherOnAnIntegerParameterIsAnError() throws IOException {
      assertThat(request(rule("query", "limit", "{\"match\": \"type\"}")))
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.specDetails().location())
                      .isEqualTo(OPERATION + ".parameters[5].schema.type"));
    }

    @Test
    void rulesWithinTheSchemaConform() throws IOException {
      String rules =
          """
          {"query": {
            "fields": {"matchers": [{"match": "regex", "regex": "summary|full"}]},
            "limit": {"matchers": [{"match": "regex", "regex": "[1-9][0-9]?"}]},
            "q": {"matchers": [{"match": "type"}]}}}
          """;
      assertThat(request(rules)).isEmpty();
    }

    @Test
    void aQueryOfARefusedRequestIsNotChecked() throws IOException {
      // as the example check does not check a request the provider answers with 4xx
      String pact =
          """
          {
            "consumer": {"name": "shop"}, "provider": {"name": "orders"},
            "interactions": [{
              "description": "a missing order",
              "request": {
                "method": "GET", "path": "/orders/2", "query": {"limit": ["0"]},
                "headers": {"Authorization": "Bearer <redacted>"},
                "matchingRules": {"query": {"limit": {"matchers": [{"match": "type"}]}}}
              },
              "response": {"status": 404}
            }],
            "metadata": {"pactSpecification": {"version": "3.0.0"}}
          }
          """;
      Path file = Files.writeString(dir.resolve("refused.json"), pact);

      assertThat(OpenApiCheck.of(SPEC).check(file)).isEmpty();
    }
  }

  @Nested
  class RequestPath {

    @Test
    void aRegexAdmittingAnIdThePathParameterForbidsIsAnError() throws IOException {
      Finding f = only(request(pathRule("/orders/[^/]+")));

      // any path the regex matches whose id is not all digits shows it
      String witness = witness(f);
      assertThat(witness).matches("/orders/[^/]+").doesNotMatch("/orders/[0-9]+");
      assertThat(seen(f))
          .isEqualTo(
              new Seen(
                  Findings.pathRegexForbidden(
                      "/orders/[^/]+", witness, "id", "pattern", json("\"^[0-9]+$\"")),
                  REQUEST_RULES + "path.matchers[0]",
                  OPERATION + ".parameters[0].schema.pattern"));
    }

    @Test
    void aRegexAdmittingAPathNoOperationHasIsAWarning() throws IOException {
      // every id it admits is valid, but it also admits paths below /orders/{id}, which the spec
      // lacks: any one of them shows it
      Finding f = only(request(pathRule("/orders/[0-9]+(/.*)?")));

      String witness = witness(f);
      assertThat(witness).matches("/orders/[0-9]+(/.*)?").doesNotMatch("/orders/[^/]+");
      assertThat(seen(f))
          .isEqualTo(
              new Seen(
                  Findings.pathRegexWithoutOperation("/orders/[0-9]+(/.*)?", witness, "GET"),
                  REQUEST_RULES + "path.matchers[0]",
                  "[root].paths"));
    }

    @Test
    void aRegexWithinTheTemplateAndTheParameterConforms() throws IOException {
      assertThat(request(pathRule("/orders/[0-9]+"))).isEmpty();
    }
  }

  @Test
  void version2RulesOnHeadersQueryAndPathAreReadToo() throws IOException {
    String pact =
        """
        {
          "consumer": {"name": "shop"}, "provider": {"name": "orders"},
          "interactions": [{
            "description": "an order",
            "request": {
              "method": "GET", "path": "/orders/1", "query": "fields=summary",
              "headers": {"Authorization": "Bearer <redacted>", "X-Api-Version": "v1"},
              "matchingRules": {
                "$.headers.X-Api-Version": {"match": "type"},
                "$.query.fields": {"match": "regex", "regex": "[a-z]+"},
                "$.path": {"regex": "/orders/.+"}
              }
            },
            "response": {
              "status": 200,
              "headers": {"Content-Type": "application/json", "X-RateLimit-Remaining": "1"},
              "body": {"id": "1"},
              "matchingRules": {"$.headers['X-RateLimit-Remaining']": {"match": "type"}}
            }
          }],
          "metadata": {"pactSpecification": {"version": "2.0.0"}}
        }
        """;
    Path file = Files.writeString(dir.resolve("v2.json"), pact);

    assertThat(OpenApiCheck.of(SPEC).check(file))
        .extracting(Finding::code, f -> f.mockDetails().location())
        .containsExactlyInAnyOrder(
            tuple(
                "request.header.matcher.incompatible",
                "[root].interactions[0].request.matchingRules.$.headers.X-Api-Version"),
            tuple(
                "request.query.matcher.incompatible",
                "[root].interactions[0].request.matchingRules.$.query.fields"),
            tuple(
                "request.path-or-method.matcher.unknown",
                "[root].interactions[0].request.matchingRules.$.path"),
            tuple(
                "response.header.matcher.incompatible",
                "[root].interactions[0].response.matchingRules.$.headers['X-RateLimit-Remaining']"));
  }

  @Nested
  class Messages {

    /** A V4 StockChanged event with metadata; {@code rules} are its {@code matchingRules}. */
    private List<Finding> check(String rules, String payload) throws IOException {
      return check(rules, payload, true);
    }

    private List<Finding> check(String rules, String payload, boolean honour) throws IOException {
      String pact =
          """
          {
            "consumer": {"name": "catalog-indexer"},
            "provider": {"name": "inventory-service"},
            "interactions": [{
              "type": "Asynchronous/Messages",
              "description": "a StockChanged event",
              "contents": {"content": %s, "contentType": "application/json", "encoded": false},
              "metadata": {"contentType": "application/json", "eventType": "StockChanged"},
              "matchingRules": %s,
              "comments": {"references": {"AsyncAPI": {"operationId": "receiveStockChanged"}}}
            }],
            "metadata": {"pactSpecification": {"version": "4.0"}}
          }
          """
              .formatted(payload, rules);
      Path file = Files.writeString(dir.resolve("messages.json"), pact);
      OpenApiCheck.Builder b = OpenApiCheck.newInstance().spec(ASYNCAPI);
      if (!honour) {
        b.ignoreMatchingRules();
      }
      return b.build().check(file);
    }

    private List<Finding> check(String rules) throws IOException {
      return check(
          rules,
          "{\"sku\": \"SKU-1001\", \"available\": 10, \"occurredAt\": \"2026-11-28T23:00:00Z\"}");
    }

    private static final String MESSAGE = "[root].components.messages.StockChanged";

    @Test
    void ignoringMatchingRulesChecksTheExamplePayloadOnly() throws IOException {
      assertThat(
              check(
                  rule("content", "$.sku", "{\"match\": \"regex\", \"regex\": \"SKU-[0-9]+\"}"),
                  "{\"sku\": \"SKU-1001\", \"available\": 10,"
                      + " \"occurredAt\": \"2026-11-28T23:00:00Z\"}",
                  false))
          .filteredOn(Finding::isError)
          .isEmpty();
    }

    @Test
    void aRegexWiderThanThePayloadsPatternIsAnError() throws IOException {
      List<Finding> findings = check(rule("content", "$.sku", regex("SKU-[0-9]+")));
      Finding f = only(findings.stream().filter(Finding::isError).toList());

      String witness = witness(f);
      assertThat(witness).matches("SKU-[0-9]+").doesNotMatch("^SKU-[0-9]{4}$");
      assertThat(seen(f))
          .isEqualTo(
              new Seen(
                  Findings.regexMatches(
                      Matched.MESSAGE_PAYLOAD,
                      "SKU-[0-9]+",
                      witness,
                      "pattern",
                      json("\"^SKU-[0-9]{4}$\"")),
                  "[root].interactions[0].matchingRules.content.$.sku.matchers[0]",
                  MESSAGE + ".payload.properties.sku.pattern"));
      assertThat(findings).extracting(Finding::code).contains("message.matched");
    }

    @Test
    void bodyRulesAsPactJvmWritesThemCountToo() throws IOException {
      // pact-jvm writes a V4 message's rules under "body" as well as "content"
      List<Finding> findings = check(rule("body", "$.available", "{\"match\": \"integer\"}"));

      assertThat(seen(only(findings.stream().filter(Finding::isError).toList())))
          .isEqualTo(
              new Seen(
                  Findings.numberMatcherNarrowed(
                      Matched.MESSAGE_PAYLOAD, "integer", "minimum", json("0")),
                  "[root].interactions[0].matchingRules.body.$.available.matchers[0]",
                  MESSAGE + ".payload.properties.available.minimum"));
    }

    @Test
    void aTypeMatcherOnAnEnumMetadataValueIsAnError() throws IOException {
      assertThat(check(rule("metadata", "eventType", "{\"match\": \"type\"}")))
          .filteredOn(Finding::isError)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.code()).isEqualTo("message.headers.matcher.incompatible");
                assertThat(f.mockDetails().location())
                    .isEqualTo(
                        "[root].interactions[0].matchingRules.metadata.eventType.matchers[0]");
                assertThat(f.specDetails().location())
                    .isEqualTo(MESSAGE + ".headers.properties.eventType.enum");
              });
    }

    @Test
    void rulesWithinTheSchemaConform() throws IOException {
      String rules =
          """
          {"content": {
            "$.sku": {"matchers": [{"match": "regex", "regex": "SKU-[0-9]{4}"}]},
            "$.available": {"matchers": [{"match": "regex", "regex": "[0-9]+"}]}},
           "metadata": {"contentType": {"matchers": [{"match": "type"}]}}}
          """;
      assertThat(check(rules)).extracting(Finding::code).containsExactly("message.matched");
    }

    @Test
    void aReplysRulesAreCheckedAgainstTheReplyMessage() throws IOException {
      String pact =
          """
          {
            "consumer": {"name": "checkout-service"},
            "provider": {"name": "inventory-service"},
            "interactions": [{
              "type": "Synchronous/Messages",
              "description": "a reservation",
              "request": {
                "contents": {"content": {"sku": "SKU-1001"}, "contentType": "application/json"},
                "matchingRules": {"content": {"$.sku": {"matchers": [{"match": "type"}]}}}
              },
              "response": [{
                "contents": {"content": {"status": "RESERVED"}, "contentType": "application/json"},
                "matchingRules": {
                  "content": {"$.status": {"matchers": [{"match": "regex", "regex": "[A-Z]+"}]}}
                }
              }],
              "comments": {"references": {"AsyncAPI": {"operationId": "reserveStock"}}}
            }],
            "metadata": {"pactSpecification": {"version": "4.0"}}
          }
          """;
      Path file = Files.writeString(dir.resolve("sync.json"), pact);

      Finding f =
          only(OpenApiCheck.of(ASYNCAPI).check(file).stream().filter(Finding::isError).toList());

      String witness = witness(f);
      assertThat(witness).matches("[A-Z]+").isNotIn("RESERVED", "REFUSED");
      assertThat(seen(f))
          .isEqualTo(
              new Seen(
                  Findings.regexMatches(
                      Matched.MESSAGE_PAYLOAD,
                      "[A-Z]+",
                      witness,
                      "enum",
                      json("[\"RESERVED\",\"REFUSED\"]")),
                  "[root].interactions[0].response[0].matchingRules.content.$.status.matchers[0]",
                  "[root].channels.reservationReplies.messages.StockReserved.payload"
                      + ".properties.status.enum"));
    }

    @Test
    void aMessageThatMatchesNoneIsNotCheckedForRules() throws IOException {
      // the event fails its only message; which message its rules should fit is unknown
      assertThat(
              check(
                  rule("content", "$.sku", "{\"match\": \"type\"}"),
                  "{\"sku\": \"SKU-1001\", \"available\": -1}"))
          .extracting(Finding::code)
          .containsExactly("message.no.match");
    }
  }
}
