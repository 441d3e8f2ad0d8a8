package io.pactwire.example.catalog;

import java.math.BigDecimal;

/** A product as inventory-service describes it: the name and price a search document shows. */
public record Product(String sku, String name, BigDecimal price, int stock) {}
