package io.pactwire.example.checkout;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Checkout of one product: reserve stock, create a PayPal order for it, capture the payment, and
 * give the stock back when PayPal does not take the money.
 *
 * <p>The PayPal request ids derive from the reservation id, so a checkout repeated after a crash
 * between create and capture does not create or capture a second order.
 */
public final class CheckoutFlow {

  private final InventoryClient inventory;
  private final PayPalOrdersClient payPal;
  private final String currencyCode;

  public CheckoutFlow(InventoryClient inventory, PayPalOrdersClient payPal, String currencyCode) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.payPal = Objects.requireNonNull(payPal, "payPal");
    this.currencyCode = Objects.requireNonNull(currencyCode, "currencyCode");
  }

  /** Buys {@code quantity} units of {@code sku}. */
  public CheckoutOutcome checkout(String sku, int quantity) {
    Optional<Product> product = inventory.getProduct(sku);
    if (product.isEmpty()) {
      return new CheckoutOutcome.UnknownProduct(sku);
    }
    ReservationOutcome reserved = inventory.reserve(sku, quantity);
    if (reserved instanceof InsufficientStock refusal) {
      return new CheckoutOutcome.OutOfStock(refusal);
    }
    Reservation reservation = (Reservation) reserved;
    Money amount =
        Money.of(currencyCode, product.get().price().multiply(BigDecimal.valueOf(quantity)));
    String key = reservation.id().toString();
    try {
      PayPalOrder order =
          payPal.createOrder(new NewOrder(sku, key, amount), "checkout-create-" + key);
      PayPalOrder captured = payPal.captureOrder(order.id(), "checkout-capture-" + key);
      Optional<PayPalOrder.Capture> capture = captured.captures().stream().findFirst();
      if (captured.status() == PayPalOrder.Status.COMPLETED
          && capture.isPresent()
          && capture.get().status() != PayPalOrder.CaptureStatus.DECLINED
          && capture.get().status() != PayPalOrder.CaptureStatus.FAILED) {
        return new CheckoutOutcome.Paid(reservation, order.id(), capture.get().id(), amount);
      }
      return failed(
          reservation,
          "order "
              + order.id()
              + " is "
              + captured.status()
              + capture.map(c -> ", capture " + c.id() + " is " + c.status()).orElse(""));
    } catch (PayPalException e) {
      return failed(reservation, e.getMessage());
    }
  }

  private CheckoutOutcome failed(Reservation reservation, String reason) {
    try {
      boolean released = inventory.release(reservation.id());
      return new CheckoutOutcome.PaymentFailed(reservation, reason, released);
    } catch (InventoryException e) {
      // The payment failure is what the caller must hear about; the hold lapses at expiresAt.
      return new CheckoutOutcome.PaymentFailed(
          reservation,
          reason + "; releasing reservation " + reservation.id() + " failed: " + e.getMessage(),
          false);
    }
  }
}
