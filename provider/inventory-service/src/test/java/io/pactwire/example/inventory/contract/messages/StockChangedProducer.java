package io.pactwire.example.inventory.contract.messages;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import io.pactwire.example.inventory.ContractMessages;
import io.pactwire.example.inventory.InMemoryStockEventPublisher;
import io.pactwire.example.inventory.StockEvents;
import java.util.List;

/**
 * What inventory-service's real publishing code sent for catalog-indexer's message interactions. In
 * a package of its own so that {@code MessageTestTarget} scans only this package for {@code
 * PactVerifyProvider} methods (pact-jvm instantiates this class itself, hence the static {@link
 * #capture}).
 */
public class StockChangedProducer {

  private static volatile InMemoryStockEventPublisher published;

  /** The publisher of the service under verification; set before verifying. */
  public static void capture(InMemoryStockEventPublisher events) {
    published = events;
  }

  /**
   * The one StockChanged the state's reservation published, as the Kafka record it would be ({@link
   * ContractMessages}, as the service's {@code POST /_pact/messages} produces it too).
   */
  @PactVerifyProvider(ContractMessages.STOCK_CHANGED)
  public MessageAndMetadata stockChanged() {
    if (published == null) {
      throw new IllegalStateException(
          "StockChangedProducer.capture(events) was not called before verifying");
    }
    List<StockEvents.Message> sent = published.messages();
    if (sent.size() != 1) {
      throw new IllegalStateException(
          "expected the state 'a product's stock changes' to publish one StockChanged, it"
              + " published "
              + sent.size()
              + ": "
              + sent.stream().map(StockEvents.Message::valueAsString).toList());
    }
    return ContractMessages.of(sent.get(0)).toPact();
  }
}
