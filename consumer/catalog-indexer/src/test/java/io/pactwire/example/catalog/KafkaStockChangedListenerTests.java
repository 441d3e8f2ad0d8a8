package io.pactwire.example.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaStockChangedListenerTests {

  @Test
  void aListenerClosedBeforeItRanCannotBeStartedAfterwards() throws InterruptedException {
    // No broker is contacted: the consumer connects on its first poll, which never happens.
    var listener =
        new KafkaStockChangedListener(
            "localhost:9", "catalog-indexer", new StockChangedHandler(new CatalogIndex()), r -> {});

    listener.close();

    assertThatThrownBy(listener::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("listener already ran or was closed");
  }
}
