package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.pactwire.consumer.PactwireRuntimeInfo;
import io.pactwire.consumer.PactwireWireMockTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A client that fails on a status it does not expect, as most do: the request no stub matches is
 * answered 404, and the client throws before the test ends.
 */
@PactwireWireMockTest(consumer = "checkout-service", provider = "inventory-service")
public class ClientFailsOnUnmatchedTestCase {

  /** What a typical client does with a response it did not expect. */
  static String product(String baseUrl, String sku) {
    HttpResponse<String> response = Http.get(baseUrl + "/prodcuts/" + sku);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("inventory-service answered " + response.statusCode());
    }
    return response.body();
  }

  @Test
  void readsAProductFromAMistypedPath(PactwireRuntimeInfo wm) {
    stubFor(
        get(urlPathEqualTo("/products/SKU-1001"))
            .withName("a product")
            .willReturn(okJson("{\"sku\": \"SKU-1001\"}")));

    product(wm.getHttpBaseUrl(), "SKU-1001");
  }

  @Test
  void failsForItsOwnReason() {
    throw new IllegalStateException("a failure of the test's own");
  }
}
