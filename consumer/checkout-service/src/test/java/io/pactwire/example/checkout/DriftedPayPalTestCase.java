package io.pactwire.example.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.PactwireWireMockExtension;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A consumer whose PayPal stubs have drifted from PayPal's API: {@code id} served as a number, and
 * a capture answered 202, a status the Orders v2 spec does not define for it. Both tests pass, so
 * both interactions are captured into {@link PayPalDriftTests#pactsDir}; run by {@link
 * PayPalDriftTests} through the JUnit engine, never by the build directly.
 */
class DriftedPayPalTestCase {

  @RegisterExtension
  static WireMockExtension oauth =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().usingFilesUnderClasspath("paypal"))
          .build();

  @RegisterExtension
  static PactwireWireMockExtension payPal =
      PactwireWireMockExtension.newInstance()
          .consumer(PayPalStubs.CONSUMER)
          .provider("paypal-orders")
          .pactsDir(PayPalDriftTests.pactsDir)
          .build();

  private final PayPalOrdersClient client =
      PayPalStubs.client(payPal, new MutableClock(PayPalStubs.START));

  @BeforeEach
  void tokensComeFromPayPalsOAuthApi() {
    payPal.stubFor(PayPalStubs.tokensFrom(oauth));
  }

  @Test
  void createsAnOrderWhoseIdIsANumber() {
    payPal.stubFor(
        post(urlEqualTo("/v2/checkout/orders"))
            .withHeader("Authorization", matching("Bearer .+"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withMetadata(
                PactStub.interaction("a request to create an order")
                    .given("the merchant account accepts orders")
                    .exact("$.status")
                    .metadata())
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"id": 5190127, "status": "CREATED"}
                        """)));

    PayPalOrder order =
        client.createOrder(
            new NewOrder("SKU-1001", "res-1", Money.of("EUR", new BigDecimal("49.8"))),
            "checkout-create-res-1");

    assertThat(order.id()).isEqualTo("5190127");
  }

  @Test
  void aCaptureAnswered202IsAFailure() {
    payPal.stubFor(
        post(urlEqualTo("/v2/checkout/orders/5O190127TN364715T/capture"))
            .withHeader("Authorization", matching("Bearer .+"))
            .withMetadata(
                PactStub.interaction("a request to capture an order")
                    .given("order 5O190127TN364715T is approved by the payer")
                    .metadata())
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"id": "5O190127TN364715T"}
                        """)));

    PayPalException failure =
        catchThrowableOfType(
            PayPalException.class,
            () -> client.captureOrder("5O190127TN364715T", "checkout-capture-res-1"));

    assertThat(failure.status()).isEqualTo(202);
  }
}
