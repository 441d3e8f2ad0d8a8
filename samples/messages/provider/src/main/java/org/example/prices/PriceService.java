package org.example.prices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sets products' prices and publishes a PriceChanged event for each change. */
public final class PriceService {

  /** The topic PriceChanged events are published to. */
  public static final String TOPIC = "price-changed";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, BigDecimal> prices = new ConcurrentHashMap<>();
  private final Publisher publisher;
  private final Clock clock;
  private final String currency;

  public PriceService(Publisher publisher, Clock clock, String currency) {
    this.publisher = publisher;
    this.clock = clock;
    this.currency = currency;
  }

  /** Lists a product at a price, without publishing. */
  public void list(String sku, BigDecimal price) {
    prices.put(sku, price);
  }

  /** Reduces a listed product's price by a percentage and publishes the new price. */
  public BigDecimal discount(String sku, int percent) {
    BigDecimal old = prices.get(sku);
    if (old == null) {
      throw new IllegalArgumentException("no product " + sku);
    }
    BigDecimal now =
        old.multiply(BigDecimal.valueOf(100 - percent))
            .movePointLeft(2)
            .setScale(2, java.math.RoundingMode.HALF_UP);
    prices.put(sku, now);
    ObjectNode event = JSON.createObjectNode();
    event.put("sku", sku);
    event.put("price", now);
    event.put("currency", currency);
    event.put("changedAt", clock.instant().toString());
    publisher.send(
        TOPIC,
        sku,
        Map.of("contentType", "application/json".getBytes(StandardCharsets.UTF_8)),
        event.toString().getBytes(StandardCharsets.UTF_8));
    return now;
  }
}
