package io.pactwire.example.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.pactwire.openapi.Finding;
import io.pactwire.openapi.OpenApiCheck;
import io.pactwire.testsupport.EngineRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Drift shows: stubs that no longer match PayPal's API are captured as they are, and the spec check
 * names each difference, in the pact and in the spec.
 */
class PayPalDriftTests {

  /** Where {@link DriftedPayPalTestCase} writes its pact; never the repository's pacts/. */
  @TempDir static Path pactsDir;

  private static Path pact;
  private static OpenApiCheck payPal;

  @BeforeAll
  static void captureTheDriftedStubs() {
    payPal = OpenApiCheck.of(PayPalSpec.ordersV2());
    EngineRuns.run(DriftedPayPalTestCase.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    pact = pactsDir.resolve("checkout-service-paypal-orders.json");
  }

  @Test
  void anIdServedAsANumberIsAnErrorAtItsPath() {
    List<Finding> findings = payPal.check(pact);

    assertThat(findings)
        .filteredOn(
            f -> f.mockDetails().interactionDescription().equals("a request to create an order"))
        .extracting(
            Finding::code,
            Finding::type,
            f -> f.mockDetails().location(),
            f -> f.specDetails().location(),
            Finding::message)
        .containsExactly(
            tuple(
                "response.body.incompatible",
                Finding.Type.ERROR,
                "[root].interactions[1].response.body.id",
                "[root].paths./v2/checkout/orders.post.responses.201.content.application/json"
                    + ".schema.components.schemas.order.properties.id.type",
                "Response body is incompatible with the response body schema in the spec file:"
                    + " must be string"));
  }

  @Test
  void aStatusTheOperationDoesNotDefineFallsToPayPalsErrorDefault() {
    List<Finding> findings = payPal.check(pact);

    // 202 is not among capture's responses (200, 201, 400, 401, 403, 404, 422, 500): PayPal's
    // `default` takes it, which is a warning, and `default` describes an error body, which the
    // drifted stub's order body is not.
    assertThat(findings)
        .filteredOn(
            f -> f.mockDetails().interactionDescription().equals("a request to capture an order"))
        .extracting(Finding::code, Finding::type, f -> f.mockDetails().location())
        .containsExactly(
            tuple(
                "response.status.default",
                Finding.Type.WARNING,
                "[root].interactions[0].response.status"),
            tuple(
                "response.body.incompatible",
                Finding.Type.ERROR,
                "[root].interactions[0].response.body"));
    Finding status =
        findings.stream()
            .filter(f -> f.code().equals("response.status.default"))
            .findFirst()
            .orElseThrow();
    assertThat(status.message())
        .isEqualTo("Response status code matched default response in spec file: 202");
    assertThat(status.specDetails().location())
        .isEqualTo("[root].paths./v2/checkout/orders/{id}/capture.post.responses");
    assertThat(status.mockDetails().interactionState())
        .isEqualTo("order 5O190127TN364715T is approved by the payer");
  }

  @Test
  void assertConformsFailsNamingThePactTheInteractionsAndTheErrorCount() {
    AssertionFailedError failure =
        catchThrowableOfType(AssertionFailedError.class, () -> payPal.assertConforms(pact));

    assertThat(failure)
        .hasMessageStartingWith("Expecting pact " + pact + " to conform to ")
        .hasMessageContaining("checkout_orders_v2.json but found 2 errors:")
        .hasMessageContaining("error  response.body.incompatible")
        .hasMessageContaining("must be string")
        .hasMessageContaining(
            "pact: [root].interactions[1].response.body.id  (\"a request to create an order\""
                + " given \"the merchant account accepts orders\")");
    assertThat(failure.getExpected().getValue()).isEqualTo("no errors");
  }
}
