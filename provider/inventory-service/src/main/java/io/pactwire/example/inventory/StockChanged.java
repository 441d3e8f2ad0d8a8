package io.pactwire.example.inventory;

import java.time.Instant;

/**
 * Published whenever a product's available stock changes.
 *
 * @param sku the product whose stock changed
 * @param available how many are available after the change
 * @param occurredAt when the change was committed
 * @since 0.1.0
 */
public record StockChanged(String sku, int available, Instant occurredAt) {}
