package io.pactwire.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.testsupport.EngineRuns;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Event;

/**
 * Two consumers' pacts give the same result per interaction whatever order they are verified in:
 * the fixtures and Pactwire's snapshot and restore leave nothing behind that a later interaction
 * could depend on (a reservation decrements stock and inserts a row).
 */
class OrderIndependenceTests {

  private static final Map<String, List<String>> PACTS =
      Map.of(
          "checkout-service",
          TestPacts.PASSING,
          "catalog-indexer",
          List.of(TestPacts.LAST_ITEMS, TestPacts.PRODUCT, TestPacts.RESERVED_PRODUCT));

  @RegisterExtension
  static final InventoryDatabase.PerClass DATABASE = new InventoryDatabase.PerClass();

  @TempDir Path reports;

  @BeforeEach
  void useDatabase() {
    InventoryDatabase.providerDatabase = DATABASE.get().dataSource();
  }

  @Test
  void pactsGiveTheSameResultsInFileOrderAndReversed(
      @TempDir Path inFileOrder, @TempDir Path reversed) throws IOException, SQLException {
    // pact-jvm verifies a pact's interactions in file order, so each pact is written as it is and
    // with its interactions reversed: reservations then run before the reads they came after.
    for (Map.Entry<String, List<String>> pact : PACTS.entrySet()) {
      TestPacts.write(inFileOrder, pact.getKey(), pact.getValue());
      List<String> backwards = new ArrayList<>(pact.getValue());
      Collections.reverse(backwards);
      TestPacts.write(reversed, pact.getKey(), backwards);
    }
    List<String> databaseBefore = DATABASE.get().contents();

    Map<String, String> inOrder = verify(inFileOrder);
    Map<String, String> inReverse = verify(reversed);

    assertThat(inOrder).hasSize(9);
    assertThat(inOrder)
        .allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo("SUCCESSFUL"));
    assertThat(inReverse).isEqualTo(inOrder);
    // and the order really was different: each consumer's interactions ran back to front
    for (String consumer : PACTS.keySet()) {
      List<String> forwards = ofConsumer(inOrder, consumer);
      List<String> backwards = new ArrayList<>(ofConsumer(inReverse, consumer));
      Collections.reverse(backwards);
      assertThat(forwards).as(consumer).hasSizeGreaterThan(1).isEqualTo(backwards);
    }
    assertThat(DATABASE.get().contents())
        .as("the database after both runs")
        .isEqualTo(databaseBefore);
  }

  /** Each interaction's outcome in the order it ran: "SUCCESSFUL" or the failure's message. */
  private Map<String, String> verify(Path pacts) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (Event event :
        EngineRuns.run(
                InventoryPactTestCase.class,
                TestPacts.FOLDER_PROPERTY,
                pacts,
                Map.of(
                    "pactwire.reportsDir", reports.toString(), "pactwire.results.publish", "false"))
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
  }

  private static List<String> ofConsumer(Map<String, String> outcomes, String consumer) {
    return outcomes.keySet().stream().filter(name -> name.startsWith(consumer + " - ")).toList();
  }
}
