package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.pactwire.consumer.PactwireRuntimeInfo;
import io.pactwire.consumer.PactwireWireMockTest;
import org.junit.jupiter.api.Test;

/** One matched request (recorded) and one that no stub matches (fails the test). */
@PactwireWireMockTest(consumer = "checkout-service", provider = "unmatched-service")
public class UnmatchedRequestTestCase {

  @Test
  void callsAPathNoStubServes(PactwireRuntimeInfo wm) {
    stubFor(
        get(urlPathEqualTo("/products/SKU-1001")).willReturn(okJson("{\"sku\": \"SKU-1001\"}")));
    Http.get(wm.getHttpBaseUrl() + "/products/SKU-1001");
    Http.get(wm.getHttpBaseUrl() + "/prodcuts/SKU-1001");
  }

  @Test
  void callsOnlyStubbedPaths(PactwireRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo("/health")).willReturn(okJson("{\"status\": \"UP\"}")));
    Http.get(wm.getHttpBaseUrl() + "/health");
  }
}
