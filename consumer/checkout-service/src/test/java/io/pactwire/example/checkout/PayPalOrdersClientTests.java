package io.pactwire.example.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.consumer.PactwireWireMockExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PayPal client against WireMock stand-ins that capture the contract: the Orders v2 calls into
 * {@code pacts/checkout-service-paypal-orders.json} (one interaction per stub under {@code
 * paypal/mappings} with a {@code metadata.pact} description), the token call into {@code
 * pacts/checkout-service-paypal-oauth.json}. {@code PayPalOrdersContractIT} checks the Orders pact
 * against PayPal's published spec once these tests have written it.
 */
class PayPalOrdersClientTests {

  private static final String ACCESS_TOKEN =
      "A21AAFEpH4PsADK7qSS7pSRsgzfENtu-Q1ysgEDVDESseMHBYXVJYE8ovjj68elIDy8nF26AwPhfXTIeWAZHSLIsQkSYz9ifg";
  private static final String ORDER_ID = "5O190127TN364715T";

  @RegisterExtension
  static PactwireWireMockExtension payPalOAuth = PayPalStubs.capturingPayPalOAuth();

  @RegisterExtension static PactwireWireMockExtension payPal = PayPalStubs.capturingPayPalOrders();

  private final MutableClock clock = new MutableClock(PayPalStubs.START);
  private final PayPalOrdersClient client = PayPalStubs.client(payPal, clock);

  @BeforeEach
  void tokensComeFromPayPalsOAuthApi() {
    payPal.stubFor(PayPalStubs.tokensFrom(payPalOAuth));
  }

  @Nested
  class CreatingAnOrder {

    @Test
    void returnsTheCreatedOrderWithItsApprovalLink() {
      PayPalOrder order =
          client.createOrder(
              new NewOrder("SKU-1001", "res-1", Money.of("EUR", new BigDecimal("49.8"))),
              "checkout-create-res-1");

      assertThat(order.id()).isEqualTo(ORDER_ID);
      assertThat(order.status()).isEqualTo(PayPalOrder.Status.CREATED);
      assertThat(order.link("approve"))
          .contains(
              new PayPalLink(
                  "https://www.sandbox.paypal.com/checkoutnow?token=" + ORDER_ID,
                  "approve",
                  "GET"));
    }

    @Test
    void anOrderForAPayerWhoseCardWillDeclineIsCreatedAllTheSame() {
      PayPalOrder order =
          client.createOrder(
              new NewOrder("SKU-1002", "res-2", Money.of("EUR", new BigDecimal("3.5"))),
              "checkout-create-res-2");

      assertThat(order.id()).isEqualTo("8JX21459L0329814U");
      assertThat(order.status()).isEqualTo(PayPalOrder.Status.CREATED);
    }

    @Test
    void sendsIntentPurchaseUnitAndIdempotencyKeyWithTheBearerToken() {
      client.createOrder(
          new NewOrder("SKU-1001", "res-1", Money.of("EUR", new BigDecimal("49.8"))),
          "checkout-create-res-1");

      payPal.verify(
          postRequestedFor(urlEqualTo("/v2/checkout/orders"))
              .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
              .withHeader("PayPal-Request-Id", equalTo("checkout-create-res-1"))
              .withRequestBody(
                  equalToJson(
                      """
                      {
                        "intent": "CAPTURE",
                        "purchase_units": [
                          {
                            "reference_id": "SKU-1001",
                            "custom_id": "res-1",
                            "amount": { "currency_code": "EUR", "value": "49.80" }
                          }
                        ]
                      }
                      """)));
    }
  }

  @Nested
  class CapturingAnOrder {

    @Test
    void returnsTheCompletedOrderWithItsCapture() {
      PayPalOrder order = client.captureOrder(ORDER_ID, "checkout-capture-res-1");

      assertThat(order.status()).isEqualTo(PayPalOrder.Status.COMPLETED);
      assertThat(order.captures())
          .containsExactly(
              new PayPalOrder.Capture(
                  "3C679366HH908993F",
                  PayPalOrder.CaptureStatus.COMPLETED,
                  new Money("EUR", "49.80")));
    }

    @Test
    void sendsTheIdempotencyKey() {
      client.captureOrder(ORDER_ID, "checkout-capture-res-1");

      payPal.verify(
          postRequestedFor(urlEqualTo("/v2/checkout/orders/" + ORDER_ID + "/capture"))
              .withHeader("PayPal-Request-Id", equalTo("checkout-capture-res-1"))
              .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void aDeclinedCardIsA422WithPayPalsErrorBody() {
      PayPalException failure =
          catchThrowableOfType(
              PayPalException.class,
              () -> client.captureOrder("8JX21459L0329814U", "checkout-capture-res-2"));

      assertThat(failure.status()).isEqualTo(422);
      assertThat(failure.error().name()).isEqualTo("UNPROCESSABLE_ENTITY");
      assertThat(failure.error().issue()).contains("INSTRUMENT_DECLINED");
      assertThat(failure.error().debugId()).isEqualTo("c9b5d4e0b3f2a");
      assertThat(failure)
          .hasMessage(
              "POST /v2/checkout/orders/8JX21459L0329814U/capture answered 422"
                  + " UNPROCESSABLE_ENTITY: INSTRUMENT_DECLINED (debug_id c9b5d4e0b3f2a)");
    }
  }

  @Nested
  class GettingAnOrder {

    @Test
    void returnsTheApprovedOrderWithItsPurchaseUnit() {
      PayPalOrder order = client.getOrder(ORDER_ID);

      assertThat(order.status()).isEqualTo(PayPalOrder.Status.APPROVED);
      assertThat(order.purchaseUnits())
          .containsExactly(
              new PayPalOrder.PurchaseUnit(
                  "SKU-1001",
                  "3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c",
                  new Money("EUR", "49.80"),
                  null));
      assertThat(order.captures()).isEmpty();
    }

    @Test
    void sendsNoIdempotencyKeyAndNoBody() {
      client.getOrder(ORDER_ID);

      payPal.verify(
          getRequestedFor(urlEqualTo("/v2/checkout/orders/" + ORDER_ID))
              .withoutHeader("PayPal-Request-Id")
              .withoutHeader("Content-Type"));
    }
  }

  @Nested
  class Tokens {

    @Test
    void areRequestedWithTheClientCredentialsAsBasicAuth() {
      client.getOrder(ORDER_ID);

      String basic =
          Base64.getEncoder()
              .encodeToString("AXcheckoutClientId:EKcheckoutClientSecret".getBytes());
      payPal.verify(
          1,
          postRequestedFor(urlEqualTo("/v1/oauth2/token"))
              .withHeader("Authorization", equalTo("Basic " + basic))
              .withRequestBody(equalTo("grant_type=client_credentials")));
    }

    @Test
    void areReusedUntilShortlyBeforeTheyExpire() {
      client.getOrder(ORDER_ID);
      // expires_in is 32400 s; one second before the renewal margin the token is still good
      clock.advance(
          Duration.ofSeconds(32400).minus(PayPalOrdersClient.EXPIRY_MARGIN).minusSeconds(1));
      client.getOrder(ORDER_ID);

      payPal.verify(1, postRequestedFor(urlEqualTo("/v1/oauth2/token")));
      payPal.verify(2, getRequestedFor(urlEqualTo("/v2/checkout/orders/" + ORDER_ID)));
    }

    @Test
    void areRenewedOnceTheyAreAboutToExpire() {
      client.getOrder(ORDER_ID);
      clock.advance(Duration.ofSeconds(32400).minus(PayPalOrdersClient.EXPIRY_MARGIN));
      client.getOrder(ORDER_ID);

      payPal.verify(2, postRequestedFor(urlEqualTo("/v1/oauth2/token")));
    }

    @Test
    void areRenewedAndTheCallRepeatedOnceWhenPayPalRejectsThem() {
      PayPalOrder order = client.getOrder("2GG279541U471931P");

      assertThat(order.status()).isEqualTo(PayPalOrder.Status.CREATED);
      payPal.verify(2, postRequestedFor(urlEqualTo("/v1/oauth2/token")));
      payPal.verify(2, getRequestedFor(urlEqualTo("/v2/checkout/orders/2GG279541U471931P")));
    }
  }

  @Nested
  class MappingFiles {

    @Test
    void eachNamesThePactInteractionItWillBecome() throws IOException, URISyntaxException {
      Path mappings = Path.of(getClass().getResource("/paypal/mappings").toURI());
      List<String> missing = new ArrayList<>();
      int count = 0;
      try (DirectoryStream<Path> files = Files.newDirectoryStream(mappings, "*.json")) {
        for (Path file : files) {
          count++;
          JsonNode pact = Json.MAPPER.readTree(file.toFile()).path("metadata").path("pact");
          if (!pact.path("description").isTextual() || !pact.path("providerState").isTextual()) {
            missing.add(file.getFileName().toString());
          }
        }
      }

      assertThat(count).isGreaterThanOrEqualTo(6);
      assertThat(missing).as("mappings without metadata.pact description/providerState").isEmpty();
    }

    @Test
    void carryNoCredentials() throws IOException, URISyntaxException {
      Path mappings = Path.of(getClass().getResource("/paypal/mappings").toURI());
      try (DirectoryStream<Path> files = Files.newDirectoryStream(mappings, "*.json")) {
        for (Path file : files) {
          String text = Files.readString(file);
          assertThat(text)
              .as(file.getFileName().toString())
              .doesNotContain(PayPalStubs.CREDENTIALS.clientSecret())
              .doesNotContain(
                  Base64.getEncoder()
                      .encodeToString(
                          (PayPalStubs.CREDENTIALS.clientId()
                                  + ":"
                                  + PayPalStubs.CREDENTIALS.clientSecret())
                              .getBytes()));
        }
      }
    }
  }
}
