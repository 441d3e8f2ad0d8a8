package org.example.storefront;

import io.pactwire.stubs.PactwireStubs;
import io.pactwire.stubs.PactwireStubsRuntimeInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A client that drifted from the contract: it asks for XML, which no interaction of the product
 * service's pacts answers. The test fails, and its failure names the closest interaction and what
 * differed, though the project still keeps the hand-written WireMock stub of the product service
 * that answered XML: the stubs of {@code @PactwireStubs} are the pacts' alone. (Excluded from the
 * build; run it with -Dtest=DriftTests.)
 */
@PactwireStubs(provider = "product-service")
class DriftTests {

  @Test
  void aClientThatAsksForXml(PactwireStubsRuntimeInfo products) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(products.baseUrl() + "/products/SKU-1001"))
            .header("Accept", "application/xml")
            .build();
    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
