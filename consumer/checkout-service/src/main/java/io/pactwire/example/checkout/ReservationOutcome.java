package io.pactwire.example.checkout;

/** What {@link InventoryClient#reserve} returns: stock held, or not enough of it. */
public sealed interface ReservationOutcome permits Reservation, InsufficientStock {}
