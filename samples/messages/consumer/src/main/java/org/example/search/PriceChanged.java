package org.example.search;

import java.math.BigDecimal;
import java.time.Instant;

/** A product's new price, as the price service publishes it. */
public record PriceChanged(String sku, BigDecimal price, String currency, Instant changedAt) {}
