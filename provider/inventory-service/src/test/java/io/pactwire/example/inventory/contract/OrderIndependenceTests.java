package io.pactwire.example.inventory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.PactFiles;
import io.pactwire.core.PactsDirectory;
import io.pactwire.core.internal.JsonText;
import io.pactwire.example.inventory.InMemoryStockEventPublisher;
import io.pactwire.example.inventory.InventoryService;
import io.pactwire.example.inventory.contract.messages.StockChangedProducer;
import io.pactwire.provider.PactwireReports;
import io.pactwire.provider.PactwireStates;
import io.pactwire.provider.StatesDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The real pacts give the same result per interaction whatever order they are verified in: the
 * fixtures and Pactwire's snapshot and restore leave nothing behind that a later interaction could
 * depend on (a reservation decrements stock and inserts a row; a state publishes an event).
 */
class OrderIndependenceTests {

  private static final String PACTS_FOLDER = "inventory.contract.pactsFolder";

  private static EmbeddedPostgres postgres;
  private static DataSource dataSource;
  private static final InMemoryStockEventPublisher events = new InMemoryStockEventPublisher();
  private static InventoryService service;

  @TempDir Path reports;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    dataSource = postgres.getPostgresDatabase();
    service = InventoryService.builder().dataSource(dataSource).events(events).port(0).start();
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    postgres.close();
  }

  @Test
  void theRealPactsGiveTheSameResultsInFileOrderAndReversed(
      @TempDir Path inFileOrder, @TempDir Path reversed) throws IOException, SQLException {
    // pact-jvm verifies a pact's interactions in file order, so each pact is copied as it is and
    // with its interactions reversed: reservations then run before the reads they came after.
    List<Path> pacts = inventoryPacts();
    List<String> expectedNames = new ArrayList<>();
    for (Path pact : pacts) {
      JsonNode json = PactFiles.readTree(pact);
      json.path("interactions")
          .forEach(
              interaction ->
                  expectedNames.add(
                      json.path("consumer").path("name").asText()
                          + " - "
                          + interaction.path("description").asText()));
      Files.copy(pact, inFileOrder.resolve(pact.getFileName()));
      ObjectNode reversedJson = json.deepCopy();
      List<JsonNode> interactions = new ArrayList<>();
      json.path("interactions").forEach(interactions::add);
      Collections.reverse(interactions);
      ((ArrayNode) reversedJson.withArray("interactions")).removeAll().addAll(interactions);
      Files.writeString(reversed.resolve(pact.getFileName()), JsonText.render(reversedJson));
    }
    String databaseBefore = contents();

    Map<String, String> inOrder = verify(inFileOrder);
    Map<String, String> inReverse = verify(reversed);

    assertThat(inOrder).containsOnlyKeys(expectedNames);
    assertThat(inOrder)
        .allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo("SUCCESSFUL"));
    assertThat(inReverse).isEqualTo(inOrder);
    // and the order really was different: each consumer's interactions ran back to front
    for (String consumer : List.of("checkout-service", "catalog-indexer")) {
      List<String> forwards = ofConsumer(inOrder, consumer);
      List<String> backwards = new ArrayList<>(ofConsumer(inReverse, consumer));
      Collections.reverse(backwards);
      assertThat(backwards).as(consumer).isEqualTo(forwards);
    }
    assertThat(ofConsumer(inOrder, "checkout-service")).hasSizeGreaterThan(1);
    assertThat(contents()).as("the database after both runs").isEqualTo(databaseBefore);
  }

  private static List<Path> inventoryPacts() throws IOException {
    try (Stream<Path> files = Files.list(PactsDirectory.locate())) {
      List<Path> pacts =
          files
              .filter(file -> file.getFileName().toString().endsWith(".json"))
              .filter(
                  file ->
                      PactFiles.readTree(file)
                          .path("provider")
                          .path("name")
                          .asText()
                          .equals("inventory-service"))
              .sorted()
              .toList();
      assertThat(pacts).as("inventory-service's pacts in %s", PactsDirectory.locate()).isNotEmpty();
      return pacts;
    }
  }

  /** Each interaction's outcome in the order it ran: "SUCCESSFUL" or the failure's message. */
  private Map<String, String> verify(Path pactsFolder) {
    String previous = System.getProperty(PACTS_FOLDER);
    System.setProperty(PACTS_FOLDER, pactsFolder.toString());
    try {
      Map<String, String> outcomes = new LinkedHashMap<>();
      for (Event event :
          EngineTestKit.engine("junit-jupiter")
              .selectors(selectClass(InventoryPactsTestCase.class))
              .configurationParameter("pactwire.reportsDir", reports.toString())
              // nothing into the results store that can-i-deploy reads, even in CI
              .configurationParameter("pactwire.results.publish", "false")
              .execute()
              .testEvents()
              .finished()
              .list()) {
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        outcomes.put(
            event.getTestDescriptor().getDisplayName(),
            result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                ? "SUCCESSFUL"
                : result.getThrowable().map(Throwable::getMessage).orElse("FAILED"));
      }
      return outcomes;
    } finally {
      if (previous == null) {
        System.clearProperty(PACTS_FOLDER);
      } else {
        System.setProperty(PACTS_FOLDER, previous);
      }
    }
  }

  private static List<String> ofConsumer(Map<String, String> outcomes, String consumer) {
    return outcomes.keySet().stream().filter(name -> name.startsWith(consumer + " - ")).toList();
  }

  /** Every row of both tables, in key order. */
  private static String contents() throws SQLException {
    StringBuilder rows = new StringBuilder();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String query :
          List.of(
              "SELECT sku, name, price, stock FROM products ORDER BY sku",
              "SELECT id, sku, quantity, expires_at FROM reservations ORDER BY id")) {
        try (ResultSet result = statement.executeQuery(query)) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            for (int column = 1; column <= columns; column++) {
              rows.append(result.getString(column)).append(column < columns ? " | " : "\n");
            }
          }
        }
      }
    }
    return rows.toString();
  }

  /** inventory-service verified as {@code InventoryContractTests} does, from another folder. */
  @Provider("inventory-service")
  @PactFolder("${" + PACTS_FOLDER + "}")
  @PactwireStates
  @PactwireReports
  static class InventoryPactsTestCase {

    @StatesDataSource
    static DataSource database() {
      return dataSource;
    }

    @BeforeAll
    static void producer() {
      StockChangedProducer.capture(events);
    }

    @BeforeEach
    void target(PactVerificationContext context) {
      if (context.getInteraction().isAsynchronousMessage()) {
        context.setTarget(
            new MessageTestTarget(List.of(StockChangedProducer.class.getPackageName())));
      } else {
        context.setTarget(new HttpTestTarget("localhost", service.port()));
      }
      context.withStateChangeHandlers(new InventoryStates(service.baseUri(), events));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
      context.verifyInteraction();
    }
  }
}
