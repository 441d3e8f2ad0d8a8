package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.Response;
import io.pactwire.consumer.testcases.InventoryClientTestCase;
import io.pactwire.core.PactFiles;
import io.pactwire.core.PactsDirectory;
import io.pactwire.testsupport.EngineRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Verifies a captured pact the way pact-jvm verifies a provider: a correct provider (other values,
 * same shape, extra fields) passes; one that renames, removes or retypes a field the consumer
 * reads, or changes the status, fails.
 */
class CapturedRulesTests {

  @TempDir static Path pacts;
  static Pact pact;

  @BeforeAll
  static void capture() {
    EngineRuns.run(InventoryClientTestCase.class, PactsDirectory.PROPERTY, pacts)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(2));
    pact = PactFiles.read(pacts.resolve("checkout-service-inventory-service.json"));
  }

  static List<Mismatch> verify(
      String description, int status, Map<String, String> headers, String body) {
    Interaction interaction =
        pact.getInteractions().stream()
            .filter(i -> i.getDescription().equals(description))
            .findFirst()
            .orElseThrow();
    Map<String, List<String>> actualHeaders = new java.util.HashMap<>();
    headers.forEach((k, v) -> actualHeaders.put(k, List.of(v)));
    Response actual =
        new Response(status, actualHeaders, OptionalBody.body(body, ContentType.getJSON()));
    return ResponseMatching.responseMismatches(
        pact, interaction.asSynchronousRequestResponse(), actual);
  }

  @Nested
  class AProduct {

    static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @Test
    void passesACorrectProviderWithOtherValuesAndExtraFields() {
      assertThat(
              verify(
                  "a request for a product",
                  200,
                  JSON,
                  """
                  {"sku": "SKU-1001", "name": "Beans", "price": 31.5, "stock": 0,
                   "tags": ["a", "b", "c"], "currency": "EUR"}
                  """))
          .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            # what the provider gets wrong | its response body
            renames name to title          | {"sku": "SKU-1001", "title": "Beans", "price": 31.5, "stock": 0, "tags": ["a"]}
            removes stock                  | {"sku": "SKU-1001", "name": "Beans", "price": 31.5, "tags": ["a"]}
            retypes stock as a string      | {"sku": "SKU-1001", "name": "Beans", "price": 31.5, "stock": "0", "tags": ["a"]}
            retypes price as a string      | {"sku": "SKU-1001", "name": "Beans", "price": "31.50", "stock": 0, "tags": ["a"]}
            sends stock as a decimal       | {"sku": "SKU-1001", "name": "Beans", "price": 31.5, "stock": 0.5, "tags": ["a"]}
            retypes a tag as a number      | {"sku": "SKU-1001", "name": "Beans", "price": 31.5, "stock": 0, "tags": [7]}
            returns no tags at all         | {"sku": "SKU-1001", "name": "Beans", "price": 31.5, "stock": 0, "tags": []}
            changes the pinned sku         | {"sku": "SKU-9999", "name": "Beans", "price": 31.5, "stock": 0, "tags": ["a"]}
            """)
    void failsABrokenProvider(String mistake, String body) {
      assertThat(verify("a request for a product", 200, JSON, body)).as(mistake).isNotEmpty();
    }

    @Test
    void failsAProviderThatChangesTheStatus() {
      String body =
          "{\"sku\": \"SKU-1001\", \"name\": \"Beans\", \"price\": 1, \"stock\": 0, \"tags\": [\"a\"]}";
      assertThat(verify("a request for a product", 200, JSON, body)).isEmpty();
      assertThat(verify("a request for a product", 404, JSON, body)).isNotEmpty();
    }
  }

  @Nested
  class AReservation {

    static final String ID = "9d2b6a1e-0c8f-4e57-a1b2-3c4d5e6f7a8b";

    @Test
    void passesAnotherUuidAndExpiry() {
      assertThat(
              verify(
                  "a reservation within stock",
                  201,
                  Map.of("Content-Type", "application/json", "Location", "/reservations/" + ID),
                  "{\"id\": \""
                      + ID
                      + "\", \"sku\": \"SKU-7\", \"quantity\": 5,"
                      + " \"expiresAt\": \"2030-01-01T00:00:00Z\"}"))
          .isEmpty();
    }

    @Test
    void failsAnIdThatIsNoUuidAndAMissingLocation() {
      String body =
          "{\"id\": \"42\", \"sku\": \"SKU-7\", \"quantity\": 5, \"expiresAt\": \"2030-01-01T00:00:00Z\"}";
      assertThat(
              verify(
                  "a reservation within stock",
                  201,
                  Map.of("Content-Type", "application/json", "Location", "/reservations/42"),
                  body))
          .isNotEmpty();
      assertThat(
              verify(
                  "a reservation within stock",
                  201,
                  Map.of("Content-Type", "application/json"),
                  body.replace("\"42\"", "\"" + ID + "\"")))
          .isNotEmpty();
    }
  }
}
