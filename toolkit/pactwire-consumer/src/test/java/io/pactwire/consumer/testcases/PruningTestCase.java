package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.PactwireRuntimeInfo;
import io.pactwire.consumer.PactwireWireMockTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three tests, one of them in a {@code @Nested} class, recording into one pact with a class-level
 * extension; two record a description that changes with {@link ExampleSwitches}'s variant, as a
 * test changed between two runs would.
 */
@PactwireWireMockTest(consumer = "checkout-service", provider = "pruning-service")
@ExtendWith(ExampleSwitches.class)
public class PruningTestCase {

  @Test
  void readsAProduct(PactwireRuntimeInfo wm) {
    stub("/products/1", "a request for a product", "{\"name\": \"Espresso beans 1kg\"}");
    Http.get(wm.getHttpBaseUrl() + "/products/1");
  }

  @Test
  void readsStock(PactwireRuntimeInfo wm, String variant) {
    stub("/stock/1", "a request for stock " + variant, "{\"stock\": 12}");
    Http.get(wm.getHttpBaseUrl() + "/stock/1");
  }

  @Nested
  class Orders {

    @Test
    void readOne(PactwireRuntimeInfo wm, String variant) {
      stub("/orders/1", "a request for an order " + variant, "{\"id\": 1}");
      Http.get(wm.getHttpBaseUrl() + "/orders/1");
    }
  }

  static void stub(String path, String description, String body) {
    stubFor(
        get(urlPathEqualTo(path))
            .withMetadata(PactStub.interaction(description).metadata())
            .willReturn(okJson(body)));
  }
}
