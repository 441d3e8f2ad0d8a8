package io.pactwire.example.checkout;

import java.math.BigDecimal;

/** A product as inventory-service describes it: its sku, name, unit price and units in stock. */
public record Product(String sku, String name, BigDecimal price, int stock) {}
