package io.pactwire.example.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.PactwireRuntimeInfo;
import io.pactwire.consumer.PactwireWireMockTest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract checkout-service holds with inventory-service, captured from WireMock stubs: the
 * four interactions of {@code docs/reference-system.md}, each driven through the real {@link
 * InventoryClient}. The build writes them to {@code pacts/checkout-service-inventory-service.json},
 * which provider/inventory-service verifies. {@link InventoryClientPactTests} shows the same
 * contract in pact-jvm's DSL.
 */
@PactwireWireMockTest(consumer = "checkout-service", provider = "inventory-service")
class InventoryClientContractTests {

  static final String UUID_REGEX = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  static final String INSTANT_REGEX = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";
  private static final String RESERVATION_ID = "3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c";
  private static final String EXPIRES_AT = "2026-11-28T23:15:00Z";

  @Test
  void aKnownSkuReadsAsAProduct(PactwireRuntimeInfo inventory) {
    stubFor(
        get(urlPathTemplate("/products/{sku}"))
            .withMetadata(
                PactStub.interaction("a request for a product")
                    .given("a product exists", espressoBeans())
                    .metadata())
            .willReturn(
                json(
                    200,
                    """
                    {"sku": "SKU-1001", "name": "Espresso beans 1kg", "price": 24.90, "stock": 12}
                    """)));

    var product = client(inventory).getProduct("SKU-1001");

    assertThat(product)
        .contains(new Product("SKU-1001", "Espresso beans 1kg", new BigDecimal("24.90"), 12));
  }

  @Test
  void anUnknownSkuReadsAsEmpty(PactwireRuntimeInfo inventory) {
    stubFor(
        get(urlPathTemplate("/products/{sku}"))
            .withMetadata(
                PactStub.interaction("a request for an unknown product")
                    .given("no product exists", Map.of("sku", "SKU-0000"))
                    .metadata())
            .willReturn(
                problem(
                    404,
                    """
                    {"type": "about:blank", "title": "Product not found", "status": 404,
                     "detail": "no product with sku SKU-0000"}
                    """)));

    assertThat(client(inventory).getProduct("SKU-0000")).isEmpty();
  }

  @Test
  void aReservationWithinStockHoldsTheUnits(PactwireRuntimeInfo inventory) {
    // The client reads the id from the Location header and the body: both must be a UUID, and
    // expiresAt an ISO-8601 UTC instant, whatever the provider's example values.
    stubFor(
        post(urlEqualTo("/reservations"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"sku\": \"SKU-1001\", \"quantity\": 2}"))
            .withMetadata(
                PactStub.interaction("a reservation within stock")
                    .given("a product exists", espressoBeans())
                    .regex("Location", "/reservations/" + UUID_REGEX)
                    .regex("$.id", UUID_REGEX)
                    .regex("$.expiresAt", INSTANT_REGEX)
                    .metadata())
            .willReturn(
                json(
                        201,
                        """
                        {"id": "%s", "sku": "SKU-1001", "quantity": 2, "expiresAt": "%s"}
                        """
                            .formatted(RESERVATION_ID, EXPIRES_AT))
                    .withHeader("Location", "/reservations/" + RESERVATION_ID)));

    ReservationOutcome outcome = client(inventory).reserve("SKU-1001", 2);

    assertThat(outcome)
        .isEqualTo(
            new Reservation(
                UUID.fromString(RESERVATION_ID),
                "SKU-1001",
                2,
                Instant.parse(EXPIRES_AT),
                URI.create(inventory.getHttpBaseUrl() + "/reservations/" + RESERVATION_ID)));
  }

  @Test
  void aReservationBeyondStockIsRefusedWithTheProblem(PactwireRuntimeInfo inventory) {
    stubFor(
        post(urlEqualTo("/reservations"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"sku\": \"SKU-1002\", \"quantity\": 5}"))
            .withMetadata(
                PactStub.interaction("a reservation beyond stock")
                    .given(
                        "a product exists",
                        params(
                            "sku",
                            "SKU-1002",
                            "name",
                            "Filter papers 100",
                            "price",
                            new BigDecimal("3.50"),
                            "stock",
                            1))
                    .metadata())
            .willReturn(
                problem(
                    409,
                    """
                    {"type": "about:blank", "title": "Insufficient stock", "status": 409,
                     "detail": "requested 5 of SKU-1002, 1 available"}
                    """)));

    ReservationOutcome outcome = client(inventory).reserve("SKU-1002", 5);

    assertThat(outcome)
        .isEqualTo(
            new InsufficientStock(
                "SKU-1002",
                5,
                new Problem(
                    "about:blank",
                    "Insufficient stock",
                    409,
                    "requested 5 of SKU-1002, 1 available")));
  }

  private static InventoryClient client(PactwireRuntimeInfo inventory) {
    return TestClients.inventory(inventory.getHttpBaseUrl());
  }

  private static Map<String, Object> espressoBeans() {
    return params(
        "sku",
        "SKU-1001",
        "name",
        "Espresso beans 1kg",
        "price",
        new BigDecimal("24.90"),
        "stock",
        12);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/problem+json")
        .withBody(body);
  }

  private static Map<String, Object> params(Object... keysAndValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      params.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return params;
  }
}
