package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.PactwireRuntimeInfo;
import io.pactwire.consumer.PactwireWireMockTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two tests record one description and state with different responses (a conflict); a third records
 * the first one's content again (no conflict); a fourth the second one's again (a conflict still).
 */
@PactwireWireMockTest(consumer = "checkout-service", provider = "conflict-service")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ConflictingTestCase {

  @Test
  @Order(1)
  void expectsAName(PactwireRuntimeInfo wm) {
    stub("{\"sku\": \"SKU-1001\", \"name\": \"Espresso beans 1kg\"}");
    Http.get(wm.getHttpBaseUrl() + "/products/SKU-1001");
  }

  @Test
  @Order(2)
  void expectsATitle(PactwireRuntimeInfo wm) {
    stub("{\"sku\": \"SKU-1001\", \"title\": \"Espresso beans 1kg\"}");
    Http.get(wm.getHttpBaseUrl() + "/products/SKU-1001");
  }

  @Test
  @Order(3)
  void expectsANameAgain(PactwireRuntimeInfo wm) {
    stub("{\"sku\": \"SKU-1001\", \"name\": \"Espresso beans 1kg\"}");
    Http.get(wm.getHttpBaseUrl() + "/products/SKU-1001");
  }

  @Test
  @Order(4)
  void wantsTheTitleOnceMore(PactwireRuntimeInfo wm) {
    stub("{\"sku\": \"SKU-1001\", \"title\": \"Espresso beans 1kg\"}");
    Http.get(wm.getHttpBaseUrl() + "/products/SKU-1001");
  }

  private static void stub(String body) {
    stubFor(
        get(urlPathEqualTo("/products/SKU-1001"))
            .withMetadata(
                PactStub.interaction("a request for a product")
                    .given("a product exists")
                    .metadata())
            .willReturn(okJson(body)));
  }
}
