package io.pactwire.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.provider.messages.MessagesPactTestCase;
import io.pactwire.testsupport.EngineRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Message interactions (JSON over Kafka, a CSV file) verified against real producing code. */
class MessagesTests {

  static final String CSV_EXPORT =
      """
      {
        "type": "Asynchronous/Messages",
        "description": "a product CSV export",
        "providerStates": [{"name": "a product exists",
          "params": {"sku": "SKU-1001", "name": "Espresso beans, 1kg", "price": 24.90, "stock": 12}}],
        "contents": {"contentType": "text/csv", "encoded": false,
          "content": "sku,name,price,stock\\r\\nSKU-1001,\\"Espresso beans, 1kg\\",24.90,12\\r\\n"},
        "metadata": {"contentType": "text/csv", "fileName": "products.csv"}
      }""";

  static final String DRIFTED_CSV_EXPORT =
      """
      {
        "type": "Asynchronous/Messages",
        "description": "a product CSV export",
        "providerStates": [{"name": "a product exists",
          "params": {"sku": "SKU-1001", "name": "Espresso beans, 1kg", "price": 24.90, "stock": 12}}],
        "contents": {"contentType": "text/csv", "encoded": false,
          "content": "sku,name,price,currency,stock\\r\\nSKU-1001,\\"Espresso beans, 1kg\\",24.90,EUR,12\\r\\n"},
        "metadata": {"contentType": "text/csv", "fileName": "products.csv"}
      }""";

  static final String STOCK_CHANGED =
      """
      {
        "type": "Asynchronous/Messages",
        "description": "a StockChanged event",
        "providerStates": [{"name": "a product's stock changes",
          "params": {"sku": "SKU-1001", "stock": 12, "quantity": 2}}],
        "contents": {"contentType": "application/json", "encoded": false,
          "content": {"sku": "SKU-1001", "available": 10, "occurredAt": "2026-11-28T23:00:00Z"}},
        "matchingRules": {"body": {
          "$.occurredAt": {"combine": "AND", "matchers": [{"match": "regex",
            "regex": "\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}:\\\\d{2}(\\\\.\\\\d{1,9})?Z"}]}}},
        "metadata": {"contentType": "application/json", "kafka_key": "SKU-1001"}
      }""";

  @RegisterExtension
  static final InventoryDatabase.PerClass DATABASE = new InventoryDatabase.PerClass();

  @TempDir Path pacts;
  @TempDir Path reports;
  private List<String> before;

  @BeforeEach
  void useDatabase() throws SQLException {
    before = DATABASE.get().contents();
  }

  @AfterEach
  void databaseIsAsBefore() throws SQLException {
    assertThat(DATABASE.get().contents()).isEqualTo(before);
  }

  private EngineExecutionResults verify(List<String> interactions) throws IOException {
    TestPacts.write(pacts, interactions);
    return EngineRuns.run(
        MessagesPactTestCase.class,
        TestPacts.FOLDER_PROPERTY,
        pacts,
        Map.of(
            "pactwire.reportsDir",
            reports.toString(),
            "pactwire.provider.version",
            "1",
            "pactwire.results.publish",
            "false"));
  }

  @Nested
  class Verifying {

    @Test
    void aKafkaEventAndACsvFileFromTheRealProducersPass() throws IOException {
      EngineExecutionResults results = verify(List.of(STOCK_CHANGED, CSV_EXPORT));

      assertThat(EngineRuns.outcomes(results))
          .containsEntry("checkout-service - a StockChanged event", "SUCCESSFUL")
          .containsEntry("checkout-service - a product CSV export", "SUCCESSFUL");
    }

    @Test
    void aCsvThatDriftedFromTheContractFailsShowingBothTexts() throws IOException {
      EngineExecutionResults results = verify(List.of(DRIFTED_CSV_EXPORT));

      results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
      assertThat(EngineRuns.outcomes(results).get("checkout-service - a product CSV export"))
          .startsWith("verifying 'a product CSV export' failed with 1 difference")
          .contains("interaction: 'a product CSV export'")
          .contains("state:       'a product exists' {sku=SKU-1001")
          .contains("expected: sku,name,price,currency,stock")
          .contains("actual:   sku,name,price,stock");
      String markdown =
          Files.readString(reports.resolve("inventory-service.md"), StandardCharsets.UTF_8);
      assertThat(markdown).contains("| a product CSV export |").contains("❌ failed");
      String html =
          Files.readString(reports.resolve("inventory-service.html"), StandardCharsets.UTF_8);
      assertThat(html)
          .contains("contentType=text/csv, fileName=products.csv")
          .contains("<span class=\"del\">sku,name,price,currency,stock")
          .contains("<span class=\"ins\">sku,name,price,stock");
    }

    @Test
    void aKafkaKeyThatDiffersFromTheContractFails() throws IOException {
      EngineExecutionResults results =
          verify(
              List.of(
                  STOCK_CHANGED.replace(
                      "\"kafka_key\": \"SKU-1001\"", "\"kafka_key\": \"SKU-9\"")));

      assertThat(EngineRuns.outcomes(results).get("checkout-service - a StockChanged event"))
          .contains("1) metadata kafka_key: ")
          .contains("expected: SKU-9")
          .contains("actual:   SKU-1001");
    }
  }

  @Nested
  class Capturing {

    @Test
    void aKafkaRecordsKeyHeadersAndContentTypeBecomeMetadata() {
      Map<String, byte[]> headers = new LinkedHashMap<>();
      headers.put("contentType", "application/json".getBytes(StandardCharsets.UTF_8));
      headers.put("traceId", "abc".getBytes(StandardCharsets.UTF_8));
      headers.put("empty", null);

      ProducedMessage message =
          ProducedMessage.kafka("SKU-1", headers, "{}".getBytes(StandardCharsets.UTF_8));

      assertThat(message.metadata())
          .containsExactly(
              Map.entry("contentType", "application/json"),
              Map.entry("traceId", "abc"),
              Map.entry("kafka_key", "SKU-1"));
      assertThat(message.text()).isEqualTo("{}");
      assertThat(message.toPact().getMetadata()).isEqualTo(message.metadata());
    }

    @Test
    void thePayloadIsCopiedSoLaterWritesToTheBufferDoNotShow() {
      byte[] buffer = "a,b\r\n".getBytes(StandardCharsets.UTF_8);
      ProducedMessage message = ProducedMessage.of(buffer, "text/csv");

      buffer[0] = 'X';

      assertThat(message.text()).isEqualTo("a,b\r\n");
      assertThat(message.contentType()).isEqualTo("text/csv");
    }
  }
}
