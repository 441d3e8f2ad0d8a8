package io.pactwire.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @Nested
  class Regex {

    @Test
    void aRegexAdmittingAStatusOutsideTheEnumIsAnError() throws IOException {
      List<Finding> findings =
          check(rule("$.status", "{\"match\": \"regex\", \"regex\": \"[A-Z]+\"}"), true);

      assertThat(findings)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.code()).isEqualTo("response.body.matcher.incompatible");
                assertThat(f.type()).isEqualTo(Finding.Type.ERROR);
                assertThat(f.message()).contains("regex '[A-Z]+'").contains("fails 'enum'");
                assertThat(f.mockDetails().location())
                    .isEqualTo(
                        "[root].interactions[0].response.matchingRules.body.$.status.matchers[0]");
                assertThat(f.specDetails().location())
                    .isEqualTo(
                        "[root].paths./orders/{id}.get.responses.200.content.application/json.schema"
                            + ".components.schemas.Order.properties.status.enum");
              });
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
      List<Finding> findings =
          check(rule("$.items[*].sku", "{\"match\": \"regex\", \"regex\": \"SKU-\\\\d+\"}"), true);

      assertThat(findings)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.message()).contains("fails 'pattern'");
                assertThat(f.specDetails().location())
                    .endsWith(".components.schemas.Item.properties.sku.pattern");
              });
    }
  }

  @Nested
  class TypeMatchers {

    @Test
    void aTypeMatcherOnAnEnumFieldIsAnError() throws IOException {
      List<Finding> findings = check(rule("$.status", "{\"match\": \"type\"}"), true);

      assertThat(findings)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.message())
                    .contains("type matcher admits any string")
                    .contains("'enum'");
                assertThat(f.specDetails().location()).endsWith(".properties.status.enum");
              });
    }

    @Test
    void aTypeMatcherOnADateTimeFieldIsAnError() throws IOException {
      assertThat(check(rule("$.createdAt", "{\"match\": \"type\"}"), true))
          .singleElement()
          .satisfies(f -> assertThat(f.message()).contains("'format' \"date-time\""));
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
                assertThat(f.message())
                    .isEqualTo(
                        "Matcher admits arrays the spec forbids: eachLike minimum 1 is below minItems 2");
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
      // createdAt is a date-time: a date matcher's mock may return "2000-01-01"
      assertThat(
              check(rule("$.createdAt", "{\"match\": \"date\", \"format\": \"yyyy-MM-dd\"}"), true))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.message())
                    .isEqualTo(
                        "Matcher admits values the spec forbids: date matcher 'yyyy-MM-dd'"
                            + " admits \"2000-01-01\", which fails 'format' \"date-time\"");
                assertThat(f.specDetails().location()).endsWith(".properties.createdAt.format");
              });
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
      assertThat(check(rule("$.createdAt", "{\"match\": \"timestamp\"}"), true))
          .singleElement()
          .satisfies(f -> assertThat(f.message()).contains("admits \"2000-01-01T00:00:00\""));
    }

    @Test
    void anIncludeMatcherOnAnEnumFieldIsAnError() throws IOException {
      assertThat(check(rule("$.status", "{\"match\": \"include\", \"value\": \"CREATED\"}"), true))
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.message())
                      .isEqualTo(
                          "Matcher admits values the spec forbids: include matcher 'CREATED'"
                              + " admits \"xCREATEDx\", which fails 'enum'"
                              + " [\"CREATED\",\"APPROVED\",\"COMPLETED\"]"));
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
      assertThat(check(rules("OR", TYPE, ENUM_ONLY), true))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.message()).contains("type matcher admits any string");
                assertThat(f.mockDetails().location()).endsWith(".$.status.matchers[0]");
              });
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
          .satisfies(f -> assertThat(f.message()).contains("type matcher admits any string"));
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
