package org.example.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;

import io.pactwire.consumer.PactwireWireMockTest;
import org.junit.jupiter.api.Test;

@PactwireWireMockTest(consumer = "order-service", provider = "product-service")
class StubTests {

  @Test
  void aStub() {
    stubFor(get("/products/SKU-1").willReturn(ok()));
  }
}
