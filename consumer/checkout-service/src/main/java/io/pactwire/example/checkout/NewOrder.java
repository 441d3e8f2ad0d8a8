package io.pactwire.example.checkout;

import java.util.Objects;

/**
 * What checkout asks PayPal to collect: one purchase unit with the merchant's {@code referenceId}
 * (the sku), a {@code customId} for reconciliation (the reservation id) and the amount.
 */
public record NewOrder(String referenceId, String customId, Money amount) {

  public NewOrder {
    Objects.requireNonNull(referenceId, "referenceId");
    Objects.requireNonNull(amount, "amount");
  }
}
