package io.pactwire.consumer.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.testcases.Http;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** A consumer's stubbed suite: the same tests run with WireMock alone and with capture. */
abstract class StubbedSuite {

  abstract WireMockExtension server();

  // Each repetition stubs other interactions (another description), as distinct tests would:
  // every one is built, compared and written, the worst case for capture.
  @RepeatedTest(20)
  void readsProductsAndReserves(RepetitionInfo repetition) {
    WireMockExtension wm = server();
    int n = repetition.getCurrentRepetition();
    wm.stubFor(
        get(urlPathTemplate("/products/{sku}"))
            .withMetadata(
                PactStub.interaction("a request for product " + n)
                    .given("a product exists")
                    .metadata())
            .willReturn(
                okJson(
                    "{\"sku\": \"SKU-1001\", \"name\": \"Espresso beans 1kg\", \"price\": 24.90,"
                        + " \"stock\": 12, \"tags\": [\"coffee\"]}")));
    wm.stubFor(
        post(urlPathEqualTo("/reservations"))
            .withRequestBody(
                equalToJson("{\"sku\": \"SKU-1001\", \"quantity\": \"${json-unit.any-number}\"}"))
            .withMetadata(
                PactStub.interaction("a reservation of product " + n)
                    .given("a product exists")
                    .metadata())
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\": \"0b7e4c59\", \"sku\": \"SKU-1001\", \"quantity\": 2}")));
    for (int i = 0; i < 4; i++) {
      assertThat(Http.get(wm.baseUrl() + "/products/SKU-100" + i).statusCode()).isEqualTo(200);
    }
    assertThat(
            Http.post(
                    wm.baseUrl() + "/reservations",
                    "{\"sku\": \"SKU-1001\", \"quantity\": 2}",
                    "Content-Type",
                    "application/json")
                .statusCode())
        .isEqualTo(201);
  }
}
