package io.pactwire.example.inventory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import io.javalin.config.JavalinConfig;
import io.pactwire.example.inventory.InMemoryStockEventPublisher;
import io.pactwire.example.inventory.InventoryService;
import io.pactwire.provider.PactwirePacts;
import io.pactwire.provider.PactwireReports;
import io.pactwire.provider.PactwireStates;
import io.pactwire.provider.StatesDataSource;
import io.pactwire.testsupport.EmbeddedDatabase;
import io.pactwire.testsupport.EngineRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A provider that breaks checkout-service's contract fails verification, and says where: the
 * interaction, the JSON path, and the contract's value beside the provider's.
 */
class BrokenProviderTests {

  private static EmbeddedDatabase postgres;
  private static DataSource dataSource;
  private static final InMemoryStockEventPublisher events = new InMemoryStockEventPublisher();

  /** A variant that answers {"stock": "12"} where the contract says a number. */
  private static final Consumer<JavalinConfig> STOCK_AS_TEXT =
      config ->
          config.routes.after(
              "/products/*",
              ctx -> ctx.result(ctx.result().replaceAll("\"stock\":(\\d+)", "\"stock\":\"$1\"")));

  /** The service the {@link BrokenInventoryTestCase} verifies; one variant per test. */
  static InventoryService service;

  @TempDir Path reports;

  @BeforeAll
  static void startDatabase() throws Exception {
    postgres = EmbeddedDatabase.start();
    dataSource = postgres.dataSource();
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
    start(STOCK_AS_TEXT);

    Events tests = verify();

    tests.assertStatistics(stats -> stats.started(4).failed(1).succeeded(3));
    Event failed = tests.failed().list().get(0);
    assertThat(failed.getTestDescriptor().getDisplayName()).contains("a request for a product");
    // pact-jvm's wording depends on the contract's matcher (integer or type); the path does not.
    assertThat(messageOf(failed))
        .contains("a request for a product has a matching body")
        .contains("body: $.stock Expected '12' (String) to be");
  }

  @Test
  void theFailureAppearsInTheReportsNamingTheInteractionAndThePath() throws Exception {
    start(STOCK_AS_TEXT);

    verify().assertStatistics(stats -> stats.started(4).failed(1).succeeded(3));

    // JUnit XML, as CI servers read it: one testcase per interaction, only the broken one failed.
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(reports.resolve("inventory-service.xml").toFile());
    NodeList testcases = xml.getElementsByTagName("testcase");
    Map<String, String> failures = new TreeMap<>();
    for (int i = 0; i < testcases.getLength(); i++) {
      Element testcase = (Element) testcases.item(i);
      NodeList failure = testcase.getElementsByTagName("failure");
      failures.put(
          testcase.getAttribute("name"),
          failure.getLength() == 0 ? "passed" : failure.item(0).getTextContent());
    }
    assertThat(failures)
        .containsOnlyKeys(
            "a request for a product",
            "a request for an unknown product",
            "a reservation beyond stock",
            "a reservation within stock");
    assertThat(failures.get("a request for a product"))
        .contains("interaction: 'a request for a product'")
        .contains("consumer:    checkout-service")
        .contains("checkout-service-inventory-service.json")
        .contains("1) body $.stock: Expected '12' (String)")
        .contains("expected: 12")
        .contains("actual:   \"12\"");
    assertThat(failures)
        .containsEntry("a request for an unknown product", "passed")
        .containsEntry("a reservation beyond stock", "passed")
        .containsEntry("a reservation within stock", "passed");

    // Markdown, as a pull request's step summary shows it.
    assertThat(Files.readString(reports.resolve("inventory-service.md")))
        .contains("| checkout-service | a request for a product |")
        .contains("<summary>checkout-service: a request for a product</summary>")
        .contains("1) body $.stock: Expected '12' (String)");
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

  private Events verify() {
    return EngineRuns.run(
            BrokenInventoryTestCase.class,
            Map.of(
                // the reports of these runs go here, not over the real run's target/pactwire/
                "pactwire.reportsDir",
                reports.toString(),
                // and nothing into the results store that can-i-deploy reads, even in CI
                "pactwire.results.publish",
                "false"))
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
  @PactwireStates
  @PactwireReports
  static class BrokenInventoryTestCase {

    @StatesDataSource
    static DataSource database() {
      return dataSource;
    }

    @BeforeEach
    void target(PactVerificationContext context) {
      context.setTarget(new HttpTestTarget("localhost", service.port()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
      context.verifyInteraction();
    }
  }
}
