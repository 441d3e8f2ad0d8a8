package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.PactwireRuntimeInfo;
import io.pactwire.consumer.PactwireWireMockTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prices with trailing zeros in a provider state, the request sent and the response served. */
@PactwireWireMockTest(consumer = "checkout-service", provider = "pricing-service")
public class DecimalsTestCase {

  @Test
  void quotesAnOrder(PactwireRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo("/quotes"))
            .withRequestBody(equalToJson("{\"sku\": \"SKU-1001\", \"budget\": 50.00}"))
            .withMetadata(
                PactStub.interaction("a quote for a product")
                    .given("a product costs", Map.of("price", new BigDecimal("24.90")))
                    .metadata())
            .willReturn(okJson("{\"price\": 24.90, \"total\": 49.80, \"rate\": 1.0}")));

    var response =
        Http.post(
            wm.getHttpBaseUrl() + "/quotes",
            "{\"sku\": \"SKU-1001\", \"budget\": 50.00}",
            "Content-Type",
            "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
  }
}
