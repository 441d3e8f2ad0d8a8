package io.pactwire.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.testsupport.EngineRuns;
import io.pactwire.testsupport.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A provider that breaks its consumer's contract fails verification, and says where: the
 * interaction, the JSON path, and the contract's value beside the provider's.
 */
class BrokenProviderTests {

  /** Answers {"stock": "12"} where the contract says a number. */
  private static final UnaryOperator<TinyInventoryProvider.Response> STOCK_AS_TEXT =
      products(body -> body.replaceAll("\"stock\":(\\d+)", "\"stock\":\"$1\""));

  /** Answers {"quantityOnHand": 12} where the contract says {"stock": 12}. */
  private static final UnaryOperator<TinyInventoryProvider.Response> STOCK_RENAMED =
      products(body -> body.replace("\"stock\":", "\"quantityOnHand\":"));

  @RegisterExtension
  static final InventoryDatabase.PerClass DATABASE = new InventoryDatabase.PerClass();

  @TempDir Path pacts;
  @TempDir Path reports;

  @BeforeEach
  void useDatabase() throws IOException {
    TestPacts.write(
        pacts,
        List.of(
            TestPacts.PRODUCT,
            TestPacts.UNKNOWN_PRODUCT,
            TestPacts.RESERVATION,
            TestPacts.LAST_ITEMS));
  }

  @AfterEach
  void correctAgain() {
    BrokenProviderTestCase.variant = UnaryOperator.identity();
  }

  private static UnaryOperator<TinyInventoryProvider.Response> products(
      UnaryOperator<String> change) {
    return r ->
        r.path().startsWith("/products/")
            ? new TinyInventoryProvider.Response(r.path(), r.status(), change.apply(r.body()))
            : r;
  }

  private Events verify(UnaryOperator<TinyInventoryProvider.Response> variant) {
    BrokenProviderTestCase.variant = variant;
    return EngineRuns.run(
            BrokenProviderTestCase.class,
            TestPacts.FOLDER_PROPERTY,
            pacts,
            // nothing into the results store that can-i-deploy reads, even in CI
            Map.of("pactwire.reportsDir", reports.toString(), "pactwire.results.publish", "false"))
        .testEvents();
  }

  private static Throwable failureOf(Event event) {
    return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }

  @Test
  void theCorrectProviderPassesTheSamePacts() {
    verify(UnaryOperator.identity())
        .assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
  }

  @Nested
  class ARenamedField {

    @Test
    void failsWithThePathOfTheMissingFieldAndNothingElse() throws IOException {
      Events tests = verify(STOCK_RENAMED);

      tests.assertStatistics(stats -> stats.started(4).failed(1).succeeded(3));
      Event failed = tests.failed().list().get(0);
      assertThat(failed.getTestDescriptor().getDisplayName()).contains("a request for a product");
      Throwable failure = failureOf(failed);
      // The whole failure is the message below: no pact-jvm error as its cause, whose text diff
      // of both bodies (in their own key orders) would mark unchanged fields as changed.
      assertThat(failure.getCause()).isNull();
      assertThat(failure.getSuppressed()).isEmpty();
      Golden.assertMatches(
          "renamed-field-failure.txt",
          failure.getMessage().replace(pacts.toString(), "{pacts}") + "\n");
    }

    @Test
    void givesIdesTheContractsValueBesideTheProviders() {
      Events tests = verify(STOCK_RENAMED);

      AssertionFailedError failure = (AssertionFailedError) failureOf(tests.failed().list().get(0));
      assertThat(failure.getExpected().getStringRepresentation()).isEqualTo("body $.stock: 12");
      assertThat(failure.getActual().getStringRepresentation()).isEqualTo("body $.stock: (absent)");
    }
  }

  @Test
  void aChangedFieldTypeFailsWithItsPathAndValues() {
    Events tests = verify(STOCK_AS_TEXT);

    tests.assertStatistics(stats -> stats.started(4).failed(1).succeeded(3));
    Event failed = tests.failed().list().get(0);
    assertThat(failed.getTestDescriptor().getDisplayName()).contains("a request for a product");
    // pact-jvm's wording depends on the contract's matcher (integer or type); the path does not.
    assertThat(failureOf(failed).getMessage())
        .contains("1) body $.stock: Expected '12' (String) to be")
        .contains("expected: 12")
        .contains("actual:   \"12\"");
  }

  @Test
  void aChangedStatusFailsWithExpectedAndActual() {
    // The variant answers 200 where the contract says 201 Created.
    Events tests =
        verify(
            r ->
                r.status() == 201
                    ? new TinyInventoryProvider.Response(r.path(), 200, r.body())
                    : r);

    tests.assertStatistics(stats -> stats.started(4).failed(2).succeeded(2));
    assertThat(tests.failed().list())
        .extracting(e -> e.getTestDescriptor().getDisplayName())
        .allSatisfy(name -> assertThat(name).contains("a reservation"));
    assertThat(failureOf(tests.failed().list().get(0)).getMessage())
        .contains("1) status: expected status of 201 but was 200")
        .contains("expected: 201")
        .contains("actual:   200");
  }

  @Test
  void theFailureAppearsInTheReportsNamingTheInteractionAndThePath() throws Exception {
    verify(STOCK_AS_TEXT).assertStatistics(stats -> stats.started(4).failed(1).succeeded(3));

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
            "a reservation of the last items",
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
        .containsEntry("a reservation of the last items", "passed")
        .containsEntry("a reservation within stock", "passed");

    // Markdown, as a pull request's step summary shows it.
    assertThat(Files.readString(reports.resolve("inventory-service.md"), StandardCharsets.UTF_8))
        .contains("| checkout-service | a request for a product |")
        .contains("<summary>checkout-service: a request for a product</summary>")
        .contains("1) body $.stock: Expected '12' (String)");
  }
}
