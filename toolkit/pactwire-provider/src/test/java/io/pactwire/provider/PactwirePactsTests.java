package io.pactwire.provider;

import static io.pactwire.testsupport.EngineRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.core.PactsDirectory;
import io.pactwire.provider.loader.NamedFolderTestCases;
import io.pactwire.provider.loader.StockServiceTestCase;
import io.pactwire.testsupport.EngineRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Events;

class PactwirePactsTests {

  private static final String STOCK_PACT =
      """
      {
        "consumer": {"name": "catalog-indexer"},
        "provider": {"name": "%s"},
        "interactions": [
          {
            "type": "Asynchronous/Messages",
            "key": "stock-changed",
            "description": "a StockChanged event",
            "contents": {
              "content": {"sku": "SKU-1001", "available": 10},
              "contentType": "application/json",
              "encoded": false
            },
            "metadata": {"contentType": "application/json"}
          }
        ],
        "metadata": {"pactSpecification": {"version": "4.0"}}
      }
      """;

  @TempDir Path pacts;

  private String savedProperty;

  @BeforeEach
  void pointAtTempDir() {
    savedProperty = System.getProperty(PactsDirectory.PROPERTY);
    System.setProperty(PactsDirectory.PROPERTY, pacts.toString());
  }

  @AfterEach
  void restoreProperty() {
    if (savedProperty == null) {
      System.clearProperty(PactsDirectory.PROPERTY);
    } else {
      System.setProperty(PactsDirectory.PROPERTY, savedProperty);
    }
  }

  @Nested
  class WhenTheProviderHasPacts {

    @Test
    void verifiesEachInteractionAsOneTest() throws IOException {
      write("catalog-indexer-stock-service.json", STOCK_PACT.formatted("stock-service"));

      Events tests = run(StockServiceTestCase.class).testEvents();

      tests.assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    @Test
    void leavesOtherProvidersPactsAlone() throws IOException {
      write("catalog-indexer-stock-service.json", STOCK_PACT.formatted("stock-service"));
      write("catalog-indexer-pricing.json", STOCK_PACT.formatted("pricing"));
      write("checkout-pricing.json", STOCK_PACT.formatted("pricing"));

      run(StockServiceTestCase.class)
          .testEvents()
          .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void failsAnInteractionTheProviderBreaks() throws IOException {
      write(
          "catalog-indexer-stock-service.json",
          STOCK_PACT.formatted("stock-service").replace("\"available\": 10", "\"available\": 9"));

      Events tests = run(StockServiceTestCase.class).testEvents();

      tests.assertStatistics(stats -> stats.started(1).failed(1));
      assertThat(failureMessage(tests)).contains("a StockChanged event").contains("$.available");
    }
  }

  @Nested
  class WhenTheProviderHasNoPact {

    @Test
    void failsNamingTheFolderAndProviderWhenTheFolderIsEmpty() {
      EngineExecutionResults results = run(StockServiceTestCase.class);
      Events containers = results.containerEvents();

      assertNoTestsAndOneFailure(results);
      assertThat(failureMessage(containers))
          .contains("No pacts for provider 'stock-service' in " + pacts.toAbsolutePath())
          .contains("the folder holds no *.json file");
    }

    @Test
    void failsNamingTheProvidersItDidFind() throws IOException {
      write("catalog-indexer-pricing.json", STOCK_PACT.formatted("pricing"));
      Files.writeString(pacts.resolve("notes.txt"), "not a pact");

      Events containers = run(StockServiceTestCase.class).containerEvents();

      assertThat(failureMessage(containers))
          .contains("No pacts for provider 'stock-service' in " + pacts.toAbsolutePath())
          .contains("1 *.json file(s), with pacts for [pricing] only");
    }

    @Test
    void failsNamingTheFolderWhenItDoesNotExist() {
      Path missing = pacts.resolve("never-written");
      System.setProperty(PactsDirectory.PROPERTY, missing.toString());

      EngineExecutionResults results = run(StockServiceTestCase.class);
      Events containers = results.containerEvents();

      assertNoTestsAndOneFailure(results);
      assertThat(failureMessage(containers))
          .contains("No pacts for provider 'stock-service'")
          .contains("the pacts folder " + missing.toAbsolutePath() + " does not exist");
    }
  }

  @Nested
  class WhenTheClassNamesAFolder {

    @Test
    void readsARelativeFolderAgainstTheWorkingDirectory() {
      // src/test/resources/contracts holds a pact for stock-service; the pacts property is empty
      EngineExecutionResults results = run(NamedFolderTestCases.Relative.class);

      results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void takesTheFolderFromASystemProperty() throws IOException {
      write("catalog-indexer-stock-service.json", STOCK_PACT.formatted("stock-service"));

      EngineExecutionResults results =
          EngineRuns.run(
              NamedFolderTestCases.FromAProperty.class,
              NamedFolderTestCases.FOLDER_PROPERTY,
              pacts);

      results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aFolderThatDoesNotExistFailsNamingItAndTheAnnotation() {
      EngineExecutionResults results = run(NamedFolderTestCases.Missing.class);

      assertNoTestsAndOneFailure(results);
      assertThat(failureMessage(results.containerEvents()))
          .isEqualTo(
              "No pacts for provider 'stock-service': the folder "
                  + Path.of("../no-such-contracts").toAbsolutePath().normalize()
                  + ", named by @PactwirePacts(\"../no-such-contracts\"), does not exist (a"
                  + " relative folder is resolved against the working directory, "
                  + Path.of("").toAbsolutePath()
                  + ").");
    }

    @Test
    void aFolderWithoutAPactForTheProviderFailsNamingIt() throws IOException {
      write("catalog-indexer-pricing.json", STOCK_PACT.formatted("pricing"));

      EngineExecutionResults results =
          EngineRuns.run(
              NamedFolderTestCases.FromAProperty.class,
              NamedFolderTestCases.FOLDER_PROPERTY,
              pacts);

      assertNoTestsAndOneFailure(results);
      assertThat(failureMessage(results.containerEvents()))
          .contains(
              "No pacts for provider 'stock-service' in "
                  + pacts.toAbsolutePath()
                  + " (named by @PactwirePacts(\"${sys:"
                  + NamedFolderTestCases.FOLDER_PROPERTY
                  + "}\")): 1 *.json file(s), with pacts for [pricing] only");
    }

    @Test
    void anUnsetPropertyFailsNamingIt() {
      EngineExecutionResults results = run(NamedFolderTestCases.FromAProperty.class);

      assertThat(failureMessage(results.containerEvents()))
          .isEqualTo(
              "No pacts for provider 'stock-service': system property "
                  + NamedFolderTestCases.FOLDER_PROPERTY
                  + " is not set: it gives the value of @PactwirePacts(\"${sys:"
                  + NamedFolderTestCases.FOLDER_PROPERTY
                  + "}\")");
    }

    @Test
    void aUrlIsRefusedNamingTheBrokerAttribute() {
      EngineExecutionResults results = run(NamedFolderTestCases.Url.class);

      assertNoTestsAndOneFailure(results);
      assertThat(failureMessage(results.containerEvents()))
          .isEqualTo(
              "No pacts for provider 'stock-service': @PactwirePacts(\"https://contracts.example.com/pacts\")"
                  + " names a URL; the value is a folder: name a Pact Broker with"
                  + " @PactwirePacts(broker = \"https://contracts.example.com/pacts\")");
    }
  }

  @Nested
  class WhenAPactFileIsBroken {

    @Test
    void failsNamingTheFileLineAndColumn() throws IOException {
      write(
          "catalog-indexer-stock-service.json", "{\n  \"consumer\": {\"name\": \"x\"},\n  oops\n}");

      Events containers = run(StockServiceTestCase.class).containerEvents();

      assertThat(failureMessage(containers))
          .contains(pacts.resolve("catalog-indexer-stock-service.json").toString() + ":3:")
          .contains("malformed JSON");
    }
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(pacts.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static void assertNoTestsAndOneFailure(EngineExecutionResults results) {
    results.testEvents().assertStatistics(stats -> stats.started(0));
    results.containerEvents().assertStatistics(stats -> stats.failed(1));
  }

  private static String failureMessage(Events events) {
    return events.failed().stream()
        .map(
            event ->
                event
                    .getRequiredPayload(TestExecutionResult.class)
                    .getThrowable()
                    .map(Throwable::getMessage)
                    .orElse(""))
        .reduce("", (a, b) -> a + b);
  }
}
