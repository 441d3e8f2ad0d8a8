package io.pactwire.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.testsupport.EngineRuns;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A provider team without a database: pact-jvm {@code @State} methods, and fixtures refused. */
class NoDatabaseTests {

  @TempDir Path pacts;
  @TempDir Path reports;

  private EngineExecutionResults verify(Class<?> testCase, List<String> interactions)
      throws IOException {
    TestPacts.write(pacts, interactions);
    return EngineRuns.run(
        testCase,
        TestPacts.FOLDER_PROPERTY,
        pacts,
        Map.of("pactwire.reportsDir", reports.toString(), "pactwire.results.publish", "false"));
  }

  @Test
  void stateMethodsSetUpEachStateInMemory() throws IOException {
    // the product exists only if the @State method ran, and is gone again after its teardown
    EngineExecutionResults results =
        verify(
            InMemoryStatesTestCase.class,
            List.of(TestPacts.PRODUCT_IN_MEMORY, TestPacts.UNKNOWN_PRODUCT));

    assertThat(EngineRuns.outcomes(results))
        .containsEntry("checkout-service - a request for a product kept in memory", "SUCCESSFUL")
        .containsEntry("checkout-service - a request for an unknown product", "SUCCESSFUL");
    assertThat(InMemoryProviderCase.provider.products).isEmpty();
  }

  @Test
  void withoutPactwireStatesPactJvmFailsAStateWithoutAMethod() throws IOException {
    EngineExecutionResults results =
        verify(InMemoryStatesTestCase.class, List.of(TestPacts.UNKNOWN_STATE));

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    // pact-jvm's error says "Provider state change callback failed"; its cause names the state
    StringWriter trace = new StringWriter();
    results.testEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .forEach(t -> t.printStackTrace(new PrintWriter(trace)));
    assertThat(trace.toString())
        .contains(
            "MissingStateChangeMethod: Did not find a test class method annotated with"
                + " @State(\"a warehouse is closed\")");
  }

  @Test
  void withPactwireStatesAStateMethodStillNeedsNoDatabase() throws IOException {
    EngineExecutionResults results =
        verify(FixtureWithoutDatabaseTestCase.class, List.of(TestPacts.PRODUCT_IN_MEMORY));

    assertThat(EngineRuns.outcomes(results).values()).containsExactly("SUCCESSFUL");
  }

  @Test
  void aFixtureWithoutStatesDataSourceFailsNamingTheFixtureAndWhatToAdd() throws IOException {
    // 'a product exists' has a fixture, src/test/resources/states/a product exists.sql
    EngineExecutionResults results =
        verify(FixtureWithoutDatabaseTestCase.class, List.of(TestPacts.PRODUCT));

    assertThat(EngineRuns.outcomes(results).get("checkout-service - a request for a product"))
        .startsWith(
            "fixture src/test/resources/states/a product exists.sql needs a database: give"
                + " FixtureWithoutDatabaseTestCase a field or method annotated @StatesDataSource"
                + " that returns a javax.sql.DataSource");
  }
}
