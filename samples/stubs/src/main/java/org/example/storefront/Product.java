package org.example.storefront;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A product as the storefront shows it. */
public record Product(String sku, String name, BigDecimal price, OffsetDateTime updatedAt) {}
