package io.pactwire.example.inventory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps published messages in memory, in order, for tests and for running without Kafka.
 *
 * @since 0.1.0
 */
public final class InMemoryStockEventPublisher implements StockEventPublisher {

  private final List<StockEvents.Message> messages = new CopyOnWriteArrayList<>();

  @Override
  public void publish(StockEvents.Message message) {
    messages.add(message);
  }

  /** Returns the messages published so far, oldest first. */
  public List<StockEvents.Message> messages() {
    return List.copyOf(messages);
  }

  /** Returns the events published so far, oldest first. */
  public List<StockChanged> events() {
    return messages.stream().map(StockEvents::fromMessage).toList();
  }

  /** Forgets every message published so far. */
  public void clear() {
    messages.clear();
  }
}
