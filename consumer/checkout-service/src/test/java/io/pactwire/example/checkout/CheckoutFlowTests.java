package io.pactwire.example.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The checkout flow against WireMock stand-ins for inventory-service and PayPal. */
class CheckoutFlowTests {

  private static final UUID RESERVATION_1001 =
      UUID.fromString("3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c");
  private static final UUID RESERVATION_1002 =
      UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

  @RegisterExtension static WireMockExtension inventory = PayPalStubs.inventory();
  @RegisterExtension static WireMockExtension payPal = PayPalStubs.payPal();

  private final CheckoutFlow flow =
      new CheckoutFlow(
          TestClients.inventory(inventory.baseUrl()),
          PayPalStubs.client(payPal, new MutableClock(PayPalStubs.START)),
          "EUR");

  @Test
  void aPaidCheckoutKeepsTheReservationAndChargesPriceTimesQuantity() {
    CheckoutOutcome outcome = flow.checkout("SKU-1001", 2);

    assertThat(outcome)
        .isEqualTo(
            new CheckoutOutcome.Paid(
                new Reservation(
                    RESERVATION_1001,
                    "SKU-1001",
                    2,
                    Instant.parse("2026-11-28T23:15:00Z"),
                    URI.create(inventory.baseUrl() + "/reservations/" + RESERVATION_1001)),
                "5O190127TN364715T",
                "3C679366HH908993F",
                new Money("EUR", "49.80")));
    payPal.verify(
        postRequestedFor(urlEqualTo("/v2/checkout/orders"))
            .withHeader("PayPal-Request-Id", equalTo("checkout-create-" + RESERVATION_1001)));
    payPal.verify(
        postRequestedFor(urlEqualTo("/v2/checkout/orders/5O190127TN364715T/capture"))
            .withHeader("PayPal-Request-Id", equalTo("checkout-capture-" + RESERVATION_1001)));
    inventory.verify(0, deleteRequestedFor(urlPathMatching("/reservations/.*")));
  }

  @Test
  void aDeclinedPaymentReleasesTheReservation() {
    CheckoutOutcome outcome = flow.checkout("SKU-1002", 1);

    assertThat(outcome).isInstanceOf(CheckoutOutcome.PaymentFailed.class);
    var failed = (CheckoutOutcome.PaymentFailed) outcome;
    assertThat(failed.reservation().id()).isEqualTo(RESERVATION_1002);
    assertThat(failed.stockReleased()).isTrue();
    assertThat(failed.reason()).contains("422 UNPROCESSABLE_ENTITY: INSTRUMENT_DECLINED");
    inventory.verify(1, deleteRequestedFor(urlEqualTo("/reservations/" + RESERVATION_1002)));
  }

  @Test
  void aCompletedOrderWhoseCaptureWasDeclinedReleasesTheReservation() {
    // PayPal completes the order but declines the capture itself: only the capture status says so.
    payPal.stubFor(
        post("/v2/checkout/orders/5O190127TN364715T/capture")
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {
                          "id": "5O190127TN364715T",
                          "status": "COMPLETED",
                          "purchase_units": [{
                            "reference_id": "SKU-1001",
                            "payments": {"captures": [{
                              "id": "3C679366HH908993F",
                              "status": "DECLINED",
                              "amount": {"currency_code": "EUR", "value": "49.80"}
                            }]}
                          }]
                        }
                        """)));

    CheckoutOutcome outcome = flow.checkout("SKU-1001", 2);

    assertThat(outcome)
        .isEqualTo(
            new CheckoutOutcome.PaymentFailed(
                new Reservation(
                    RESERVATION_1001,
                    "SKU-1001",
                    2,
                    Instant.parse("2026-11-28T23:15:00Z"),
                    URI.create(inventory.baseUrl() + "/reservations/" + RESERVATION_1001)),
                "order 5O190127TN364715T is COMPLETED, capture 3C679366HH908993F is DECLINED",
                true));
    inventory.verify(1, deleteRequestedFor(urlEqualTo("/reservations/" + RESERVATION_1001)));
  }

  @Test
  void aPaymentFailureIsReportedEvenWhenTheReleaseFails() {
    inventory.stubFor(
        delete("/reservations/" + RESERVATION_1002)
            .atPriority(1)
            .willReturn(aResponse().withStatus(503)));

    CheckoutOutcome outcome = flow.checkout("SKU-1002", 1);

    var failed = (CheckoutOutcome.PaymentFailed) outcome;
    assertThat(failed.stockReleased()).isFalse();
    assertThat(failed.reason())
        .contains("INSTRUMENT_DECLINED")
        .endsWith(
            "releasing reservation "
                + RESERVATION_1002
                + " failed: DELETE /reservations/"
                + RESERVATION_1002
                + " answered 503");
  }

  @Test
  void stockThatIsShortIsNeitherReservedNorCharged() {
    CheckoutOutcome outcome = flow.checkout("SKU-1002", 5);

    assertThat(outcome).isInstanceOf(CheckoutOutcome.OutOfStock.class);
    assertThat(((CheckoutOutcome.OutOfStock) outcome).refusal().problem().title())
        .isEqualTo("Insufficient stock");
    payPal.verify(0, postRequestedFor(urlPathMatching("/v2/.*")));
  }

  @Test
  void anUnknownProductEndsTheCheckoutBeforeAnyReservation() {
    assertThat(flow.checkout("SKU-0000", 1))
        .isEqualTo(new CheckoutOutcome.UnknownProduct("SKU-0000"));
    inventory.verify(0, postRequestedFor(urlEqualTo("/reservations")));
  }
}
