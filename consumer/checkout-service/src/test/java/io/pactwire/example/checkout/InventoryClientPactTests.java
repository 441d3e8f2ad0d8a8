package io.pactwire.example.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same four interactions as {@link InventoryClientContractTests}, written with pact-jvm's DSL
 * against pact's mock server, to show both styles side by side.
 *
 * <p>The committed {@code pacts/checkout-service-inventory-service.json} is captured by {@link
 * InventoryClientContractTests} alone; this class writes its pact to {@code target/pact-dsl/}
 * instead ({@link PactDirectory} wins over the {@code pact.rootDir} that Surefire sets). Two
 * writers of one file would race and disagree: pact-jvm merges into the file with its own rules and
 * key order, Pactwire replaces the interactions it recorded, and whichever ran last would decide
 * what the provider verifies.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactDirectory("target/pact-dsl")
@PactTestFor(providerName = "inventory-service", pactVersion = PactSpecVersion.V4)
class InventoryClientPactTests {

  private static final String CONSUMER = "checkout-service";

  private static final String UUID_REGEX =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String INSTANT_REGEX =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";
  private static final String RESERVATION_ID = "3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c";
  private static final String EXPIRES_AT = "2026-11-28T23:15:00Z";

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  private static final Map<String, String> PROBLEM =
      Map.of("Content-Type", "application/problem+json");

  @Pact(consumer = CONSUMER)
  V4Pact productFound(PactDslWithProvider builder) {
    return builder
        .given(
            "a product exists",
            params(
                "sku",
                "SKU-1001",
                "name",
                "Espresso beans 1kg",
                "price",
                new BigDecimal("24.90"),
                "stock",
                12))
        .uponReceiving("a request for a product")
        .method("GET")
        .path("/products/SKU-1001")
        .willRespondWith()
        .status(200)
        .headers(JSON)
        .body(
            new PactDslJsonBody()
                .stringType("sku", "SKU-1001")
                .stringType("name", "Espresso beans 1kg")
                .decimalType("price", new BigDecimal("24.90"))
                .integerType("stock", 12))
        .toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact productUnknown(PactDslWithProvider builder) {
    return builder
        .given("no product exists", params("sku", "SKU-0000"))
        .uponReceiving("a request for an unknown product")
        .method("GET")
        .path("/products/SKU-0000")
        .willRespondWith()
        .status(404)
        .headers(PROBLEM)
        .body(problem("Product not found", 404, "no product with sku SKU-0000"))
        .toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact reservationWithinStock(PactDslWithProvider builder) {
    return builder
        .given(
            "a product exists",
            params(
                "sku",
                "SKU-1001",
                "name",
                "Espresso beans 1kg",
                "price",
                new BigDecimal("24.90"),
                "stock",
                12))
        .uponReceiving("a reservation within stock")
        .method("POST")
        .path("/reservations")
        .headers(JSON)
        .body(new PactDslJsonBody().stringValue("sku", "SKU-1001").integerType("quantity", 2))
        .willRespondWith()
        .status(201)
        .headers(JSON)
        .matchHeader("Location", "/reservations/" + UUID_REGEX, "/reservations/" + RESERVATION_ID)
        .body(
            new PactDslJsonBody()
                .uuid("id", UUID.fromString(RESERVATION_ID))
                .stringType("sku", "SKU-1001")
                .integerType("quantity", 2)
                .stringMatcher("expiresAt", INSTANT_REGEX, EXPIRES_AT))
        .toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact reservationBeyondStock(PactDslWithProvider builder) {
    return builder
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
        .uponReceiving("a reservation beyond stock")
        .method("POST")
        .path("/reservations")
        .headers(JSON)
        .body(new PactDslJsonBody().stringValue("sku", "SKU-1002").integerType("quantity", 5))
        .willRespondWith()
        .status(409)
        .headers(PROBLEM)
        .body(problem("Insufficient stock", 409, "requested 5 of SKU-1002, 1 available"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "productFound")
  void aKnownSkuReadsAsAProduct(MockServer server) {
    var product = client(server).getProduct("SKU-1001");

    assertThat(product)
        .contains(new Product("SKU-1001", "Espresso beans 1kg", new BigDecimal("24.90"), 12));
  }

  @Test
  @PactTestFor(pactMethod = "productUnknown")
  void anUnknownSkuReadsAsEmpty(MockServer server) {
    assertThat(client(server).getProduct("SKU-0000")).isEmpty();
  }

  @Test
  @PactTestFor(pactMethod = "reservationWithinStock")
  void aReservationWithinStockHoldsTheUnits(MockServer server) {
    ReservationOutcome outcome = client(server).reserve("SKU-1001", 2);

    assertThat(outcome)
        .isEqualTo(
            new Reservation(
                UUID.fromString(RESERVATION_ID),
                "SKU-1001",
                2,
                Instant.parse(EXPIRES_AT),
                URI.create(server.getUrl() + "/reservations/" + RESERVATION_ID)));
  }

  @Test
  @PactTestFor(pactMethod = "reservationBeyondStock")
  void aReservationBeyondStockIsRefusedWithTheProblem(MockServer server) {
    ReservationOutcome outcome = client(server).reserve("SKU-1002", 5);

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

  private static InventoryClient client(MockServer server) {
    return TestClients.inventory(server.getUrl());
  }

  private static PactDslJsonBody problem(String title, int status, String detail) {
    return new PactDslJsonBody()
        .stringType("type", "about:blank")
        .stringType("title", title)
        .integerType("status", status)
        .stringType("detail", detail);
  }

  /** Provider-state parameters in a fixed order, so that the written pact never reorders them. */
  private static Map<String, Object> params(Object... keysAndValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      params.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return params;
  }
}
