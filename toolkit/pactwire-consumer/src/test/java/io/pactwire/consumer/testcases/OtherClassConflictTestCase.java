package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;

import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.PactwireWireMockExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records {@link InventoryClientTestCase}'s first interaction again, from another class, with a
 * renamed field; the extension is an instance field, so it writes after each test.
 */
public class OtherClassConflictTestCase {

  @RegisterExtension
  PactwireWireMockExtension inventory =
      PactwireWireMockExtension.newInstance()
          .consumer("checkout-service")
          .provider("inventory-service")
          .build();

  @Test
  void expectsATitle() {
    inventory.stubFor(
        get(urlPathTemplate("/products/{sku}"))
            .withHeader("Accept", equalTo("application/json"))
            .withMetadata(
                PactStub.interaction("a request for a product")
                    .given("a product exists", Map.of("sku", "SKU-1001", "stock", 12))
                    .metadata())
            .willReturn(okJson("{\"sku\": \"SKU-1001\", \"title\": \"Espresso beans 1kg\"}")));
    Http.get(inventory.baseUrl() + "/products/SKU-1001", "Accept", "application/json");
  }
}
