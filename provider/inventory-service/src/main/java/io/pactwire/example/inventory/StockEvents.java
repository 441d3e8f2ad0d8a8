package io.pactwire.example.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The wire form of {@link StockChanged}: topic, key, headers and JSON value, the same for every
 * {@link StockEventPublisher}.
 *
 * @since 0.1.0
 */
public final class StockEvents {

  /** The Kafka topic stock changes are published to. */
  public static final String TOPIC = "inventory.stock-changed";

  /** The header that names the value's media type. */
  public static final String CONTENT_TYPE_HEADER = "contentType";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private StockEvents() {}

  /**
   * One message as it goes onto the topic.
   *
   * @param topic the topic
   * @param key the record key, the sku
   * @param headers the record headers
   * @param value the JSON value, UTF-8
   */
  public record Message(String topic, String key, Map<String, String> headers, byte[] value) {

    /** Copies the headers so that the message stays as built. */
    public Message {
      headers = Map.copyOf(headers);
      value = value.clone();
    }

    /** Returns the value. */
    @Override
    public byte[] value() {
      return value.clone();
    }

    /** Returns the value as text. */
    public String valueAsString() {
      return new String(value, StandardCharsets.UTF_8);
    }
  }

  /** Builds the message announcing {@code event}. */
  public static Message toMessage(StockChanged event) {
    try {
      return new Message(
          TOPIC,
          event.sku(),
          Map.of(CONTENT_TYPE_HEADER, "application/json"),
          JSON.writeValueAsBytes(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + event, e);
    }
  }

  /** Reads a message's value back into the event. */
  public static StockChanged fromMessage(Message message) {
    try {
      return JSON.readValue(message.value, StockChanged.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a StockChanged value: " + message.valueAsString(), e);
    }
  }
}
