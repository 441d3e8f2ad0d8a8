package io.pactwire.example.catalog;

import java.time.Instant;

/** inventory-service's event: {@code available} units of {@code sku} as of {@code occurredAt}. */
public record StockChanged(String sku, int available, Instant occurredAt) {}
