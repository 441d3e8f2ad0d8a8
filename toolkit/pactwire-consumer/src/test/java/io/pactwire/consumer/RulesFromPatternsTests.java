package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.consumer.internal.RegexExamples;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The table in docs/capture.md, one stub pattern at a time. */
class RulesFromPatternsTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Converts a mapping and returns the interaction as pact JSON. */
  static JsonNode interaction(String mapping) throws Exception {
    StubConversion result =
        StubConverter.newInstance().convert(JSON.readTree(mapping), "test.json");
    assertThat(result).isInstanceOf(StubConversion.Converted.class);
    var interaction = ((StubConversion.Converted) result).interaction();
    return JSON.readTree(Json.toJson(interaction.toMap(PactSpecVersion.V4)).serialise());
  }

  static String rule(JsonNode interaction, String part, String category, String key) {
    JsonNode rules = interaction.path(part).path("matchingRules").path(category);
    JsonNode group = key == null ? rules : rules.path(key);
    return group.path("matchers").toString();
  }

  @Nested
  class Paths {

    @Test
    void urlPathTemplateBecomesARegexAndTheExampleFillsTheNames() throws Exception {
      JsonNode i =
          interaction(
              """
              {"request": {"method": "GET", "urlPathTemplate": "/products/{sku}/stock"},
               "response": {"status": 200}}
              """);
      assertThat(i.path("request").path("path").asText()).isEqualTo("/products/sku/stock");
      assertThat(rule(i, "request", "path", null))
          .isEqualTo("[{\"match\":\"regex\",\"regex\":\"/products/[^/]+/stock\"}]");
    }

    @Test
    void urlPatternBecomesThePathRegex() throws Exception {
      JsonNode i =
          interaction(
              """
              {"request": {"method": "GET", "urlPattern": "/orders/[0-9]{4}"}, "response": {}}
              """);
      assertThat(i.path("request").path("path").asText()).isEqualTo("/orders/0000");
      assertThat(rule(i, "request", "path", null)).contains("\"regex\":\"/orders/[0-9]{4}\"");
    }

    @Test
    void urlEqualToKeepsItsQueryAsExampleAndNeedsNoRule() throws Exception {
      JsonNode i =
          interaction(
              """
              {"request": {"method": "GET", "url": "/search?q=things"}, "response": {}}
              """);
      assertThat(i.path("request").path("query").toString()).isEqualTo("{\"q\":[\"things\"]}");
      assertThat(i.path("request").has("matchingRules")).isFalse();
    }
  }

  @Nested
  class QueryAndHeaders {

    static final String MAPPING =
        """
        {"request": {"method": "GET", "urlPath": "/products",
          "queryParameters": {"category": {"equalTo": "coffee"}, "page": {"matches": "[0-9]+"},
                              "sort": {"contains": "price"}, "debug": {"absent": true}},
          "headers": {"Accept": {"contains": "json"}, "X-Request-Id": {"matches": "[a-f0-9]{8}"},
                      "X-Legacy": {"absent": true}}},
         "response": {"status": 200}}
        """;

    @Test
    void equalToNeedsNoRuleMatchingAndContainsBecomeRegexAbsentIsLeftOut() throws Exception {
      JsonNode i = interaction(MAPPING);
      JsonNode request = i.path("request");
      assertThat(request.path("query").toString())
          .isEqualTo("{\"category\":[\"coffee\"],\"page\":[\"0\"],\"sort\":[\"price\"]}");
      assertThat(rule(i, "request", "query", "category")).isEqualTo("");
      assertThat(rule(i, "request", "query", "page"))
          .isEqualTo("[{\"match\":\"regex\",\"regex\":\"[0-9]+\"}]");
      assertThat(rule(i, "request", "query", "sort"))
          .isEqualTo("[{\"match\":\"regex\",\"regex\":\".*price.*\"}]");
      assertThat(request.path("headers").has("X-Legacy")).isFalse();
      assertThat(rule(i, "request", "header", "X-Request-Id"))
          .isEqualTo("[{\"match\":\"regex\",\"regex\":\"[a-f0-9]{8}\"}]");
      assertThat(rule(i, "request", "header", "Accept"))
          .isEqualTo("[{\"match\":\"regex\",\"regex\":\".*json.*\"}]");
    }
  }

  @Nested
  class BasicAuthAndCookies {

    // WireMock writes withBasicAuth and withCookie as these keys: the request matched on the
    // Authorization header and the Cookie header, which the contract names, redacted
    @Test
    void becomeTheirHeadersRedactedWithARule() throws Exception {
      JsonNode i =
          interaction(
              """
              {"request": {"method": "GET", "urlPath": "/account",
                "basicAuthCredentials": {"username": "ada", "password": "pw-in-a-file"},
                "cookies": {"SESSION": {"matches": "[a-z0-9]+"}, "theme": {"equalTo": "dark"}}},
               "response": {"status": 200}}
              """);
      assertThat(i.path("request").path("headers").toString())
          .isEqualTo(
              "{\"Authorization\":[\"Basic <redacted>\"],\"Cookie\":[\"SESSION=<redacted>;"
                  + " theme=dark\"]}");
      assertThat(rule(i, "request", "header", "Authorization"))
          .isEqualTo("[{\"match\":\"regex\",\"regex\":\"Basic .+\"}]");
      // the cookie by name, with any value, among any others
      String cookie =
          i.path("request")
              .path("matchingRules")
              .path("header")
              .path("Cookie")
              .path("matchers")
              .path(0)
              .path("regex")
              .asText();
      // the session by name with any value; the preference, no credential, as the stub has it
      assertThat("SESSION=abc; theme=dark").matches(cookie);
      assertThat("lang=de; theme=dark; SESSION=abc").matches(cookie);
      assertThat("SESSION=abc; theme=light").doesNotMatch(cookie);
      assertThat("SESSION=abc").doesNotMatch(cookie);
      assertThat("theme=dark").doesNotMatch(cookie);
      assertThat("SESSIONX=abc; theme=dark").doesNotMatch(cookie);
    }

    // WireMock's regex is a whole match, often written anchored: the rule keeps it without anchors
    @Test
    void anAnchoredCookiePatternStillMatchesItsCookie() throws Exception {
      JsonNode i =
          interaction(
              """
              {"request": {"method": "GET", "urlPath": "/home",
                "cookies": {"lang": {"matches": "^(en|de)$"}}},
               "response": {"status": 200}}
              """);
      String cookie =
          i.path("request")
              .path("matchingRules")
              .path("header")
              .path("Cookie")
              .path("matchers")
              .path(0)
              .path("regex")
              .asText();
      assertThat(i.path("request").path("headers").path("Cookie").path(0).asText())
          .isEqualTo("lang=en");
      assertThat("lang=de; SESSION=abc").matches(cookie);
      assertThat("lang=fr").doesNotMatch(cookie);
      assertThat(i.toString()).doesNotContain("pw-in-a-file");
    }
  }

  @Nested
  class RequestBodies {

    @Test
    void jsonUnitPlaceholdersBecomeTypeNumberAndRegexRules() throws Exception {
      JsonNode i =
          interaction(
              """
              {"request": {"method": "POST", "urlPath": "/reservations",
                "bodyPatterns": [{"equalToJson": {"sku": "${json-unit.any-string}",
                  "quantity": "${json-unit.any-number}", "gift": "${json-unit.any-boolean}",
                  "ref": "${json-unit.regex}R-[0-9]{3}", "note": "${json-unit.ignore}",
                  "currency": "EUR"}, "ignoreExtraElements": true}]},
               "response": {"status": 201}}
              """);
      assertThat(i.path("request").path("body").path("content").toString())
          .isEqualTo(
              "{\"currency\":\"EUR\",\"gift\":true,\"note\":\"ignored\",\"quantity\":1,\"ref\":\"R-000\",\"sku\":\"string\"}");
      assertThat(rule(i, "request", "body", "$.sku")).isEqualTo("[{\"match\":\"type\"}]");
      assertThat(rule(i, "request", "body", "$.quantity")).isEqualTo("[{\"match\":\"number\"}]");
      assertThat(rule(i, "request", "body", "$.gift")).isEqualTo("[{\"match\":\"type\"}]");
      assertThat(rule(i, "request", "body", "$.ref"))
          .isEqualTo("[{\"match\":\"regex\",\"regex\":\"R-[0-9]{3}\"}]");
      assertThat(rule(i, "request", "body", "$.note")).isEqualTo("[{\"match\":\"type\"}]");
      assertThat(rule(i, "request", "body", "$.currency")).isEqualTo("");
    }

    @Test
    void matchesJsonPathRequiresTheFieldAndHonoursItsValuePattern() throws Exception {
      JsonNode i =
          interaction(
              """
              {"request": {"method": "POST", "urlPath": "/orders", "bodyPatterns": [
                 {"matchesJsonPath": "$.customer.id"},
                 {"matchesJsonPath": {"expression": "$.currency", "matches": "[A-Z]{3}"}}]},
               "response": {"status": 201}}
              """);
      assertThat(i.path("request").path("body").path("content").toString())
          .isEqualTo("{\"currency\":\"AAA\",\"customer\":{\"id\":\"string\"}}");
      assertThat(rule(i, "request", "body", "$.customer.id")).isEqualTo("[{\"match\":\"type\"}]");
      assertThat(rule(i, "request", "body", "$.currency"))
          .isEqualTo("[{\"match\":\"regex\",\"regex\":\"[A-Z]{3}\"}]");
    }

    @Test
    void matchesJsonSchemaBecomesTypeRules() throws Exception {
      JsonNode i =
          interaction(
              """
              {"request": {"method": "POST", "urlPath": "/orders", "bodyPatterns": [
                 {"matchesJsonSchema": {"type": "object", "properties": {
                    "sku": {"type": "string"}, "quantity": {"type": "integer"},
                    "lines": {"type": "array", "items": {"type": "number"}}}}}]},
               "response": {"status": 201}}
              """);
      assertThat(rule(i, "request", "body", "$.sku")).isEqualTo("[{\"match\":\"type\"}]");
      assertThat(rule(i, "request", "body", "$.quantity")).isEqualTo("[{\"match\":\"integer\"}]");
      assertThat(rule(i, "request", "body", "$.lines"))
          .isEqualTo("[{\"match\":\"type\",\"min\":0}]");
      assertThat(rule(i, "request", "body", "$.lines[*]")).isEqualTo("[{\"match\":\"number\"}]");
    }

    @Test
    void aSchemaPatternOrEnumStaysARegexAndARangeOrLengthPinsTheExampleSoThePactAdmitsNoMore()
        throws Exception {
      JsonNode i =
          interaction(
              """
              {"request": {"method": "POST", "urlPath": "/quotes", "bodyPatterns": [
                 {"matchesJsonSchema": {"type": "object", "properties": {
                    "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
                    "postcode": {"type": "string", "pattern": "[0-9]{5}"},
                    "speed": {"type": "string", "enum": ["express", "24h+"]},
                    "mode": {"type": "string", "enum": ["air"]},
                    "note": {"type": "string"},
                    "grams": {"type": "integer", "minimum": 1},
                    "ref": {"type": "string", "pattern": "^R", "maxLength": 8}}}}]},
               "response": {"status": 201}}
              """);
      assertThat(rule(i, "request", "body", "$.country"))
          .isEqualTo("[{\"match\":\"regex\",\"regex\":\"^[A-Z]{2}$\"}]");
      // a schema pattern matches anywhere in the string; a Pact regex the whole string
      assertThat(rule(i, "request", "body", "$.postcode"))
          .isEqualTo("[{\"match\":\"regex\",\"regex\":\"(?s).*(?:[0-9]{5}).*\"}]");
      assertThat(rule(i, "request", "body", "$.speed"))
          .isEqualTo("[{\"match\":\"regex\",\"regex\":\"(?:express|\\\\Q24h+\\\\E)\"}]");
      assertThat(rule(i, "request", "body", "$.mode"))
          .isEqualTo("[{\"match\":\"regex\",\"regex\":\"air\"}]");
      assertThat(rule(i, "request", "body", "$.note")).isEqualTo("[{\"match\":\"type\"}]");
      // a range or a length no Pact matcher says: the value keeps no rule, its example exactly
      assertThat(rule(i, "request", "body", "$.grams")).isEqualTo("");
      assertThat(rule(i, "request", "body", "$.ref")).isEqualTo("");
      // the example synthesised for the mapping file satisfies the rules
      JsonNode example = i.path("request").path("body").path("content");
      assertThat(example.path("country").asText()).matches("^[A-Z]{2}$");
      assertThat(example.path("postcode").asText()).matches("(?s).*(?:[0-9]{5}).*");
      assertThat(example.path("speed").asText()).isEqualTo("express");
    }
  }

  @Nested
  class ResponseBodies {

    @Test
    void leavesByTypeIntegersAsIntegersArraysByMinimumPinnedValuesExactOrRegex() throws Exception {
      JsonNode i =
          interaction(
              """
              {"request": {"method": "GET", "urlPath": "/orders/1"},
               "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                 "jsonBody": {"id": "O-1", "status": "PAID",
                              "lines": [{"sku": "A", "qty": 1, "price": 24.90}]}},
               "metadata": {"pact": {"exact": ["$.status"], "regex": {"$.id": "O-[0-9]+"}}}}
              """);
      assertThat(rule(i, "response", "body", "$.status")).isEqualTo("[{\"match\":\"equality\"}]");
      assertThat(rule(i, "response", "body", "$.id"))
          .isEqualTo("[{\"match\":\"regex\",\"regex\":\"O-[0-9]+\"}]");
      assertThat(rule(i, "response", "body", "$.lines"))
          .isEqualTo("[{\"match\":\"type\",\"min\":1}]");
      assertThat(rule(i, "response", "body", "$.lines[*].sku")).isEqualTo("[{\"match\":\"type\"}]");
      // an integer example stays an integer (12.5 would break a consumer reading an int); a
      // decimal example admits any number, since JSON does not tell 25 from 25.0
      assertThat(rule(i, "response", "body", "$.lines[*].qty"))
          .isEqualTo("[{\"match\":\"integer\"}]");
      assertThat(rule(i, "response", "body", "$.lines[*].price"))
          .isEqualTo("[{\"match\":\"number\"}]");
    }
  }

  @Nested
  class ProviderStatesAndDescriptions {

    @Test
    void comeFromPactMetadataFirst() throws Exception {
      JsonNode i =
          interaction(
              """
              {"name": "product", "scenarioName": "s", "requiredScenarioState": "Started",
               "request": {"method": "GET", "urlPath": "/products/SKU-1"},
               "response": {"status": 200},
               "metadata": {"pact": {"description": "a request for a product",
                 "providerState": "a product exists", "params": {"sku": "SKU-1", "stock": 3}}}}
              """);
      assertThat(i.path("description").asText()).isEqualTo("a request for a product");
      assertThat(i.path("providerStates").toString())
          .isEqualTo(
              "[{\"name\":\"a product exists\",\"params\":{\"sku\":\"SKU-1\",\"stock\":3}}]");
    }

    @Test
    void thenFromTheScenarioAndTheStubName() throws Exception {
      JsonNode i =
          interaction(
              """
              {"name": "list items", "scenarioName": "To do list", "requiredScenarioState": "Started",
               "request": {"method": "GET", "url": "/todo/items"}, "response": {"status": 200}}
              """);
      assertThat(i.path("description").asText()).isEqualTo("list items");
      assertThat(i.path("providerStates").toString())
          .isEqualTo("[{\"name\":\"To do list is Started\"}]");
    }

    @Test
    void elseTheDescriptionIsMethodAndUrlExpression() throws Exception {
      JsonNode i =
          interaction(
              """
              {"request": {"method": "DELETE", "urlPathTemplate": "/reservations/{id}"},
               "response": {"status": 204}}
              """);
      assertThat(i.path("description").asText()).isEqualTo("DELETE /reservations/{id}");
      assertThat(i.has("providerStates")).isFalse();
    }
  }

  @Nested
  class RegexExamplesForSynthesis {

    // Each regex is one that WireMock mappings use for paths or values.
    @ParameterizedTest
    @ValueSource(
        strings = {
          "/([0-9]+)/url-path-pattern/",
          "^.*[0-9]{3}/hello-url-matcher/",
          "[a-f0-9]{8}-[a-f0-9]{4}",
          "application/vnd\\.fraud\\.v1\\+json.*",
          "(?:GET|POST) /x",
          "\\d{2,}\\w+\\s?\\Q.*\\E",
          "[^/]+/items/[A-Z][a-z]*"
        })
    void matchTheirRegex(String regex) {
      assertThat(RegexExamples.example(regex))
          .hasValueSatisfying(e -> assertThat(e).matches(regex));
    }

    @Test
    void giveUpRatherThanGuessOnLookaround() {
      assertThat(RegexExamples.example("(?!admin).+")).isEmpty();
    }
  }

  @Nested
  class WhatCannotBeAContract {

    // response part of the stub | the feature named in the refusal
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
        delimiter = '|',
        textBlock =
            """
            "transformers": ["response-template"]                              | response templating (transformer response-template)
            "fault": "RANDOM_DATA_THEN_CLOSE"                                  | a fault (RANDOM_DATA_THEN_CLOSE)
            "fixedDelayMilliseconds": 200                                      | a delay (fixedDelayMilliseconds)
            "delayDistribution": {"type": "lognormal", "median": 80, "sigma": 0.4} | a delay (delayDistribution)
            "chunkedDribbleDelay": {"numberOfChunks": 5, "totalDuration": 1000} | a delay (chunkedDribbleDelay)
            "proxyBaseUrl": "https://api.example.com"                          | proxying (proxyBaseUrl)
            """)
    void isRefusedNamingTheStubAndTheFeature(String responsePart, String feature) throws Exception {
      String mapping =
          "{\"name\": \"orders\", \"request\": {\"method\": \"GET\", \"urlPath\": \"/orders\"},"
              + " \"response\": {\"status\": 200, "
              + responsePart
              + "}}";
      StubConversion result =
          StubConverter.newInstance().convert(JSON.readTree(mapping), "orders.json");
      assertThat(result)
          .isInstanceOfSatisfying(
              StubConversion.Refused.class,
              r ->
                  assertThat(r.message())
                      .isEqualTo(
                          "orders.json: stub 'orders' uses "
                              + feature
                              + ", which a contract cannot express; left out of the pact"));
    }

    @Test
    void webhooksAndServeEventListenersAreRefusedToo() throws Exception {
      StubConversion result =
          StubConverter.newInstance()
              .convert(
                  JSON.readTree(
                      """
                      {"id": "8c5db8b0-2db4-4ad7-a99f-38c9b00da3f7",
                       "request": {"method": "POST", "urlPath": "/orders"}, "response": {"status": 202},
                       "serveEventListeners": [{"name": "webhook", "parameters": {"url": "http://x"}}]}
                      """),
                  "hooks.json");
      assertThat(((StubConversion.Refused) result).message())
          .isEqualTo(
              "hooks.json: stub 8c5db8b0-2db4-4ad7-a99f-38c9b00da3f7 (POST /orders) uses serve"
                  + " event listeners (webhooks), which a contract cannot express; left out of the"
                  + " pact");
    }
  }
}
