package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.PactwireRuntimeInfo;
import io.pactwire.consumer.PactwireWireMockTest;
import org.junit.jupiter.api.Test;

/**
 * A response whose strings are dates, times and ids (and some that only look like them), and values
 * the stub pins with {@link PactStub}'s matchers.
 */
@PactwireWireMockTest(consumer = "checkout-service", provider = "formats-service")
public class FormatsTestCase {

  /** The response body the stub serves. */
  public static final String BODY =
      """
      {"id": "3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c",
       "createdAt": "2026-12-06T10:15:30Z",
       "updatedAt": "2026-12-06T10:15:30.123+01:00",
       "localAt": "2026-12-06T10:15:30",
       "day": "2026-12-06",
       "at": "10:15:30",
       "notADate": "2026-13-45",
       "notATime": "10:15",
       "name": "Espresso beans 1kg",
       "shipsOn": "06.12.2026",
       "opensAt": "08:30",
       "price": 24.90,
       "stock": 12}""";

  @Test
  void readsAnOrder(PactwireRuntimeInfo wm) {
    stubFor(
        get(urlPathEqualTo("/orders/1"))
            .withMetadata(
                PactStub.interaction("a request for an order")
                    .rule("$.shipsOn", PactStub.date("dd.MM.yyyy"))
                    .rule("$.opensAt", PactStub.time("HH:mm"))
                    .rule("$.price", PactStub.decimal())
                    .rule("$.stock", PactStub.integer())
                    .rule("X-Request-Id", PactStub.uuid())
                    .metadata())
            .willReturn(
                okJson(BODY).withHeader("X-Request-Id", "7c0e2f4a-9b1d-4c3e-8f5a-6b7c8d9e0f1a")));
    Http.get(wm.getHttpBaseUrl() + "/orders/1");
  }
}
