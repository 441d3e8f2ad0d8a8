package io.pactwire.example.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pactwire.consumer.PactwireWireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;

/** The WireMock servers of the tests, loaded from the mapping files under src/test/resources. */
final class PayPalStubs {

  static final PayPalCredentials CREDENTIALS =
      new PayPalCredentials("AXcheckoutClientId", "EKcheckoutClientSecret");
  static final String CONSUMER = "checkout-service";
  static final Instant START = Instant.parse("2026-11-28T22:45:00Z");

  private PayPalStubs() {}

  /** A PayPal stand-in serving {@code paypal/mappings/*.json}. */
  static WireMockExtension payPal() {
    return server("paypal");
  }

  /** An inventory-service stand-in serving {@code inventory/mappings/*.json}. */
  static WireMockExtension inventory() {
    return server("inventory");
  }

  /**
   * A PayPal stand-in serving {@code paypal/mappings/*.json} that captures what the Orders v2 calls
   * exchange into {@code pacts/checkout-service-paypal-orders.json}. Register {@link
   * #tokensFrom(WireMockExtension)} on it so that the token call, which is not part of the Orders
   * API, goes to {@link #capturingPayPalOAuth()} instead.
   */
  static PactwireWireMockExtension capturingPayPalOrders() {
    return PactwireWireMockExtension.newInstance()
        .consumer(CONSUMER)
        .provider("paypal-orders")
        .options(wireMockConfig().dynamicPort().usingFilesUnderClasspath("paypal"))
        .build();
  }

  /**
   * PayPal's OAuth 2 token endpoint, captured into {@code
   * pacts/checkout-service-paypal-oauth.json}; the Basic credentials are redacted as every {@code
   * Authorization} header is, the issued {@code access_token} as a secret path.
   */
  static PactwireWireMockExtension capturingPayPalOAuth() {
    return PactwireWireMockExtension.newInstance()
        .consumer(CONSUMER)
        .provider("paypal-oauth")
        .secretPaths("$.access_token")
        .options(wireMockConfig().dynamicPort().usingFilesUnderClasspath("paypal"))
        .build();
  }

  /**
   * Forwards {@code POST /v1/oauth2/token} to the OAuth stand-in. The client talks to one PayPal
   * host, but the token call belongs to PayPal's OAuth API, not to the Orders v2 contract (nor to
   * its spec): Pactwire leaves a proxied stub out of the pact, and the OAuth server records the
   * call in its own.
   */
  static MappingBuilder tokensFrom(WireMockExtension oauth) {
    return post(urlEqualTo("/v1/oauth2/token"))
        .atPriority(1)
        .willReturn(aResponse().proxiedFrom(oauth.baseUrl()));
  }

  private static WireMockExtension server(String root) {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().usingFilesUnderClasspath(root))
        .build();
  }

  static PayPalOrdersClient client(WireMockExtension server, MutableClock clock) {
    return new PayPalOrdersClient(
        URI.create(server.baseUrl()),
        CREDENTIALS,
        HttpClient.newHttpClient(),
        clock,
        TestClients.TIMEOUT);
  }
}
