package org.example.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.PactwireRuntimeInfo;
import io.pactwire.consumer.PactwireWireMockTest;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order service's contract with the product service, captured from WireMock stubs. */
@PactwireWireMockTest(consumer = "order-service", provider = "product-service")
class ProductClientContractTests {

  @Test
  void aKnownSkuReadsAsAProduct(PactwireRuntimeInfo products) throws Exception {
    stubFor(
        get(urlPathTemplate("/products/{sku}"))
            .withHeader("Authorization", matching("Bearer .+"))
            .withMetadata(
                PactStub.interaction("a request for a product")
                    .given("a product exists", Map.of("sku", "SKU-1", "name", "Espresso beans"))
                    .metadata())
            .willReturn(
                okJson(
                    "{\"sku\": \"SKU-1\", \"name\": \"Espresso beans\","
                        + " \"updatedAt\": \"2026-12-06T10:15:30Z\"}")));

    assertEquals(
        Optional.of(new Product("SKU-1", "Espresso beans", "2026-12-06T10:15:30Z")),
        client(products).product("SKU-1"));
  }

  @Test
  void anUnknownSkuReadsAsEmpty(PactwireRuntimeInfo products) throws Exception {
    stubFor(
        get(urlPathTemplate("/products/{sku}"))
            .withHeader("Authorization", matching("Bearer .+"))
            .withMetadata(
                PactStub.interaction("a request for an unknown product")
                    .given("no product exists", Map.of("sku", "SKU-0"))
                    .metadata())
            .willReturn(notFound()));

    assertEquals(Optional.empty(), client(products).product("SKU-0"));
  }

  private static ProductClient client(PactwireRuntimeInfo products) {
    // The token a developer has locally; the pact keeps a placeholder, never the token.
    return new ProductClient(URI.create(products.getHttpBaseUrl()), "dev-token-not-for-pacts");
  }
}
