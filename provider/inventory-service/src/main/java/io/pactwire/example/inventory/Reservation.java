package io.pactwire.example.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * Stock held for a checkout until {@code expiresAt}.
 *
 * @param id the reservation's id
 * @param sku the reserved product
 * @param quantity how many are held
 * @param expiresAt when the hold lapses
 * @since 0.1.0
 */
public record Reservation(UUID id, String sku, int quantity, Instant expiresAt) {}
