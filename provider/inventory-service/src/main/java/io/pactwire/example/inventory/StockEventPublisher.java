package io.pactwire.example.inventory;

/**
 * The port through which the service announces stock changes; Kafka in production, memory in tests.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface StockEventPublisher {

  /** Publishes one message built by {@link StockEvents#toMessage(StockChanged)}. */
  void publish(StockEvents.Message message);
}
