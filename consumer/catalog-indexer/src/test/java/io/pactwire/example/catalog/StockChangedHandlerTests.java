package io.pactwire.example.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StockChangedHandlerTests {

  private final CatalogIndex index = new CatalogIndex();
  private final StockChangedHandler handler = new StockChangedHandler(index);

  private static byte[] event(String sku, int available, String occurredAt) {
    return """
        {"sku": "%s", "available": %d, "occurredAt": "%s"}
        """
        .formatted(sku, available, occurredAt)
        .getBytes(UTF_8);
  }

  @Nested
  class Applying {

    @Test
    void zeroAvailableMarksTheProductOutOfStock() {
      handler.handle(event("SKU-1002", 0, "2026-11-28T23:00:00Z"));

      assertThat(index.find("SKU-1002"))
          .contains(
              new SearchDocument("SKU-1002", 0, false, Instant.parse("2026-11-28T23:00:00Z")));
    }

    @Test
    void aLaterEventReplacesTheDocument() {
      handler.handle(event("SKU-1001", 10, "2026-11-28T23:00:00Z"));
      handler.handle(event("SKU-1001", 12, "2026-11-28T23:05:00.123Z"));

      assertThat(index.find("SKU-1001"))
          .contains(
              new SearchDocument("SKU-1001", 12, true, Instant.parse("2026-11-28T23:05:00.123Z")));
    }

    @Test
    void anEventOlderThanTheDocumentIsIgnored() {
      handler.handle(event("SKU-1001", 10, "2026-11-28T23:05:00Z"));
      handler.handle(event("SKU-1001", 12, "2026-11-28T23:00:00Z"));

      assertThat(index.find("SKU-1001").orElseThrow().available()).isEqualTo(10);
    }

    @Test
    void applyReportsWhetherTheDocumentChanged() {
      var first = new StockChanged("SKU-1001", 10, Instant.parse("2026-11-28T23:05:00Z"));
      var older = new StockChanged("SKU-1001", 12, Instant.parse("2026-11-28T23:00:00Z"));

      assertThat(index.apply(first)).isTrue();
      assertThat(index.apply(older)).isFalse();
      assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void unknownFieldsAreIgnored() {
      byte[] payload =
          """
          {"sku": "SKU-1003", "available": 4, "occurredAt": "2026-11-28T23:00:00Z", "warehouse": "B"}
          """
              .getBytes(UTF_8);

      assertThat(handler.handle(payload).available()).isEqualTo(4);
    }
  }

  @Nested
  class Rejecting {

    @Test
    void aPayloadThatIsNotJsonNamesThePayload() {
      assertThatThrownBy(() -> handler.handle("not json".getBytes(UTF_8)))
          .isInstanceOf(MalformedEventException.class)
          .hasMessage("StockChanged payload is not valid JSON: not json");
      assertThat(index.size()).isZero();
    }

    @Test
    void aPayloadWithoutAvailableIsRejected() {
      byte[] payload =
          """
          {"sku": "SKU-1001", "occurredAt": "2026-11-28T23:00:00Z"}"""
              .getBytes(UTF_8);

      assertThatThrownBy(() -> handler.handle(payload))
          .isInstanceOf(MalformedEventException.class)
          .hasMessageContaining("lacks sku, available or occurredAt")
          .hasMessageContaining("SKU-1001");
      assertThat(index.size()).isZero();
    }

    @Test
    void anAvailableCountSentAsTextIsRejected() {
      byte[] payload =
          """
          {"sku": "SKU-1001", "available": "10", "occurredAt": "2026-11-28T23:00:00Z"}"""
              .getBytes(UTF_8);

      assertThatThrownBy(() -> handler.handle(payload))
          .isInstanceOf(MalformedEventException.class)
          .hasMessageContaining("SKU-1001");
      assertThat(index.size()).isZero();
    }

    @Test
    void aTimestampThatIsNotAnInstantIsRejected() {
      assertThatThrownBy(() -> handler.handle(event("SKU-1001", 3, "yesterday")))
          .isInstanceOf(MalformedEventException.class);
    }
  }
}
