package io.pactwire.example.checkout;

/** Inventory refused a reservation ({@code 409}) because fewer units are available. */
public record InsufficientStock(String sku, int requested, Problem problem)
    implements ReservationOutcome {}
