package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.PactwireRuntimeInfo;
import io.pactwire.consumer.PactwireWireMockTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checkout service's inventory client, stubbed: the golden pact comes from this class. */
@PactwireWireMockTest(consumer = "checkout-service", provider = "inventory-service")
public class InventoryClientTestCase {

  @Test
  void readsAProduct(PactwireRuntimeInfo wm) {
    stubFor(
        get(urlPathTemplate("/products/{sku}"))
            .withHeader("Accept", equalTo("application/json"))
            .withMetadata(
                PactStub.interaction("a request for a product")
                    .given("a product exists", Map.of("sku", "SKU-1001", "stock", 12))
                    .exact("$.sku")
                    .metadata())
            .willReturn(
                okJson(
                    """
                    {"sku": "SKU-1001", "name": "Espresso beans 1kg", "price": 24.90,
                     "stock": 12, "tags": ["coffee", "beans"]}
                    """)));

    // Twice, and for another sku: still one interaction.
    for (String sku : new String[] {"SKU-1001", "SKU-1001", "SKU-2002"}) {
      var response =
          Http.get(wm.getHttpBaseUrl() + "/products/" + sku, "Accept", "application/json");
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void reservesStock(PactwireRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo("/reservations"))
            .withHeader("Content-Type", matching("application/json.*"))
            .withHeader("Authorization", matching("Bearer .+"))
            .withRequestBody(
                equalToJson(
                    """
                    {"sku": "SKU-1001", "quantity": "${json-unit.any-number}"}
                    """))
            .withMetadata(
                PactStub.interaction("a reservation within stock")
                    .given("a product exists", Map.of("sku", "SKU-1001", "stock", 12))
                    .regex("$.id", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                    .regex("Location", "/reservations/[0-9a-f-]{36}")
                    .metadata())
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Location", "/reservations/0b7e4c59-8a1e-4a53-9b54-3c1c2f0e8d11")
                    .withBody(
                        """
                        {"id": "0b7e4c59-8a1e-4a53-9b54-3c1c2f0e8d11", "sku": "SKU-1001",
                         "quantity": 2, "expiresAt": "2026-11-28T23:15:00Z"}
                        """)));

    var response =
        Http.post(
            wm.getHttpBaseUrl() + "/reservations",
            "{\"sku\": \"SKU-1001\", \"quantity\": 2}",
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer s3cr3t-t0ken-value");
    assertThat(response.statusCode()).isEqualTo(201);
  }
}
