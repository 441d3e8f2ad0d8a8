package io.pactwire.example.checkout;

import io.pactwire.testsupport.Corpora;
import java.nio.file.Path;

/** PayPal's published Orders v2 spec in the shared corpora, which the build never copies. */
final class PayPalSpec {

  private PayPalSpec() {}

  /**
   * {@code openapi-third-party/paypal/openapi/checkout_orders_v2.json} in the shared corpora; the
   * calling test is skipped when it is absent (and fails in CI), see {@link Corpora}.
   */
  static Path ordersV2() {
    return Corpora.require(
        "openapi-third-party/paypal/openapi/checkout_orders_v2.json",
        "checkout-service's PayPal OpenAPI spec checks");
  }
}
