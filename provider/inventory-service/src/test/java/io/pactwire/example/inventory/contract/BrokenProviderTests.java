package io.pactwire.example.inventory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import io.javalin.config.JavalinConfig;
import io.pactwire.example.inventory.InMemoryStockEventPublisher;
import io.pactwire.example.inventory.InventoryService;
import io.pactwire.provider.PactwirePacts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * A provider that breaks checkout-service's contract fails verification, and says where: the
 * interaction, the JSON path, and the contract's value beside the provider's.
 */
class BrokenProviderTests {

  private static EmbeddedPostgres postgres;
  private static DataSource dataSource;
  private static final InMemoryStockEventPublisher events = new InMemoryStockEventPublisher();

  /** The service the {@link BrokenInventoryTestCase} verifies; one variant per test. */
  static InventoryService service;

  @BeforeAll
  static void startDatabase() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    dataSource = postgres.getPostgresDatabase();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    postgres.close();
  }

  @AfterEach
  void stopService() {
    if (service != null) {
      service.close();
      service = null;
    }
  }

  @Test
  void theCorrectProviderPassesTheSamePacts() {
    start(config -> {});

    verify().assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
  }

  @Test
  void aRenamedResponseFieldFailsWithItsPathAndValues() {
    // The variant answers {"quantityOnHand": 12} where the contract says {"stock": 12}.
    start(
        config ->
            config.routes.after(
                "/products/*",
                ctx -> ctx.result(ctx.result().replace("\"stock\":", "\"quantityOnHand\":"))));

    Events tests = verify();

    tests.assertStatistics(stats -> stats.started(4).failed(1).succeeded(3));
    Event failed = tests.failed().list().get(0);
    assertThat(failed.getTestDescriptor().getDisplayName()).contains("a request for a product");
    // pact-jvm names a missing key at its parent's path ($) and shows the body as a diff: the
    // contract's "stock": 12 beside the provider's "quantityOnHand": 12.
    assertThat(messageOf(failed))
        .contains(
            "Verifying a pact between checkout-service and inventory-service"
                + " - a request for a product has a matching body")
        .contains("body: $ Actual map is missing the following keys: stock")
        .contains("-  \"stock\": 12")
        .contains("+  \"quantityOnHand\": 12");
  }

  @Test
  void aChangedFieldTypeFailsWithItsPathAndValues() {
    // The variant answers {"stock": "12"} where the contract says an integer.
    start(
        config ->
            config.routes.after(
                "/products/*",
                ctx ->
                    ctx.result(ctx.result().replaceAll("\"stock\":(\\d+)", "\"stock\":\"$1\""))));

    Events tests = verify();

    tests.assertStatistics(stats -> stats.started(4).failed(1).succeeded(3));
    Event failed = tests.failed().list().get(0);
    assertThat(failed.getTestDescriptor().getDisplayName()).contains("a request for a product");
    assertThat(messageOf(failed))
        .contains("a request for a product has a matching body")
        .contains("body: $.stock Expected '12' (String) to be an integer");
  }

  @Test
  void aChangedStatusFailsWithExpectedAndActual() {
    // The variant answers 200 where the contract says 201 Created.
    start(
        config ->
            config.routes.after(
                "/reservations",
                ctx -> {
                  if (ctx.statusCode() == 201) {
                    ctx.status(200);
                  }
                }));

    Events tests = verify();

    tests.assertStatistics(stats -> stats.started(4).failed(1).succeeded(3));
    Event failed = tests.failed().list().get(0);
    assertThat(failed.getTestDescriptor().getDisplayName()).contains("a reservation within stock");
    assertThat(messageOf(failed))
        .contains("a reservation within stock")
        .contains("expected status of 201 but was 200");
  }

  private static void start(Consumer<JavalinConfig> variant) {
    service =
        InventoryService.builder()
            .dataSource(dataSource)
            .events(events)
            .port(0)
            .customize(variant)
            .start();
  }

  private static Events verify() {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(BrokenInventoryTestCase.class))
        .execute()
        .testEvents();
  }

  private static String messageOf(Event event) {
    return event
        .getRequiredPayload(TestExecutionResult.class)
        .getThrowable()
        .map(BrokenProviderTests::messages)
        .orElse("");
  }

  private static String messages(Throwable failure) {
    return List.of(failure).stream()
        .flatMap(t -> java.util.stream.Stream.iterate(t, x -> x != null, Throwable::getCause))
        .map(String::valueOf)
        .collect(Collectors.joining("\n"));
  }

  /** checkout-service's pact against whichever variant {@link #service} holds. */
  @Provider("inventory-service")
  @au.com.dius.pact.provider.junitsupport.Consumer("checkout-service")
  @PactwirePacts
  static class BrokenInventoryTestCase {

    @BeforeEach
    void target(PactVerificationContext context) {
      context.setTarget(new HttpTestTarget("localhost", service.port()));
      context.withStateChangeHandlers(new InventoryStates(dataSource, service.baseUri(), events));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
      context.verifyInteraction();
    }
  }
}
