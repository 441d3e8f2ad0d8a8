package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.consumer.testcases.PruningNeighbourTestCase;
import io.pactwire.consumer.testcases.PruningTestCase;
import io.pactwire.core.PactsDirectory;
import io.pactwire.testsupport.EngineRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A pact holds what the consumer's tests send: a class that ran completely takes out what it no
 * longer records, a merge takes out what tests that are gone recorded, and a partial run only adds
 * and replaces.
 */
class PruningTests {

  private static final String PRUNING = PruningTestCase.class.getName();
  private static final String ORDERS = PruningTestCase.class.getName() + "$Orders";
  private static final String NEIGHBOUR = PruningNeighbourTestCase.class.getName();

  @TempDir Path pacts;

  private Path pact() {
    return pacts.resolve("checkout-service-pruning-service.json");
  }

  /** Runs the selected tests with pacts in the temporary folder and these switches. */
  private EngineExecutionResults run(Map<String, String> switches, DiscoverySelector... selected) {
    // EngineRuns' runs set the same property, under the same lock.
    synchronized (EngineRuns.class) {
      String previous = System.getProperty(PactsDirectory.PROPERTY);
      System.setProperty(PactsDirectory.PROPERTY, pacts.toString());
      try {
        return EngineTestKit.engine("junit-jupiter")
            .selectors(selected)
            .configurationParameters(switches)
            .execute();
      } finally {
        if (previous == null) {
          System.clearProperty(PactsDirectory.PROPERTY);
        } else {
          System.setProperty(PactsDirectory.PROPERTY, previous);
        }
      }
    }
  }

  private EngineExecutionResults runAll(Class<?> testCase, String variant) {
    return run(Map.of("example.variant", variant), selectClass(testCase));
  }

  /** The pact's interactions, in file order: description, then the test that recorded it. */
  private List<String> interactions() throws IOException {
    List<String> lines = new ArrayList<>();
    for (JsonNode interaction : new ObjectMapper().readTree(pact().toFile()).get("interactions")) {
      JsonNode testName = interaction.path("comments").path("testname");
      lines.add(
          interaction.get("description").asText()
              + " <- "
              + (testName.isMissingNode() ? "(no test name)" : testName.asText()));
    }
    return lines;
  }

  /** Changes the pact as an earlier version of the tests, or a person, would have left it. */
  private void edit(java.util.function.Consumer<Map<String, ObjectNode>> change)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode pact = (ObjectNode) json.readTree(pact().toFile());
    Map<String, ObjectNode> byDescription = new HashMap<>();
    pact.get("interactions")
        .forEach(i -> byDescription.put(i.get("description").asText(), (ObjectNode) i));
    change.accept(byDescription);
    Files.writeString(pact(), json.writerWithDefaultPrettyPrinter().writeValueAsString(pact));
  }

  private static void attribute(ObjectNode interaction, String testName) {
    ((ObjectNode) interaction.get("comments")).put("testname", testName);
  }

  @Nested
  class AClassThatRanCompletely {

    @Test
    void takesOutWhatItsTestsNoLongerRecord() throws IOException {
      runAll(PruningTestCase.class, "v1");
      assertThat(interactions())
          .containsExactly(
              "a request for a product <- " + PRUNING + "#readsAProduct",
              "a request for an order v1 <- " + ORDERS + "#readOne",
              "a request for stock v1 <- " + PRUNING + "#readsStock");

      EngineExecutionResults results = runAll(PruningTestCase.class, "v2");

      results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
      results.containerEvents().assertStatistics(stats -> stats.failed(0));
      assertThat(interactions())
          .containsExactly(
              "a request for a product <- " + PRUNING + "#readsAProduct",
              "a request for an order v2 <- " + ORDERS + "#readOne",
              "a request for stock v2 <- " + PRUNING + "#readsStock");
    }

    @Test
    void leavesThePactByteIdenticalWhenNothingChanged() throws IOException {
      runAll(PruningTestCase.class, "v1");
      byte[] first = Files.readAllBytes(pact());

      runAll(PruningTestCase.class, "v1");

      assertThat(Files.readAllBytes(pact())).isEqualTo(first);
    }

    @Test
    void neverTakesOutAnInteractionWithoutATestName() throws IOException {
      runAll(PruningTestCase.class, "v1");
      // As an older version, or a person, wrote it.
      edit(interactions -> interactions.get("a request for stock v1").remove("comments"));

      runAll(PruningTestCase.class, "v2");

      assertThat(interactions())
          .containsExactly(
              "a request for a product <- " + PRUNING + "#readsAProduct",
              "a request for an order v2 <- " + ORDERS + "#readOne",
              "a request for stock v1 <- (no test name)",
              "a request for stock v2 <- " + PRUNING + "#readsStock");
    }
  }

  @Nested
  class APartialRun {

    @Test
    void ofOneMethodOnlyAddsAndReplaces() throws IOException {
      runAll(PruningTestCase.class, "v1");

      EngineExecutionResults results =
          run(
              Map.of("example.variant", "v2"),
              selectMethod(PruningTestCase.class, "readsStock", PruningRuns.STOCK_PARAMETERS));

      results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
      assertThat(interactions())
          .containsExactly(
              "a request for a product <- " + PRUNING + "#readsAProduct",
              "a request for an order v1 <- " + ORDERS + "#readOne",
              "a request for stock v1 <- " + PRUNING + "#readsStock",
              "a request for stock v2 <- " + PRUNING + "#readsStock");
    }

    @Test
    void withADisabledTestTakesOutNothingOfItsClass() throws IOException {
      runAll(PruningTestCase.class, "v1");

      EngineExecutionResults results =
          run(
              Map.of("example.variant", "v2", "example.skip", "readsAProduct"),
              selectClass(PruningTestCase.class));

      results.testEvents().assertStatistics(stats -> stats.skipped(1).started(2).succeeded(2));
      // The nested class ran completely: its own old interaction goes.
      assertThat(interactions())
          .containsExactly(
              "a request for a product <- " + PRUNING + "#readsAProduct",
              "a request for an order v2 <- " + ORDERS + "#readOne",
              "a request for stock v1 <- " + PRUNING + "#readsStock",
              "a request for stock v2 <- " + PRUNING + "#readsStock");
    }

    @Test
    void withAFailingTestTakesOutNothingOfItsClass() throws IOException {
      runAll(PruningNeighbourTestCase.class, "v1");

      EngineExecutionResults results =
          run(
              Map.of("example.variant", "v2", "example.fail", "readsAnInvoice"),
              selectClass(PruningNeighbourTestCase.class));

      results.testEvents().assertStatistics(stats -> stats.started(2).failed(1));
      assertThat(interactions())
          .containsExactly(
              "a request for a payment v1 <- " + NEIGHBOUR + "#readsAPayment",
              "a request for a payment v2 <- " + NEIGHBOUR + "#readsAPayment",
              "a request for an invoice <- " + NEIGHBOUR + "#readsAnInvoice");
    }
  }

  @Nested
  class TestsThatAreGone {

    @Test
    void aRenamedTestReplacesItsOwnInteractionWithoutAConflict() throws IOException {
      runAll(PruningTestCase.class, "v1");
      // Recorded, with other content, by the test under its old name.
      edit(
          interactions -> {
            ObjectNode product = interactions.get("a request for a product");
            attribute(product, PRUNING + "#readsAProductUnderItsOldName");
            ((ObjectNode) product.at("/response/body")).put("content", "{\"title\": \"x\"}");
          });

      EngineExecutionResults results =
          run(Map.of(), selectMethod(PruningTestCase.class, "readsAProduct", PruningRuns.WM));

      results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
      results.containerEvents().assertStatistics(stats -> stats.failed(0));
      assertThat(interactions())
          .contains("a request for a product <- " + PRUNING + "#readsAProduct");
      assertThat(Files.readString(pact())).contains("Espresso beans 1kg").doesNotContain("title");
    }

    @Test
    void areTakenOutAtTheNextMergeWhenTheirPackageIsOurs() throws IOException {
      runAll(PruningTestCase.class, "v1");
      edit(
          interactions -> {
            // A deleted class, in a package of these test classes.
            attribute(
                interactions.get("a request for a product"),
                "io.pactwire.consumer.testcases.DeletedTestCase#readsAProduct");
            // A class of another build writing the same pact: its package is not ours.
            attribute(
                interactions.get("a request for stock v1"),
                "com.example.elsewhere.StockClientTests#readsStock");
            // A deleted method of a class that is still there.
            attribute(interactions.get("a request for an order v1"), ORDERS + "#readTwo");
          });

      // A partial run of another class merges into the pact.
      run(
          Map.of(),
          selectMethod(PruningNeighbourTestCase.class, "readsAPayment", "java.lang.String"));

      assertThat(interactions())
          .containsExactly(
              "a request for a payment v1 <- " + NEIGHBOUR + "#readsAPayment",
              "a request for stock v1 <- com.example.elsewhere.StockClientTests#readsStock");
    }
  }

  @Nested
  class TwoClassesWritingOnePact {

    @Test
    void eachTakeOutOnlyTheirOwnInteractions() throws IOException {
      runAll(PruningTestCase.class, "v1");
      runAll(PruningNeighbourTestCase.class, "v1");

      runAll(PruningNeighbourTestCase.class, "v2");

      assertThat(interactions())
          .containsExactly(
              "a request for a payment v2 <- " + NEIGHBOUR + "#readsAPayment",
              "a request for a product <- " + PRUNING + "#readsAProduct",
              "a request for an invoice <- " + NEIGHBOUR + "#readsAnInvoice",
              "a request for an order v1 <- " + ORDERS + "#readOne",
              "a request for stock v1 <- " + PRUNING + "#readsStock");

      runAll(PruningTestCase.class, "v2");

      assertThat(interactions())
          .containsExactly(
              "a request for a payment v2 <- " + NEIGHBOUR + "#readsAPayment",
              "a request for a product <- " + PRUNING + "#readsAProduct",
              "a request for an invoice <- " + NEIGHBOUR + "#readsAnInvoice",
              "a request for an order v2 <- " + ORDERS + "#readOne",
              "a request for stock v2 <- " + PRUNING + "#readsStock");
    }
  }

  /** Parameter types of the example tests, for method selectors. */
  private static final class PruningRuns {
    static final String WM = PactwireRuntimeInfo.class.getName();
    static final String STOCK_PARAMETERS = WM + ",java.lang.String";
  }
}
