package io.pactwire.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.testsupport.EngineRuns;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** State fixtures applied by a real pact-jvm verification to a real PostgreSQL. */
class StateFixturesTests {

  @RegisterExtension
  static final InventoryDatabase.PerClass DATABASE = new InventoryDatabase.PerClass();

  @TempDir Path pacts;
  @TempDir Path reports;
  private List<String> before;

  @BeforeEach
  void useDatabase() throws SQLException {
    InventoryDatabase.providerDatabase = DATABASE.get().dataSource();
    before = DATABASE.get().contents();
  }

  @AfterEach
  void databaseIsAsBefore() throws SQLException {
    // Every case, passing or failing, leaves the database exactly as it found it.
    assertThat(DATABASE.get().contents()).isEqualTo(before);
  }

  private EngineExecutionResults verify(List<String> interactions) throws IOException {
    TestPacts.write(pacts, interactions);
    return EngineRuns.run(
        InventoryPactTestCase.class,
        TestPacts.FOLDER_PROPERTY,
        pacts,
        Map.of("pactwire.reportsDir", reports.toString()));
  }

  @Nested
  class Applying {

    @Test
    void sqlJsonAndYamlFixturesAndStateMethodsSetUpEveryState() throws IOException {
      EngineExecutionResults results = verify(TestPacts.PASSING);

      assertThat(EngineRuns.outcomes(results))
          .containsOnlyKeys(
              "checkout-service - a request for a product",
              "checkout-service - a reservation within stock",
              "checkout-service - a request for an unknown product",
              "checkout-service - a reservation of the last items",
              "checkout-service - a request for a product with reservations",
              "checkout-service - a request for a discontinued product")
          .allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo("SUCCESSFUL"));
    }

    @Test
    void aProviderMismatchFailsOnlyItsInteraction() throws IOException {
      EngineExecutionResults results = verify(List.of(TestPacts.PRODUCT, TestPacts.WRONG_PRICE));

      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
      assertThat(EngineRuns.outcomes(results))
          .hasEntrySatisfying(
              "checkout-service - a request for a product at the old price",
              outcome -> assertThat(outcome).contains("price"));
    }
  }

  @Nested
  class Order {

    private final List<String> interactions = new ArrayList<>(TestPacts.PASSING);

    {
      interactions.add(TestPacts.WRONG_PRICE);
    }

    @Test
    void reverseAndRandomOrdersGiveTheSameResults() throws IOException {
      // pact-jvm verifies interactions in the order of the pact file, so the file is rewritten in
      // each order. Interactions that change the database (reservations) come before and after
      // ones that read it: only a complete teardown makes the results independent of order.
      Map<String, String> inFileOrder = EngineRuns.outcomes(verify(interactions));

      List<String> reversed = new ArrayList<>(interactions);
      Collections.reverse(reversed);
      Map<String, String> inReverse = EngineRuns.outcomes(verify(reversed));

      long seed = new Random().nextLong();
      List<String> shuffled = new ArrayList<>(interactions);
      Collections.shuffle(shuffled, new Random(seed));
      Map<String, String> shuffledOutcomes = EngineRuns.outcomes(verify(shuffled));

      assertThat(inFileOrder).hasSize(7);
      assertThat(inFileOrder.values()).filteredOn("SUCCESSFUL"::equals).hasSize(6);
      assertThat(inReverse).isEqualTo(inFileOrder);
      assertThat(shuffledOutcomes).as("shuffled with seed %d", seed).isEqualTo(inFileOrder);
    }
  }

  @Nested
  class Failing {

    @Test
    void aStateWithNeitherFixtureNorStateMethodFailsItsInteraction() throws IOException {
      EngineExecutionResults results = verify(List.of(TestPacts.UNKNOWN_STATE, TestPacts.PRODUCT));

      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
      assertThat(
              EngineRuns.outcomes(results)
                  .get("checkout-service - a request in a state nobody wrote"))
          .startsWith(
              "no fixture for state 'a warehouse is closed': add states/a warehouse is closed.sql"
                  + " or a @State method")
          .contains("checkout-service-inventory-service.json")
          .contains("consumer:    checkout-service")
          .contains("provider:    inventory-service")
          .contains("interaction: 'a request in a state nobody wrote'")
          .contains("state:       'a warehouse is closed' {warehouse=north}");
    }

    @Test
    void aBrokenFixtureNamesTheFileTheLineAndTheDatabaseError() throws IOException {
      EngineExecutionResults results = verify(List.of(TestPacts.BROKEN_FIXTURE));

      results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
      assertThat(EngineRuns.outcomes(results).values().iterator().next())
          .startsWith(
              "fixture src/test/resources/states/a broken fixture.sql:5 for state 'a broken"
                  + " fixture' failed: ERROR: relation \"productz\" does not exist")
          .contains("interaction: 'a request in a state whose fixture is broken'");
    }

    @Test
    void aBrokenRowsFixtureNamesTheRowsLineAndRollsBackTheRowsBefore() throws IOException {
      EngineExecutionResults results = verify(List.of(TestPacts.BROKEN_ROWS));

      results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
      assertThat(EngineRuns.outcomes(results).values().iterator().next())
          .startsWith(
              "fixture src/test/resources/states/a broken rows fixture.json:4 for state 'a broken"
                  + " rows fixture' failed: ERROR: column \"colour\" of relation \"products\" does"
                  + " not exist");
      // the @AfterEach check shows the first row, inserted before the failure, is gone too
    }

    @Test
    void aParameterTheStateDoesNotHaveIsNamedWithTheParamsItHas() throws IOException {
      EngineExecutionResults results = verify(List.of(TestPacts.TYPO_FIXTURE));

      results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
      assertThat(EngineRuns.outcomes(results).values().iterator().next())
          .startsWith(
              "fixture src/test/resources/states/a fixture with a typo.sql:3 for state 'a fixture"
                  + " with a typo' failed: parameter :skuu is not a param of the state; it has"
                  + " [sku]");
    }

    @Test
    void anUnreachableDatabaseFailsWithTheFixtureAndTheConnectionError() throws IOException {
      InventoryDatabase.current = InventoryDatabase.unreachable();

      EngineExecutionResults results = verify(List.of(TestPacts.PRODUCT));

      results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
      assertThat(EngineRuns.outcomes(results).values().iterator().next())
          .startsWith(
              "fixture src/test/resources/states/a product exists.sql cannot be applied: cannot"
                  + " connect to the database: ")
          .contains("Connection to localhost:")
          .contains("refused")
          .contains("interaction: 'a request for a product'");
    }
  }
}
