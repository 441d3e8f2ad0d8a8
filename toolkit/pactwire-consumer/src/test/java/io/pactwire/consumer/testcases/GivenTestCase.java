package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.pactwire.consumer.Given;
import io.pactwire.consumer.PactwireWireMockExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One server for two repeated tests: one with a {@code @Given} of its own, one with the class's.
 */
@Given("a catalogue exists")
public class GivenTestCase {

  @RegisterExtension
  static PactwireWireMockExtension catalogue =
      PactwireWireMockExtension.newInstance()
          .consumer("checkout-service")
          .provider("catalogue-service")
          .build();

  @RepeatedTest(2)
  void readsTheCatalogue() {
    catalogue.stubFor(
        get(urlPathEqualTo("/catalogue")).withName("the catalogue").willReturn(okJson("[]")));
    Http.get(catalogue.baseUrl() + "/catalogue");
  }

  @RepeatedTest(2)
  @Given(
      value = "a product exists",
      params = {"sku=SKU-1"})
  void readsAProduct() {
    catalogue.stubFor(
        get(urlPathEqualTo("/products/SKU-1"))
            .withName("a product")
            .willReturn(okJson("{\"sku\": \"SKU-1\"}")));
    Http.get(catalogue.baseUrl() + "/products/SKU-1");
  }
}
