package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.created;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import io.pactwire.consumer.Given;
import io.pactwire.consumer.PactwireWireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two providers, one server each; states from a scenario and from {@code @Given}. */
public class ScenarioAndTwoProvidersTestCase {

  @RegisterExtension
  static PactwireWireMockExtension inventory =
      PactwireWireMockExtension.newInstance()
          .consumer("checkout-service")
          .provider("inventory-service")
          .build();

  @RegisterExtension
  static PactwireWireMockExtension paypal =
      PactwireWireMockExtension.newInstance()
          .consumer("checkout-service")
          .provider("paypal-orders")
          .build();

  @Test
  void followsAScenario() {
    inventory.stubFor(
        get(urlPathEqualTo("/reservations/r-1"))
            .inScenario("reservation")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("{\"id\": \"r-1\", \"status\": \"HELD\"}"))
            .willSetStateTo("released"));
    inventory.stubFor(
        get(urlPathEqualTo("/reservations/r-1"))
            .inScenario("reservation")
            .whenScenarioStateIs("released")
            .willReturn(okJson("{\"id\": \"r-1\", \"status\": \"RELEASED\"}")));
    Http.get(inventory.baseUrl() + "/reservations/r-1");
    Http.get(inventory.baseUrl() + "/reservations/r-1");
  }

  @Test
  @Given(
      value = "an order can be created",
      params = {"currency=EUR"})
  void createsAnOrder() {
    paypal.stubFor(
        post(urlPathEqualTo("/v2/checkout/orders"))
            .withName("create an order")
            .willReturn(
                created()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\": \"O-1\"}")));
    Http.post(
        paypal.baseUrl() + "/v2/checkout/orders",
        "{\"intent\": \"CAPTURE\"}",
        "Content-Type",
        "application/json");
  }
}
