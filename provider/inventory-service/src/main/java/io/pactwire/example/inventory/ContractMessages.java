package io.pactwire.example.inventory;

import io.pactwire.provider.ProducedMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages inventory-service's message contracts describe, as a contract verification sees
 * them: each is what the service's own publishing code sent, read as the Kafka record it is (key,
 * headers, value). The JUnit message verification and the {@code POST /_pact/messages} endpoint of
 * {@link InventoryService.Builder#contractMessages()} both produce them here.
 *
 * @since 0.1.0
 */
public final class ContractMessages {

  /** The description of catalog-indexer's message interaction. */
  public static final String STOCK_CHANGED = "a StockChanged event";

  private ContractMessages() {}

  /** A published message as pact-jvm verifies it: payload and Kafka metadata. */
  public static ProducedMessage of(StockEvents.Message message) {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    message
        .headers()
        .forEach((name, value) -> headers.put(name, value.getBytes(StandardCharsets.UTF_8)));
    return ProducedMessage.kafka(message.key(), headers, message.value());
  }
}
