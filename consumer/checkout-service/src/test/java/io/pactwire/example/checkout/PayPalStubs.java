package io.pactwire.example.checkout;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;

/** The WireMock servers of the tests, loaded from the mapping files under src/test/resources. */
final class PayPalStubs {

  static final PayPalCredentials CREDENTIALS =
      new PayPalCredentials("AXcheckoutClientId", "EKcheckoutClientSecret");
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
