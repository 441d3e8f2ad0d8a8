package org.example.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the search index's prices up to date from the price service's events. */
public final class PriceChangedHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, PriceChanged> prices = new ConcurrentHashMap<>();

  /** Reads one event's payload and indexes the price it carries. */
  public PriceChanged handle(byte[] payload) {
    try {
      JsonNode event = JSON.readTree(payload);
      PriceChanged changed =
          new PriceChanged(
              event.required("sku").asText(),
              new BigDecimal(event.required("price").asText()).setScale(2, RoundingMode.HALF_UP),
              event.required("currency").asText(),
              Instant.parse(event.required("changedAt").asText()));
      prices.merge(
          changed.sku(),
          changed,
          (old, now) -> now.changedAt().isBefore(old.changedAt()) ? old : now);
      return changed;
    } catch (IOException e) {
      throw new UncheckedIOException("not a PriceChanged event", e);
    }
  }

  /** The latest price indexed for a product. */
  public Optional<PriceChanged> price(String sku) {
    return Optional.ofNullable(prices.get(sku));
  }
}
