package io.pactwire.example.checkout;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * Stock held for a checkout until {@code expiresAt}; {@code location} is the reservation's own
 * resource, as the provider's {@code Location} header named it.
 */
public record Reservation(UUID id, String sku, int quantity, Instant expiresAt, URI location)
    implements ReservationOutcome {}
