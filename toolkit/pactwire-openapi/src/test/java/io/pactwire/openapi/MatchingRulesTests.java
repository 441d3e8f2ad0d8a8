package io.pactwire.openapi;

import static io.pactwire.openapi.ExpectedFindings.draft;
import static io.pactwire.openapi.ExpectedFindings.json;
import static io.pactwire.openapi.ExpectedFindings.only;
import static io.pactwire.openapi.ExpectedFindings.seen;
import static io.pactwire.openapi.ExpectedFindings.witness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactwire.openapi.ExpectedFindings.Seen;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Findings.Matched;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Matching rules count: a stub built from a pact returns whatever its matchers admit, so a matcher
 * wider than the spec is an error even when the example value passes.
 */
class MatchingRulesTests {

  static final Path SPEC = Path.of("src/test/resources/matching-rules/openapi.yaml");

  @TempDir Path dir;

  /** A V3 pact whose one response body is valid; {@code rules} are its body matching rules. */
  private List<Finding> check(String rules, boolean honour) throws IOException {
    String pact =
        """
        {
          "consumer": {"name": "shop"},
          "provider": {"name": "orders"},
          "interactions": [{
            "description": "an order",
            "request": {"method": "GET", "path": "/orders/1"},
            "response": {
              "status": 200,
              "headers": {"Content-Type": "application/json"},
              "body": {
                "id": "1",
                "status": "CREATED",
                "createdAt": "2026-11-28T23:00:00Z",
                "note": "leave at the door",
                "items": [{"sku": "SKU-1001", "quantity": 2}, {"sku": "SKU-1002", "quantity": 1}]
              },
              "matchingRules": {"body": %s}
            }
          }],
          "metadata": {"pactSpecification": {"version": "3.0.0"}}
        }
        """
            .formatted(rules);
    Path file = Files.writeString(dir.resolve("pact.json"), pact);
    OpenApiCheck.Builder b = OpenApiCheck.newInstance().spec(SPEC);
    if (!honour) {
      b.ignoreMatchingRules();
    }
    return b.build().check(file);
  }

  private static String rule(String path, String matcher) {
    return "{\"" + path + "\": {\"matchers\": [" + matcher + "]}}";
  }

  @Test
  void theExampleAloneConforms() throws IOException {
    assertThat(check("{}", true)).isEmpty();
  }

  static final String STATUSES = "[\"CREATED\",\"APPROVED\",\"COMPLETED\"]";

  /** The witness of a finding on the status: a value its enum lacks. */
  static String statusWitness(Finding f) {
    String witness = witness(f);
    assertThat(witness).isNotIn("CREATED", "APPROVED", "COMPLETED");
    return witness;
  }

  /** What a type matcher on the status, whose schema is an enum, gives. */
  static final Findings.Draft STATUS_TYPE =
      Findings.typeMatcherNarrowed(Matched.RESPONSE_BODY, "string", null, "enum", json(STATUSES));

  @Nested
  class Regex {

    @Test
    void aRegexAdmittingAStatusOutsideTheEnumIsAnError() throws IOException {
      Finding f =
          only(check(rule("$.status", "{\"match\": \"regex\", \"regex\": \"[A-Z]+\"}"), true));

      // any value the regex matches and the enum lacks shows it
      String witness = statusWitness(f);
      assertThat(witness).matches("[A-Z]+");
      assertThat(seen(f))
          .isEqualTo(
              new Seen(
                  Findings.regexMatches(
                      Matched.RESPONSE_BODY, "[A-Z]+", witness, "enum", json(STATUSES)),
                  "[root].interactions[0].response.matchingRules.body.$.status.matchers[0]",
                  "[root].paths./orders/{id}.get.responses.200.content.application/json.schema"
                      + ".components.schemas.Order.properties.status.enum"));
    }

    @Test
    void aRegexListingOnlyEnumValuesConforms() throws IOException {
      assertThat(
              check(
                  rule("$.status", "{\"match\": \"regex\", \"regex\": \"^(CREATED|APPROVED)$\"}"),
                  true))
          .isEmpty();
    }

    @Test
    void aRegexWiderThanTheSchemaPatternIsAnError() throws IOException {
      Finding f =
          only(
              check(
                  rule("$.items[*].sku", "{\"match\": \"regex\", \"regex\": \"SKU-\\\\d+\"}"),
                  true));

      String witness = witness(f);
      assertThat(witness).matches("SKU-\\d+").doesNotMatch("^SKU-[0-9]{4}$");
      assertThat(draft(f))
          .isEqualTo(
              Findings.regexMatches(
                  Matched.RESPONSE_BODY,
                  "SKU-\\d+",
                  witness,
                  "pattern",
                  json("\"^SKU-[0-9]{4}$\"")));
      assertThat(f.specDetails().location())
          .endsWith(".components.schemas.Item.properties.sku.pattern");
    }
  }

  @Nested
  class TypeMatchers {

    @Test
    void aTypeMatcherOnAnEnumFieldIsAnError() throws IOException {
      Finding f = only(check(rule("$.status", "{\"match\": \"type\"}"), true));

      assertThat(draft(f)).isEqualTo(STATUS_TYPE);
      assertThat(f.specDetails().location()).endsWith(".properties.status.enum");
    }

    @Test
    void aTypeMatcherOnADateTimeFieldIsAnError() throws IOException {
      assertThat(check(rule("$.createdAt", "{\"match\": \"type\"}"), true))
          .singleElement()
          .satisfies(
              f ->
                  assertThat(draft(f))
                      .isEqualTo(
                          Findings.typeMatcherNarrowed(
                              Matched.RESPONSE_BODY,
                              "string",
                              null,
                              "format",
                              json("\"date-time\""))));
    }

    @Test
    void aTypeMatcherOnAnUnconstrainedStringConforms() throws IOException {
      assertThat(check(rule("$.note", "{\"match\": \"type\"}"), true)).isEmpty();
    }

    @Test
    void aTypeMatcherReachesTheFieldsBelowIt() throws IOException {
      // eachLike without min: every item's sku may be any string, every quantity any number
      List<Finding> findings = check(rule("$.items", "{\"match\": \"type\"}"), true);

      assertThat(findings)
          .extracting(f -> f.specDetails().location())
          .containsExactlyInAnyOrder(
              "[root].paths./orders/{id}.get.responses.200.content.application/json.schema"
                  + ".components.schemas.Item.properties.sku.pattern",
              "[root].paths./orders/{id}.get.responses.200.content.application/json.schema"
                  + ".components.schemas.Item.properties.quantity.minimum");
    }
  }

  @Nested
  class EachLike {

    @Test
    void aMinimumBelowMinItemsIsAnError() throws IOException {
      String rules =
          """
          {"$.items": {"matchers": [{"match": "type", "min": 1}]},
           "$.items[*].sku": {"matchers": [{"match": "regex", "regex": "SKU-[0-9]{4}"}]},
           "$.items[*].quantity": {"matchers": [{"match": "equality"}]}}
          """;
      List<Finding> findings = check(rules, true);

      assertThat(findings)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(draft(f))
                    .isEqualTo(Findings.eachLikeBelowMinItems(Matched.RESPONSE_BODY, 1, 2));
                assertThat(f.specDetails().location())
                    .endsWith(".components.schemas.Order.properties.items.minItems");
              });
    }

    @Test
    void aMinimumAtMinItemsConforms() throws IOException {
      String rules =
          """
          {"$.items": {"matchers": [{"match": "type", "min": 2}]},
           "$.items[*].sku": {"matchers": [{"match": "regex", "regex": "SKU-[0-9]{4}"}]},
           "$.items[*].quantity": {"matchers": [{"match": "equality"}]}}
          """;
      assertThat(check(rules, true)).isEmpty();
    }
  }

  @Nested
  class DatesAndIncludes {

    @Test
    void aDateMatcherOnADateTimeFieldIsAnError() throws IOException {
      // createdAt is a date-time: a date matcher's mock may return a date alone
      assertAdmitsNoDateTime(
          "{\"match\": \"date\", \"format\": \"yyyy-MM-dd\"}", "date", "yyyy-MM-dd");
    }

    @Test
    void aTimestampMatcherWithAnOffsetOnADateTimeFieldConforms() throws IOException {
      assertThat(
              check(
                  rule(
                      "$.createdAt",
                      "{\"match\": \"timestamp\", \"format\": \"yyyy-MM-dd'T'HH:mm:ssXXX\"}"),
                  true))
          .isEmpty();
    }

    @Test
    void aTimestampMatcherWithoutAnOffsetOnADateTimeFieldIsAnError() throws IOException {
      // pact-jvm's default timestamp format has no offset, which RFC 3339 requires
      assertAdmitsNoDateTime("{\"match\": \"timestamp\"}", "timestamp", "yyyy-MM-dd'T'HH:mm:ss");
    }

    /**
     * A date matcher on createdAt is an error shown by a witness: any value its {@code format}
     * writes that is no RFC 3339 date-time will do.
     */
    private void assertAdmitsNoDateTime(String matcher, String match, String format)
        throws IOException {
      Finding f = only(check(rule("$.createdAt", matcher), true));

      String witness = witness(f);
      assertThat(DateTimeFormatter.ofPattern(format, Locale.ROOT).parse(witness)).isNotNull();
      assertThatThrownBy(() -> OffsetDateTime.parse(witness));
      assertThat(draft(f))
          .isEqualTo(
              Findings.dateMatcherAdmits(
                  Matched.RESPONSE_BODY, match, format, witness, "format", json("\"date-time\"")));
      assertThat(f.specDetails().location()).endsWith(".properties.createdAt.format");
    }

    @Test
    void anIncludeMatcherOnAnEnumFieldIsAnError() throws IOException {
      Finding f =
          only(check(rule("$.status", "{\"match\": \"include\", \"value\": \"CREATED\"}"), true));

      // any longer value that includes CREATED is outside the enum
      String witness = statusWitness(f);
      assertThat(witness).contains("CREATED");
      assertThat(draft(f))
          .isEqualTo(
              Findings.includeMatcherAdmits(
                  Matched.RESPONSE_BODY, "CREATED", witness, "enum", json(STATUSES)));
    }

    @Test
    void anIncludeMatcherOnAnUnconstrainedStringConforms() throws IOException {
      assertThat(check(rule("$.note", "{\"match\": \"include\", \"value\": \"door\"}"), true))
          .isEmpty();
    }
  }

  /** A list of matchers on one path: combined with AND (pact's default) or OR. */
  @Nested
  class Combined {

    private String rules(String combine, String... matchers) {
      return "{\"$.status\": {\"combine\": \"%s\", \"matchers\": [%s]}}"
          .formatted(combine, String.join(", ", matchers));
    }

    static final String TYPE = "{\"match\": \"type\"}";
    static final String ENUM_ONLY = "{\"match\": \"regex\", \"regex\": \"^(CREATED|APPROVED)$\"}";
    static final String WIDE = "{\"match\": \"regex\", \"regex\": \"[A-Z]+\"}";

    @Test
    void withAndAMatcherThatAdmitsOnlyEnumValuesMakesTheCombinationSafe() throws IOException {
      // a value must be a string and match the regex: only enum values pass both
      assertThat(check(rules("AND", TYPE, ENUM_ONLY), true)).isEmpty();
      // AND is the default
      assertThat(check("{\"$.status\": {\"matchers\": [%s, %s]}}".formatted(TYPE, ENUM_ONLY), true))
          .isEmpty();
    }

    @Test
    void aDateMatcherTheSpecAdmitsMakesTheCombinationSafeToo() throws IOException {
      // createdAt is a date-time: a string that is also an offset timestamp conforms
      String rules =
          """
          {"$.createdAt": {"combine": "AND", "matchers": [{"match": "type"},
            {"match": "timestamp", "format": "yyyy-MM-dd'T'HH:mm:ssXXX"}]}}
          """;
      assertThat(check(rules, true)).isEmpty();
    }

    @Test
    void withOrEachMatcherAdmitsValuesOfItsOwn() throws IOException {
      Finding f = only(check(rules("OR", TYPE, ENUM_ONLY), true));

      assertThat(draft(f)).isEqualTo(STATUS_TYPE);
      assertThat(f.mockDetails().location()).endsWith(".$.status.matchers[0]");
    }

    @Test
    void withAndMatchersThatAllAdmitForbiddenValuesAreEachAnError() throws IOException {
      assertThat(check(rules("AND", TYPE, WIDE), true))
          .extracting(f -> f.mockDetails().location())
          .containsExactly(
              "[root].interactions[0].response.matchingRules.body.$.status.matchers[0]",
              "[root].interactions[0].response.matchingRules.body.$.status.matchers[1]");
    }

    @Test
    void aMatcherTheCheckDoesNotEvaluateProvesNothing() throws IOException {
      // a content-type matcher narrows nothing the check can weigh: the type matcher's finding
      // stands
      assertThat(
              check(
                  rules("AND", TYPE, "{\"match\": \"contentType\", \"value\": \"text/plain\"}"),
                  true))
          .singleElement()
          .satisfies(f -> assertThat(draft(f)).isEqualTo(STATUS_TYPE));
    }
  }

  @Test
  void ignoringMatchingRulesChecksTheExampleOnly() throws IOException {
    assertThat(check(rule("$.status", "{\"match\": \"type\"}"), false)).isEmpty();
  }

  @Test
  void version2RulesAreReadToo() throws IOException {
    String pact =
        """
        {
          "consumer": {"name": "shop"}, "provider": {"name": "orders"},
          "interactions": [{
            "description": "an order",
            "request": {"method": "GET", "path": "/orders/1"},
            "response": {
              "status": 200,
              "headers": {"Content-Type": "application/json"},
              "body": {"id": "1", "status": "CREATED", "items": [{}, {}]},
              "matchingRules": {"$.body.status": {"match": "type"}}
            }
          }],
          "metadata": {"pactSpecification": {"version": "2.0.0"}}
        }
        """;
    Path file = Files.writeString(dir.resolve("v2.json"), pact);
    assertThat(OpenApiCheck.of(SPEC).check(file))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.mockDetails().location())
                    .isEqualTo("[root].interactions[0].response.matchingRules.$.body.status"));
  }
}
