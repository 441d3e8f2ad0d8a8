package io.pactwire.example.inventory;

import java.math.BigDecimal;

/**
 * A product and how many of it are in stock, as {@code GET /products/{sku}} returns it.
 *
 * @param sku the stock-keeping unit, the product's key
 * @param name the product's display name
 * @param price the unit price, two decimals
 * @param stock how many are available to reserve
 * @since 0.1.0
 */
public record Product(String sku, String name, BigDecimal price, int stock) {}
