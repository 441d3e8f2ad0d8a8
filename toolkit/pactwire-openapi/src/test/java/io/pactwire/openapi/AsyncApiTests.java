package io.pactwire.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference system's StockChanged event checked against AsyncAPI 3.0 and 2.6 documents. */
class AsyncApiTests {

  static final Path V3 = Path.of("src/test/resources/asyncapi/stock-changed-3.yaml");
  static final Path V2 = Path.of("src/test/resources/asyncapi/stock-changed-2.yaml");

  @TempDir Path dir;

  /** A V4 message pact naming {@code operationId}, with the given payload. */
  private Path pact(String operationId, String payload) throws IOException {
    String json =
        """
        {
          "consumer": {"name": "catalog-indexer"},
          "provider": {"name": "inventory-service"},
          "interactions": [{
            "type": "Asynchronous/Messages",
            "description": "a StockChanged event",
            "providerStates": [{"name": "a product's stock changes"}],
            "contents": {"content": %s, "contentType": "application/json", "encoded": false},
            "metadata": {"contentType": "application/json"},
            "comments": {"references": {"AsyncAPI": {"operationId": "%s"}}}
          }],
          "metadata": {"pactSpecification": {"version": "4.0"}}
        }
        """
            .formatted(payload, operationId);
    return Files.writeString(dir.resolve("pact.json"), json);
  }

  static final String EVENT =
      "{\"sku\": \"SKU-1001\", \"available\": 10, \"occurredAt\": \"2026-11-28T23:00:00Z\"}";

  @Nested
  class AsyncApi3 {

    @Test
    void theEventMatchesItsMessage() throws IOException {
      List<Finding> findings = OpenApiCheck.of(V3).check(pact("receiveStockChanged", EVENT));

      assertThat(findings)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.code()).isEqualTo("message.matched");
                assertThat(f.type()).isEqualTo(Finding.Type.INFO);
                assertThat(f.specDetails().location())
                    .isEqualTo("[root].components.messages.StockChanged");
              });
    }

    @Test
    void aRetypedFieldMatchesNoMessage() throws IOException {
      Path pact =
          pact("receiveStockChanged", EVENT.replace("\"available\": 10", "\"available\": \"10\""));

      assertThat(OpenApiCheck.of(V3).check(pact))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.code()).isEqualTo("message.no.match");
                assertThat(f.mockDetails().location()).isEqualTo("[root].interactions[0]");
                assertThat(f.mockDetails().interactionState())
                    .isEqualTo("a product's stock changes");
                assertThat(f.specDetails().location())
                    .isEqualTo("[root].operations.receiveStockChanged.messages");
              });
    }

    @Test
    void anUnknownOperationIsAnError() throws IOException {
      assertThat(OpenApiCheck.of(V3).check(pact("onStockChanged", EVENT)))
          .extracting(Finding::code)
          .containsExactly("message.operation.unknown");
    }
  }

  @Nested
  class AsyncApi2 {

    @Test
    void anOperationIdOnAChannelIsFound() throws IOException {
      assertThat(OpenApiCheck.of(V2).check(pact("onStockChanged", EVENT)))
          .extracting(Finding::code, f -> f.specDetails().location())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "message.matched", "[root].operations.onStockChanged.messages[0]"));
    }

    @Test
    void aNegativeStockMatchesNoMessage() throws IOException {
      assertThat(
              OpenApiCheck.of(V2)
                  .check(
                      pact(
                          "onStockChanged",
                          EVENT.replace("\"available\": 10", "\"available\": -1"))))
          .extracting(Finding::code)
          .containsExactly("message.no.match");
    }
  }

  @Test
  void httpAndMessagesTogetherNeedBothSpecs() throws IOException {
    Path pact = pact("receiveStockChanged", EVENT);

    OpenApiCheck both =
        OpenApiCheck.newInstance()
            .spec(V3)
            .spec(Path.of("src/test/resources/matching-rules/openapi.yaml"))
            .build();

    assertThat(both.check(pact)).extracting(Finding::code).containsExactly("message.matched");
    assertThat(OpenApiCheck.newInstance().build().check(pact))
        .extracting(Finding::code)
        .containsExactly("message.spec.missing");
  }
}
