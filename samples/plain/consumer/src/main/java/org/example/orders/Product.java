package org.example.orders;

/** A product as the order service reads it from the product service. */
public record Product(String sku, String name, String updatedAt) {}
