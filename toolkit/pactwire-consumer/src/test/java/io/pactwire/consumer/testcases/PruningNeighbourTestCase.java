package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.PactwireWireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Another class writing into {@link PruningTestCase}'s pact, as a class in another Surefire fork
 * would; its extension is an instance field, so it merges after each test.
 */
@ExtendWith(ExampleSwitches.class)
public class PruningNeighbourTestCase {

  @RegisterExtension
  PactwireWireMockExtension pruning =
      PactwireWireMockExtension.newInstance()
          .consumer("checkout-service")
          .provider("pruning-service")
          .build();

  @Test
  void readsAPayment(String variant) {
    stub("/payments/1", "a request for a payment " + variant);
    Http.get(pruning.baseUrl() + "/payments/1");
  }

  @Test
  void readsAnInvoice(ExtensionContext context) {
    stub("/invoices/1", "a request for an invoice");
    Http.get(pruning.baseUrl() + "/invoices/1");
    ExampleSwitches.failIfAsked(context, "readsAnInvoice");
  }

  private void stub(String path, String description) {
    pruning.stubFor(
        get(urlPathEqualTo(path))
            .withMetadata(PactStub.interaction(description).metadata())
            .willReturn(okJson("{\"id\": 1}")));
  }
}
