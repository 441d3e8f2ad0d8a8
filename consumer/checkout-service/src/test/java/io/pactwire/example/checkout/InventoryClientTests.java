package io.pactwire.example.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the inventory client does with answers outside the contract; the contract's own interactions
 * are in {@link InventoryClientContractTests}.
 */
class InventoryClientTests {

  private static final UUID ID = UUID.fromString("3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c");

  @RegisterExtension
  static WireMockExtension inventory =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private InventoryClient client() {
    return TestClients.inventory(inventory.baseUrl());
  }

  @Nested
  class UnexpectedStatuses {

    @Test
    void carryTheStatusAndTheParsedProblem() {
      inventory.stubFor(
          get("/products/SKU-1001")
              .willReturn(
                  aResponse()
                      .withStatus(503)
                      .withHeader("Content-Type", "application/problem+json")
                      .withBody(
                          """
                          {"type": "about:blank", "title": "Service Unavailable", "status": 503,
                           "detail": "database is starting"}
                          """)));

      InventoryException failure =
          catchThrowableOfType(InventoryException.class, () -> client().getProduct("SKU-1001"));

      assertThat(failure.status()).isEqualTo(503);
      assertThat(failure.problem())
          .isEqualTo(
              new Problem("about:blank", "Service Unavailable", 503, "database is starting"));
      assertThat(failure)
          .hasMessage(
              "GET /products/SKU-1001 answered 503: Service Unavailable (database is starting)");
    }

    @Test
    void aMalformedReservationRequestIsAnErrorNotAnOutcome() {
      inventory.stubFor(
          post("/reservations")
              .willReturn(
                  aResponse()
                      .withStatus(400)
                      .withHeader("Content-Type", "application/problem+json")
                      .withBody(
                          """
                          {"type": "about:blank", "title": "Malformed reservation", "status": 400,
                           "detail": "quantity must be at least 1"}
                          """)));

      InventoryException failure =
          catchThrowableOfType(InventoryException.class, () -> client().reserve("SKU-1001", 0));

      assertThat(failure.status()).isEqualTo(400);
      assertThat(failure.problem().detail()).isEqualTo("quantity must be at least 1");
    }

    @Test
    void aBodyThatIsNotAProblemLeavesTheProblemEmpty() {
      inventory.stubFor(
          get("/products/SKU-1001")
              .willReturn(
                  aResponse()
                      .withStatus(502)
                      .withHeader("Content-Type", "text/html")
                      .withBody("<html>Bad Gateway</html>")));

      InventoryException failure =
          catchThrowableOfType(InventoryException.class, () -> client().getProduct("SKU-1001"));

      assertThat(failure.problem()).isNull();
      assertThat(failure).hasMessage("GET /products/SKU-1001 answered 502");
    }
  }

  @Nested
  class BrokenSuccesses {

    @Test
    void aCreatedReservationWithoutLocationIsRejected() {
      inventory.stubFor(
          post("/reservations")
              .willReturn(
                  aResponse()
                      .withStatus(201)
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          """
                          {"id": "%s", "sku": "SKU-1001", "quantity": 2,
                           "expiresAt": "2026-11-28T23:15:00Z"}
                          """
                              .formatted(ID))));

      InventoryException failure =
          catchThrowableOfType(InventoryException.class, () -> client().reserve("SKU-1001", 2));

      assertThat(failure).hasMessage("POST /reservations answered 201 without a Location header");
    }

    @Test
    void aProductWithoutStockIsRejected() {
      inventory.stubFor(
          get("/products/SKU-1001")
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          """
                          {"sku": "SKU-1001", "name": "Espresso beans 1kg", "price": 24.90}
                          """)));

      InventoryException failure =
          catchThrowableOfType(InventoryException.class, () -> client().getProduct("SKU-1001"));

      assertThat(failure).hasMessageStartingWith("product body lacks sku, name, price or stock");
    }

    @Test
    void aBodyThatIsNotJsonNamesTheCall() {
      inventory.stubFor(
          get("/products/SKU-1001")
              .willReturn(aResponse().withStatus(200).withBody("Espresso beans, 12 in stock")));

      InventoryException failure =
          catchThrowableOfType(InventoryException.class, () -> client().getProduct("SKU-1001"));

      assertThat(failure)
          .hasMessageStartingWith(
              "GET "
                  + inventory.baseUrl()
                  + "/products/SKU-1001 answered 200 with a body that"
                  + " is not a product");
    }
  }

  @Nested
  class Releasing {

    @Test
    void aHeldReservationIsReleased() {
      inventory.stubFor(delete("/reservations/" + ID).willReturn(aResponse().withStatus(204)));

      assertThat(client().release(ID)).isTrue();
    }

    @Test
    void aReservationInventoryNoLongerKnowsReportsFalse() {
      inventory.stubFor(
          delete("/reservations/" + ID)
              .willReturn(
                  aResponse()
                      .withStatus(404)
                      .withHeader("Content-Type", "application/problem+json")
                      .withBody(
                          """
                          {"type": "about:blank", "title": "Reservation not found", "status": 404}
                          """)));

      assertThat(client().release(ID)).isFalse();
    }
  }

  @Test
  void anUnreachableServiceIsAnInventoryExceptionWithoutStatus() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    InventoryClient unreachable =
        InventoryClient.create(URI.create("http://localhost:" + closedPort));

    InventoryException failure =
        catchThrowableOfType(InventoryException.class, () -> unreachable.getProduct("SKU-1001"));

    assertThat(failure.status()).isEqualTo(-1);
    assertThat(failure)
        .hasMessageStartingWith("GET http://localhost:" + closedPort + "/products/SKU-1001 failed");
  }
}
