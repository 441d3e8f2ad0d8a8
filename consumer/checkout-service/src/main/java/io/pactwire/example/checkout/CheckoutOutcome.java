package io.pactwire.example.checkout;

/** How a checkout ended; every case but {@link Paid} leaves no stock held. */
public sealed interface CheckoutOutcome {

  /** Stock reserved and payment captured. */
  record Paid(Reservation reservation, String orderId, String captureId, Money amount)
      implements CheckoutOutcome {}

  /** inventory does not know the sku. */
  record UnknownProduct(String sku) implements CheckoutOutcome {}

  /** inventory holds fewer units than asked for; nothing was reserved or charged. */
  record OutOfStock(InsufficientStock refusal) implements CheckoutOutcome {}

  /**
   * PayPal did not take the money and the reservation was released; {@code stockReleased} is false
   * when inventory no longer knew it (it had expired) or could not be reached, in which case the
   * hold lapses at its {@code expiresAt}.
   */
  record PaymentFailed(Reservation reservation, String reason, boolean stockReleased)
      implements CheckoutOutcome {}
}
