package io.pactwire.example.inventory;

import static io.pactwire.example.inventory.Inventory.delete;
import static io.pactwire.example.inventory.Inventory.get;
import static io.pactwire.example.inventory.Inventory.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.testsupport.EmbeddedDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryServiceTests {

  private static final Instant NOW = Instant.parse("2026-11-28T23:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmbeddedDatabase postgres;
  private static DataSource dataSource;
  private static InventoryService service;
  private static final InMemoryStockEventPublisher events = new InMemoryStockEventPublisher();
  private static URI base;
  private static final MutableClock clock = new MutableClock(NOW);

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedDatabase.start();
    dataSource = postgres.dataSource();
    service =
        InventoryService.builder()
            .dataSource(dataSource)
            .events(events)
            .clock(clock)
            .expirySweep(Duration.ZERO)
            .port(0)
            .start();
    base = service.baseUri();
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    postgres.close();
  }

  @BeforeEach
  void products() {
    Inventory.clear(dataSource);
    events.clear();
    clock.set(NOW);
    Inventory.insertProduct(
        dataSource, "SKU-1001", "Espresso beans 1kg", new BigDecimal("24.90"), 12);
    Inventory.insertProduct(dataSource, "SKU-1002", "Moka pot", new BigDecimal("39.00"), 1);
  }

  @Nested
  class GetProduct {

    @Test
    void answersTheProductWithPriceInTwoDecimals() {
      HttpResponse<String> response = get(base, "/products/SKU-1001");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(response.body())
          .isEqualTo(
              """
              {"sku":"SKU-1001","name":"Espresso beans 1kg","price":24.90,"stock":12}""");
    }

    @Test
    void answersAnUnknownSkuWithAProblem() throws Exception {
      HttpResponse<String> response = get(base, "/products/SKU-0000");

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(JSON.readTree(response.body()))
          .isEqualTo(
              JSON.readTree(
                  """
                  {"type": "about:blank", "title": "Product not found", "status": 404,
                   "detail": "no product with sku SKU-0000"}"""));
    }
  }

  @Nested
  class PostReservation {

    @Test
    void reservesWithinStockAnswers201WithLocationAndExpiry() throws Exception {
      HttpResponse<String> response =
          post(
              base,
              "/reservations",
              """
              {"sku": "SKU-1001", "quantity": 2}""");

      assertThat(response.statusCode()).isEqualTo(201);
      JsonNode body = JSON.readTree(response.body());
      String id = body.path("id").asText();
      assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      assertThat(response.headers().firstValue("Location")).hasValue("/reservations/" + id);
      assertThat(body)
          .isEqualTo(
              JSON.readTree(
                  """
                  {"id": "%s", "sku": "SKU-1001", "quantity": 2,
                   "expiresAt": "2026-11-28T23:15:00Z"}"""
                      .formatted(id)));
      assertThat(Inventory.stockOf(dataSource, "SKU-1001")).isEqualTo(10);
    }

    @Test
    void publishesOneStockChangedWithWhatIsLeft() {
      post(
          base,
          "/reservations",
          """
          {"sku": "SKU-1001", "quantity": 2}""");

      assertThat(events.events()).containsExactly(new StockChanged("SKU-1001", 10, NOW));
      StockEvents.Message message = events.messages().get(0);
      assertThat(message.topic()).isEqualTo("inventory.stock-changed");
      assertThat(message.key()).isEqualTo("SKU-1001");
      assertThat(message.headers()).containsEntry("contentType", "application/json");
      assertThat(message.valueAsString())
          .isEqualTo(
              """
              {"sku":"SKU-1001","available":10,"occurredAt":"2026-11-28T23:00:00Z"}""");
    }

    @Test
    void refusesBeyondStockWith409AndChangesNothing() throws Exception {
      HttpResponse<String> response =
          post(
              base,
              "/reservations",
              """
              {"sku": "SKU-1002", "quantity": 5}""");

      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(JSON.readTree(response.body()))
          .isEqualTo(
              JSON.readTree(
                  """
                  {"type": "about:blank", "title": "Insufficient stock", "status": 409,
                   "detail": "SKU-1002 has 1 in stock, 5 requested"}"""));
      assertThat(Inventory.stockOf(dataSource, "SKU-1002")).isEqualTo(1);
      assertThat(Inventory.reservationCount(dataSource)).isZero();
      assertThat(events.messages()).isEmpty();
    }

    @Test
    void reservesTheLastUnit() {
      assertThat(
              post(
                      base,
                      "/reservations",
                      """
          {"sku": "SKU-1002", "quantity": 1}""")
                  .statusCode())
          .isEqualTo(201);
      assertThat(events.events()).containsExactly(new StockChanged("SKU-1002", 0, NOW));
    }

    @Test
    void answersAnUnknownSkuWith404() throws Exception {
      HttpResponse<String> response =
          post(
              base,
              "/reservations",
              """
              {"sku": "SKU-0000", "quantity": 1}""");

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(response.body()).path("detail").asText())
          .isEqualTo("no product with sku SKU-0000");
      assertThat(events.messages()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            # what is wrong              | body                                  | detail starts with
            not JSON                     | sku=SKU-1001                          | the body is not JSON
            truncated JSON               | {"sku": "SKU-1001"                    | the body is not JSON
            an array, not an object      | [1, 2]                                | the body must be a JSON object
            missing sku                  | {"quantity": 2}                       | sku is required
            blank sku                    | {"sku": " ", "quantity": 2}           | sku is required
            sku not a string             | {"sku": 1001, "quantity": 2}          | sku is required
            missing quantity             | {"sku": "SKU-1001"}                   | quantity is required
            quantity zero                | {"sku": "SKU-1001", "quantity": 0}    | quantity is required
            quantity negative            | {"sku": "SKU-1001", "quantity": -3}   | quantity is required
            quantity a string            | {"sku": "SKU-1001", "quantity": "2"}  | quantity is required
            quantity a fraction          | {"sku": "SKU-1001", "quantity": 1.5}  | quantity is required
            quantity beyond int          | {"sku": "SKU-1001", "quantity": 9999999999} | quantity is required
            """)
    void answersAMalformedBodyWith400AndAProblem(String what, String body, String detail)
        throws Exception {
      HttpResponse<String> response = post(base, "/reservations", body);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.path("type").asText()).isEqualTo("about:blank");
      assertThat(problem.path("title").asText()).isEqualTo("Malformed request");
      assertThat(problem.path("status").asInt()).isEqualTo(400);
      assertThat(problem.path("detail").asText()).startsWith(detail);
      assertThat(Inventory.stockOf(dataSource, "SKU-1001")).isEqualTo(12);
      assertThat(events.messages()).isEmpty();
    }
  }

  @Nested
  class GetAndDeleteReservation {

    @Test
    void answersAReservationAsPostDid() throws Exception {
      HttpResponse<String> made =
          post(
              base,
              "/reservations",
              """
          {"sku": "SKU-1001", "quantity": 2}""");
      String location = made.headers().firstValue("Location").orElseThrow();

      HttpResponse<String> response = get(base, location);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(made.body()));
    }

    @Test
    void deleteReturnsTheStockAndPublishesIt() {
      String location =
          post(
                  base,
                  "/reservations",
                  """
              {"sku": "SKU-1001", "quantity": 2}""")
              .headers()
              .firstValue("Location")
              .orElseThrow();

      HttpResponse<String> response = delete(base, location);

      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(response.body()).isEmpty();
      assertThat(Inventory.stockOf(dataSource, "SKU-1001")).isEqualTo(12);
      assertThat(events.events())
          .containsExactly(
              new StockChanged("SKU-1001", 10, NOW), new StockChanged("SKU-1001", 12, NOW));
      assertThat(get(base, location).statusCode()).isEqualTo(404);
      assertThat(delete(base, location).statusCode()).isEqualTo(404);
      assertThat(events.messages()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
      // a well-formed id that was never issued
      "0b6f1f7e-9c1a-4a8e-8f53-2d0c6f3c1a11",
      // not a UUID at all: still "not found", there is nothing at that address
      "not-a-uuid"
    })
    void answersAnUnknownIdWith404(String id) throws Exception {
      for (HttpResponse<String> response :
          List.of(get(base, "/reservations/" + id), delete(base, "/reservations/" + id))) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()))
            .isEqualTo(
                JSON.readTree(
                    """
                    {"type": "about:blank", "title": "Reservation not found", "status": 404,
                     "detail": "no reservation with id %s"}"""
                        .formatted(id)));
      }
      assertThat(events.messages()).isEmpty();
    }
  }

  @Nested
  class ProviderStateChanges {

    private static final String SETUP =
        """
        {"state": "a product exists", "action": "setup",
         "params": {"sku": "SKU-9", "name": "Grinder", "price": 99.5, "stock": 3}}""";

    @Test
    void aServiceWithoutProviderStatesHasNoStateChangeEndpoint() throws Exception {
      assertThat(post(base, "/_pact/state", SETUP).statusCode()).isEqualTo(404);
      assertThat(get(base, "/products/SKU-9").statusCode()).isEqualTo(404);
    }

    @Test
    void setupAppliesTheFixtureAndTeardownPutsTheDatabaseBack() throws Exception {
      try (InventoryService verifying = withFixtures()) {
        URI at = verifying.baseUri();

        assertThat(post(at, "/_pact/state", SETUP).statusCode()).isEqualTo(200);
        HttpResponse<String> product = get(at, "/products/SKU-9");
        assertThat(product.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(product.body()).path("stock").asInt()).isEqualTo(3);

        assertThat(post(at, "/_pact/state", "{\"action\": \"teardown\"}").statusCode())
            .isEqualTo(200);
        assertThat(get(at, "/products/SKU-9").statusCode()).isEqualTo(404);
        assertThat(get(at, "/products/SKU-1001").statusCode())
            .as("rows from before the setup stay")
            .isEqualTo(200);
      }
    }

    @Test
    void aStateWithoutAFixtureIsRefusedNamingTheFileToAdd() throws Exception {
      try (InventoryService verifying = withFixtures()) {
        HttpResponse<String> response =
            post(
                verifying.baseUri(),
                "/_pact/state",
                "{\"state\": \"a warehouse exists\", \"action\": \"setup\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("detail").asText())
            .isEqualTo(
                "no fixture for state 'a warehouse exists': add"
                    + " src/test/resources/states/a warehouse exists.sql");
      }
    }

    private InventoryService withFixtures() {
      return InventoryService.builder()
          .dataSource(dataSource)
          .events(events)
          .expirySweep(Duration.ZERO)
          .providerStates(
              InventoryMain.fixtureStates(
                  dataSource, java.nio.file.Path.of("src/test/resources/states")))
          .port(0)
          .start();
    }
  }

  @Nested
  class UnknownRoutes {

    @Test
    void answersAPathTheServiceDoesNotServeWithAProblem() throws Exception {
      HttpResponse<String> response = get(base, "/warehouses/1");

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.path("status").asInt()).isEqualTo(404);
      assertThat(problem.path("title").asText()).isEqualTo("Not Found");
      assertThat(problem.path("detail").asText()).contains("/warehouses/1");
    }
  }

  @Nested
  class Expiry {

    @Test
    void aLapsedReservationReturnsItsStockAndPublishesIt() {
      String first =
          location(
              post(
                  base,
                  "/reservations",
                  """
          {"sku": "SKU-1001", "quantity": 2}"""));
      clock.advance(Duration.ofMinutes(1));
      String second =
          location(
              post(
                  base,
                  "/reservations",
                  """
          {"sku": "SKU-1001", "quantity": 3}"""));
      events.clear();

      clock.set(NOW.plus(Duration.ofMinutes(15)));
      List<StockChanged> released = service.releaseExpired();

      Instant sweptAt = NOW.plus(Duration.ofMinutes(15));
      // 12 - 2 - 3 = 7 held back; the first hold (2) lapsed, the second (3) has a minute left.
      assertThat(released).containsExactly(new StockChanged("SKU-1001", 9, sweptAt));
      assertThat(events.events()).containsExactlyElementsOf(released);
      assertThat(Inventory.stockOf(dataSource, "SKU-1001")).isEqualTo(9);
      assertThat(get(base, first).statusCode()).isEqualTo(404);
      assertThat(get(base, second).statusCode()).isEqualTo(200);
    }

    @Test
    void aHeldReservationStays() {
      String held =
          location(
              post(
                  base,
                  "/reservations",
                  """
          {"sku": "SKU-1001", "quantity": 2}"""));
      events.clear();

      clock.advance(Duration.ofMinutes(15).minusSeconds(1));

      assertThat(service.releaseExpired()).isEmpty();
      assertThat(events.messages()).isEmpty();
      assertThat(Inventory.stockOf(dataSource, "SKU-1001")).isEqualTo(10);
      assertThat(get(base, held).statusCode()).isEqualTo(200);
    }

    private String location(HttpResponse<String> response) {
      assertThat(response.statusCode()).isEqualTo(201);
      return response.headers().firstValue("Location").orElseThrow();
    }
  }

  @Nested
  class Concurrency {

    @Test
    void concurrentReservationsNeverOversell() throws Exception {
      int stock = 10;
      int clients = 40;
      Inventory.insertProduct(dataSource, "SKU-2001", "Grinder", new BigDecimal("99.00"), stock);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<Integer>> statuses = new ArrayList<>();
      try {
        for (int i = 0; i < clients; i++) {
          Callable<Integer> reserveOne =
              () -> {
                go.await();
                return post(
                        base,
                        "/reservations",
                        """
                    {"sku": "SKU-2001", "quantity": 1}""")
                    .statusCode();
              };
          statuses.add(pool.submit(reserveOne));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
          codes.add(status.get());
        }

        assertThat(codes).filteredOn(code -> code == 201).hasSize(stock);
        assertThat(codes).filteredOn(code -> code == 409).hasSize(clients - stock);
      } finally {
        pool.shutdownNow();
      }
      assertThat(Inventory.stockOf(dataSource, "SKU-2001")).isZero();
      assertThat(Inventory.reservationCount(dataSource)).isEqualTo(stock);
      // Each success published what it left: every level from stock-1 down to 0, once.
      assertThat(events.events())
          .extracting(StockChanged::available)
          .containsExactlyInAnyOrderElementsOf(IntStream.range(0, stock).boxed().toList());
    }
  }
}
