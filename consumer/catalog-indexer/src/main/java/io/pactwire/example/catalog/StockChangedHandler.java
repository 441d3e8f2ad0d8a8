package io.pactwire.example.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns a StockChanged event's JSON bytes into an update of the {@link CatalogIndex}. Transport
 * free: the Kafka listener and the contract test both feed it raw payloads.
 */
public final class StockChangedHandler {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // The contract says available is an integer: "10" is a producer bug to surface, not
          // a number to guess at.
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private final CatalogIndex index;

  public StockChangedHandler(CatalogIndex index) {
    this.index = Objects.requireNonNull(index, "index");
  }

  /**
   * Parses and applies one event.
   *
   * @return the event as read
   * @throws MalformedEventException when the payload is not a complete StockChanged event
   */
  public StockChanged handle(byte[] payload) {
    StockChanged event = parse(payload);
    index.apply(event);
    return event;
  }

  static StockChanged parse(byte[] payload) {
    Body body;
    try {
      body = MAPPER.readValue(payload, Body.class);
    } catch (IOException e) {
      throw new MalformedEventException(
          "StockChanged payload is not valid JSON: " + preview(payload), e);
    }
    if (body == null || body.sku == null || body.available == null || body.occurredAt == null) {
      throw new MalformedEventException(
          "StockChanged payload lacks sku, available or occurredAt: " + preview(payload), null);
    }
    return new StockChanged(body.sku, body.available, body.occurredAt);
  }

  private static String preview(byte[] payload) {
    if (payload == null) {
      return "<null>";
    }
    String text = new String(payload, StandardCharsets.UTF_8);
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private record Body(String sku, Integer available, Instant occurredAt) {}
}
