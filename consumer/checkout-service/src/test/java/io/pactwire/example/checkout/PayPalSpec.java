package io.pactwire.example.checkout;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** PayPal's published Orders v2 spec in the shared corpora, which the build never copies. */
final class PayPalSpec {

  private PayPalSpec() {}

  /**
   * {@code openapi-third-party/paypal/openapi/checkout_orders_v2.json} under the {@code
   * pactwire.corporaDir} system property; the calling test is skipped when it is absent.
   */
  static Path ordersV2() {
    String corpora = System.getProperty("pactwire.corporaDir", "");
    assumeTrue(
        !corpora.isBlank(),
        "system property pactwire.corporaDir is not set: PayPal's Orders v2 spec cannot be found");
    Path spec =
        Path.of(corpora, "openapi-third-party", "paypal", "openapi", "checkout_orders_v2.json");
    assumeTrue(
        Files.isRegularFile(spec),
        spec + " is absent: PayPal's Orders v2 spec is needed to check the PayPal contract");
    return spec;
  }
}
