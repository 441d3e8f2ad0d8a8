package io.pactwire.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.testsupport.EngineRuns;
import io.pactwire.testsupport.Golden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Results and reports written by a verification with passing and failing interactions. */
class ReportsTests {

  @RegisterExtension
  static final InventoryDatabase.PerClass DATABASE = new InventoryDatabase.PerClass();

  @TempDir Path pacts;
  @TempDir Path work;
  private Path reports;
  private Path store;
  private Path summary;
  private Path pactFile;

  @BeforeEach
  void useDatabase() {
    InventoryDatabase.providerDatabase = DATABASE.get().dataSource();
    reports = work.resolve("target/pactwire");
    store = work.resolve("pacts");
    summary = work.resolve("step-summary.md");
  }

  /** A failing provider: one interaction passes, one mismatches, one has no state set-up. */
  private EngineExecutionResults verify(Map<String, String> extra) throws IOException {
    pactFile =
        TestPacts.write(
            pacts, List.of(TestPacts.RESERVATION, TestPacts.WRONG_PRICE, TestPacts.UNKNOWN_STATE));
    Map<String, String> config = new HashMap<>();
    config.put("pactwire.reportsDir", reports.toString());
    config.put("pactwire.pactsDir", store.toString());
    config.put("pactwire.stepSummary", summary.toString());
    config.put("pactwire.provider.version", "1.4.2");
    config.put("pactwire.provider.branch", "main");
    config.put("pactwire.results.publish", "false");
    config.putAll(extra);
    return EngineRuns.run(InventoryPactTestCase.class, TestPacts.FOLDER_PROPERTY, pacts, config);
  }

  private String normalised(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8)
        .replace(pacts.toString(), "{pacts}")
        .replaceAll("[0-9a-f]{64}", "{sha256}")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "{time}")
        .replaceAll("Date: \\w{3}, \\d\\d \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT", "Date: {date}");
  }

  @Nested
  class Results {

    @Test
    void recordTheVersionBranchPactHashAndEachInteraction() throws Exception {
      verify(Map.of());

      JsonNode results =
          new ObjectMapper().readTree(reports.resolve("results/inventory-service.json").toFile());
      assertThat(results.path("provider").asText()).isEqualTo("inventory-service");
      assertThat(results.path("providerVersion").asText()).isEqualTo("1.4.2");
      assertThat(results.path("branch").asText()).isEqualTo("main");
      assertThat(results.path("success").asBoolean()).isFalse();
      JsonNode pact = results.path("pacts").path(0);
      assertThat(pact.path("consumer").asText()).isEqualTo("checkout-service");
      assertThat(pact.path("pactSha256").asText()).isEqualTo(sha256(pactFile));
      assertThat(pact.path("interactions").findValuesAsText("description"))
          .containsExactly(
              "a request for a product at the old price",
              "a request in a state nobody wrote",
              "a reservation within stock");
      assertThat(pact.path("interactions").findValues("success"))
          .extracting(JsonNode::asBoolean)
          .containsExactly(false, false, true);
      Golden.assertMatches(
          "results-inventory-service.json",
          normalised(reports.resolve("results/inventory-service.json")));
    }

    @Test
    void aLocalBuildLeavesThePactsFolderAlone() throws IOException {
      verify(Map.of());

      assertThat(store).doesNotExist();
    }

    @Test
    void publishingRecordsOneFilePerProviderVersionInTheStore() throws Exception {
      verify(Map.of("pactwire.results.publish", "true"));
      verify(Map.of("pactwire.results.publish", "true", "pactwire.provider.version", "1.4.3"));

      Path first =
          onlyRecord(store.resolve("verifications/inventory-service/1.4.2/checkout-service"));
      Path second =
          onlyRecord(store.resolve("verifications/inventory-service/1.4.3/checkout-service"));
      assertThat(second).exists();
      JsonNode stored = new ObjectMapper().readTree(first.toFile());
      assertThat(stored.path("pactFile").asText())
          .isEqualTo("checkout-service-inventory-service.json");
      assertThat(stored.path("pactVersion").asText())
          .isEqualTo(io.pactwire.core.internal.store.PactVersions.of(pactFile));
      // the store keeps no temporary files or locks behind
      try (var files = Files.list(first.getParent())) {
        assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
            .isEmpty();
      }
    }

    private Path onlyRecord(Path dir) throws IOException {
      try (var files = Files.list(dir)) {
        List<Path> records = files.toList();
        assertThat(records).as("one verification record in " + dir).hasSize(1);
        return records.get(0);
      }
    }

    @Test
    void verifyingAgainMergesByInteractionInsteadOfDuplicating() throws IOException {
      verify(Map.of());
      verify(Map.of());

      JsonNode results =
          new ObjectMapper().readTree(reports.resolve("results/inventory-service.json").toFile());
      assertThat(results.path("pacts")).hasSize(1);
      assertThat(results.path("pacts").path(0).path("interactions")).hasSize(3);
    }
  }

  @Nested
  class Reports {

    @Test
    void junitXmlHasOneTestcasePerInteractionWithTheMismatchAsFailure() throws IOException {
      verify(Map.of());

      Golden.assertMatches(
          "inventory-service.xml", normalised(reports.resolve("inventory-service.xml")));
    }

    @Test
    void markdownSummarisesAndIsAppendedToTheStepSummary() throws IOException {
      Files.writeString(summary, "# Build\n\n");

      verify(Map.of());

      String markdown = normalised(reports.resolve("inventory-service.md"));
      Golden.assertMatches("inventory-service.md", markdown);
      assertThat(normalised(summary)).isEqualTo("# Build\n\n" + markdown + "\n");
    }

    @Test
    void htmlShowsRequestExpectedAndActualWithDifferencesHighlighted() throws IOException {
      verify(Map.of());

      String html = normalised(reports.resolve("inventory-service.html"));
      Golden.assertMatches("inventory-service.html", html);
      assertThat(html)
          .contains("<span class=\"del\">  &quot;price&quot; : 79.00,</span>\n")
          .contains("<span class=\"ins\">  &quot;price&quot; : 89.00,</span>\n")
          .doesNotContain("<span class=\"ins\">  &quot;name&quot;")
          .contains("<span class=\"pass\">1 passed</span>, <span class=\"fail\">2 failed</span>");
    }
  }

  @Nested
  class BuildOutput {

    @Test
    void keepsTheLinesInAFileForABuildThatSendsTestOutputElsewhere() throws IOException {
      PrintStream original = System.out;
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        verify(Map.of());
      } finally {
        System.setOut(original);
      }

      String printed = captured.toString(StandardCharsets.UTF_8);
      String kept =
          Files.readString(
              reports.resolve("console/" + InventoryPactTestCase.class.getName() + ".txt"));
      assertThat(kept)
          .startsWith("pact verification of inventory-service: 1 passed, 2 failed\n")
          .hasLineCount(4);
      assertThat(printed).contains(kept);
    }

    @Test
    void listsEachVerifiedInteractionOnOneLineWhenTheClassFinishes() throws IOException {
      PrintStream original = System.out;
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        verify(Map.of());
      } finally {
        System.setOut(original);
      }

      assertThat(captured.toString(StandardCharsets.UTF_8).lines())
          .containsSubsequence(
              "pact verification of inventory-service: 1 passed, 2 failed",
              "  FAILED:   checkout-service → inventory-service: a request for a product at the"
                  + " old price ['a product exists' {sku=SKU-1003, name=Grinder, price=89.00,"
                  + " stock=4}] — body $.price: Expected 89.00 (Decimal) to be equal to 79.00"
                  + " (Decimal)",
              "  FAILED:   checkout-service → inventory-service: a request in a state nobody wrote"
                  + " ['a warehouse is closed' {warehouse=north}] — no fixture for state 'a"
                  + " warehouse is closed': add states/a warehouse is closed.sql or a @State"
                  + " method (fixtures are read from src/test/resources/states/)",
              "  verified: checkout-service → inventory-service: a reservation within stock"
                  + " ['a product exists' {sku=SKU-1001, name=Espresso beans 1kg, price=24.90,"
                  + " stock=12}]");
    }
  }

  @Nested
  class Messages {

    @Test
    void aMismatchNamesPactConsumerProviderInteractionStatePathExpectedAndActual()
        throws IOException {
      EngineExecutionResults results = verify(Map.of());

      String message =
          EngineRuns.outcomes(results)
              .get("checkout-service - a request for a product at the old price");
      assertThat(message)
          .startsWith(
              "verifying 'a request for a product at the old price' failed with 1 difference")
          .contains("pact:        " + pactFile)
          .contains("consumer:    checkout-service")
          .contains("provider:    inventory-service")
          .contains("interaction: 'a request for a product at the old price'")
          .contains("state:       'a product exists' {sku=SKU-1003, name=Grinder, price=89.0")
          .contains("1) body $.price: ")
          .contains("expected: 79.00")
          .contains("actual:   89.00");
      assertThat(
              results.testEvents().failed().list().stream()
                  .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class))
                  .flatMap(java.util.Optional::stream)
                  .map(r -> r.getThrowable().orElseThrow())
                  .filter(t -> t instanceof org.opentest4j.AssertionFailedError)
                  .map(t -> (org.opentest4j.AssertionFailedError) t)
                  .filter(e -> e.isExpectedDefined() && e.isActualDefined()))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getExpected().getStringRepresentation())
                    .isEqualTo("body $.price: 79.00");
                assertThat(e.getActual().getStringRepresentation())
                    .isEqualTo("body $.price: 89.00");
              });
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
