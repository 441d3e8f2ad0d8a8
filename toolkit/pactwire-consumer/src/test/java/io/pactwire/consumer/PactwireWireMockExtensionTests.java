package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.pactwire.consumer.testcases.ConflictingTestCase;
import io.pactwire.consumer.testcases.InventoryClientTestCase;
import io.pactwire.consumer.testcases.UnmatchedRequestTestCase;
import io.pactwire.core.PactFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

class PactwireWireMockExtensionTests {

  @TempDir Path pacts;

  /**
   * Compares a file byte for byte with src/test/resources/golden/{@code name}; on a difference the
   * actual file is kept in target/golden-actual/ for review.
   */
  static void assertMatchesGolden(Path actual, String name) throws IOException {
    byte[] bytes = Files.readAllBytes(actual);
    Path review = Path.of("target", "golden-actual", name);
    Files.createDirectories(review.getParent());
    Files.write(review, bytes);
    try (InputStream in =
        PactwireWireMockExtensionTests.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden file %s (actual output in %s)", name, review).isNotNull();
      assertThat(new String(bytes, StandardCharsets.UTF_8))
          .as("%s against golden/%s", actual.getFileName(), name)
          .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Nested
  class Capture {

    @Test
    void writesThePactOfAStubbedSuiteAsTheGoldenFile() throws IOException {
      EngineExecutionResults results = ExampleRuns.run(InventoryClientTestCase.class, pacts);

      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
      Path pact = pacts.resolve("checkout-service-inventory-service.json");
      assertMatchesGolden(pact, "checkout-service-inventory-service.json");
    }

    @Test
    void writesAPactThatPactJvmLoads() {
      ExampleRuns.run(InventoryClientTestCase.class, pacts);

      var pact = PactFiles.read(pacts.resolve("checkout-service-inventory-service.json"));
      assertThat(pact.getInteractions())
          .extracting(i -> i.getDescription())
          .containsExactly("a request for a product", "a reservation within stock");
    }

    @Test
    void leavesTheFileByteIdenticalWhenTheSuiteRunsAgain() throws IOException {
      ExampleRuns.run(InventoryClientTestCase.class, pacts);
      Path pact = pacts.resolve("checkout-service-inventory-service.json");
      byte[] first = Files.readAllBytes(pact);
      long modified = Files.getLastModifiedTime(pact).toMillis();

      EngineExecutionResults again = ExampleRuns.run(InventoryClientTestCase.class, pacts);

      again.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
      assertThat(Files.readAllBytes(pact)).isEqualTo(first);
      assertThat(Files.getLastModifiedTime(pact).toMillis()).isEqualTo(modified);
    }
  }

  @Nested
  class UnmatchedRequests {

    @Test
    void failTheTestWithWireMocksNearMissReportAndAreNotRecorded() throws IOException {
      EngineExecutionResults results = ExampleRuns.run(UnmatchedRequestTestCase.class, pacts);

      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
      results
          .testEvents()
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  test("callsAPathNoStubServes"),
                  finishedWithFailure(message(m -> m.contains("/prodcuts/SKU-1001")))));
      String pact = Files.readString(pacts.resolve("checkout-service-unmatched-service.json"));
      assertThat(pact)
          .contains("\"/health\"")
          .doesNotContain("prodcuts")
          .doesNotContain("/products/");
    }
  }

  @Nested
  class Conflicts {

    @Test
    void failTheLaterTestNamingBothTests() {
      EngineExecutionResults results = ExampleRuns.run(ConflictingTestCase.class, pacts);

      results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
      String first = ConflictingTestCase.class.getName() + "#expectsAName";
      String second = ConflictingTestCase.class.getName() + "#expectsATitle";
      results
          .testEvents()
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  test("expectsATitle"),
                  finishedWithFailure(
                      instanceOf(AssertionFailedError.class),
                      message(
                          m ->
                              m.startsWith(
                                      "conflicting interaction 'a request for a product' given 'a product exists' in ")
                                  && m.contains("recorded by " + first)
                                  && m.contains("by " + second)))));
    }

    @Test
    void showTheRecordedAndTheNewInteractionAsExpectedAndActual() {
      EngineExecutionResults results = ExampleRuns.run(ConflictingTestCase.class, pacts);

      AssertionFailedError failure =
          (AssertionFailedError)
              results.testEvents().failed().stream()
                  .findFirst()
                  .orElseThrow()
                  .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                  .getThrowable()
                  .orElseThrow();
      assertThat(failure.getExpected().getStringRepresentation()).contains("\"name\"");
      assertThat(failure.getActual().getStringRepresentation()).contains("\"title\"");
    }
  }
}
