package io.pactwire.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Run by {@link PactwireStubsExtensionTests}: a consumer test against the provider's stubs. */
@PactwireStubs(provider = "inventory-service")
class InventoryStubsTestCase {

  static int get(String url, String accept) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void answered(PactwireStubsRuntimeInfo inventory) throws Exception {
    assertThat(get(inventory.baseUrl() + "/products/7?view=full", "application/json"))
        .isEqualTo(200);
  }

  @Test
  void unmatched(PactwireStubsRuntimeInfo inventory) throws Exception {
    get(inventory.baseUrl() + "/products/7?view=everything", "application/json");
  }
}
