package io.pactwire.example.catalog;

import java.time.Instant;

/** The stock part of a product's search document, as the catalog serves it to shoppers. */
public record SearchDocument(String sku, int available, boolean inStock, Instant updatedAt) {}
