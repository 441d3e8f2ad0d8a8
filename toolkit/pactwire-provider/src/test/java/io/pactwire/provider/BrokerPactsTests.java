package io.pactwire.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.broker.BrokerStandIn;
import io.pactwire.testsupport.EngineRuns;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * {@code @PactwirePacts(broker = ...)} through EngineTestKit: the Broker's pacts for verification
 * are fetched with the class's selectors, verified, and the results published back to the Broker.
 * Surefire gives the process {@code PACT_BROKER_TOKEN}, a planted secret no message may show.
 */
class BrokerPactsTests {

  static final String TOKEN = "planted-provider-broker-token-e41b";

  BrokerStandIn broker;
  @TempDir Path work;

  @BeforeEach
  void start() {
    assertThat(System.getenv("PACT_BROKER_TOKEN")).isEqualTo(TOKEN);
    broker = BrokerStandIn.withToken(TOKEN);
    BrokerPactsTestCase.status = 200;
  }

  @AfterEach
  void stop() {
    broker.close();
    System.clearProperty(BrokerPactsTestCase.BROKER_PROPERTY);
    BrokerPactsTestCase.status = 200;
  }

  private EngineExecutionResults verify(String brokerUrl, boolean publish) {
    return verify(BrokerPactsTestCase.class, brokerUrl, publish, "main");
  }

  private EngineExecutionResults verify(
      Class<?> testCase, String brokerUrl, boolean publish, String branch) {
    System.setProperty(BrokerPactsTestCase.BROKER_PROPERTY, brokerUrl);
    Map<String, String> parameters = new HashMap<>();
    parameters.put("pactwire.reportsDir", work.resolve("reports").toString());
    parameters.put("pactwire.pactsDir", work.resolve("pacts").toString());
    parameters.put("pactwire.provider.version", "2.1.0");
    parameters.put("pactwire.provider.branch", branch);
    parameters.put("pactwire.results.publish", String.valueOf(publish));
    return EngineRuns.run(testCase, parameters);
  }

  /** The one failure that failed the test class itself, as JUnit reports it. */
  private static Throwable classFailure(EngineExecutionResults results) {
    return results.containerEvents().failed().stream()
        .map(Event::getPayload)
        .flatMap(p -> p.stream())
        .filter(p -> p instanceof org.junit.platform.engine.TestExecutionResult)
        .map(p -> ((org.junit.platform.engine.TestExecutionResult) p).getThrowable())
        .flatMap(t -> t.stream())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void fetchesThePactsWithTheSelectorsAndPublishesTheResultsToTheBroker() {
    EngineExecutionResults results = verify(broker.url(), true);

    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    JsonNode request =
        broker.posted("/hal/pacts/provider/inventory-service/for-verification").get(0);
    assertThat(request.path("consumerVersionSelectors").toString())
        .isEqualTo("[{\"mainBranch\":true},{\"deployedOrReleased\":true}]");
    JsonNode published = broker.posted(".*/verification-results").get(0);
    assertThat(published.path("success").asBoolean()).isTrue();
    assertThat(published.path("providerApplicationVersion").asText()).isEqualTo("2.1.0");
    assertThat(published.path("testResults").get(0).path("interactionId").asText())
        .isEqualTo("interaction-1");
    // the Broker's results stay in the Broker: nothing is written to a pacts store
    assertThat(Files.exists(work.resolve("pacts"))).isFalse();
  }

  @Test
  void aFailedVerificationIsPublishedAsAFailure() {
    BrokerPactsTestCase.status = 500;

    EngineExecutionResults results = verify(broker.url(), true);

    results.testEvents().assertStatistics(s -> s.succeeded(0).failed(1));
    JsonNode published = broker.posted(".*/verification-results").get(0);
    assertThat(published.path("success").asBoolean(true)).isFalse();
    assertThat(published.path("testResults").get(0).path("interactionId").asText())
        .isEqualTo("interaction-1");
  }

  @Test
  void withoutPublishingTheBrokerOnlyGivesThePacts() {
    EngineExecutionResults results = verify(broker.url(), false);

    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    assertThat(broker.posted(".*/verification-results")).isEmpty();
  }

  @Test
  void anUnreachableBrokerFailsTheClassInOneLine() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }

    EngineExecutionResults results = verify("http://localhost:" + closed, true);

    assertThat(classFailure(results).getMessage())
        .isEqualTo(
            "No pacts for provider 'inventory-service': cannot reach the Pact Broker at"
                + " http://localhost:"
                + closed
                + "/: connection refused");
  }

  @ParameterizedTest
  @ValueSource(classes = {PendingBrokerPactsTestCase.class, PendingReportsFirstTestCase.class})
  void aPendingPactsFailureIsPublishedButDoesNotFailTheBuild(Class<?> testCase) {
    broker.pactPending();
    BrokerPactsTestCase.status = 500;

    EngineExecutionResults results = verify(testCase, broker.url(), true, "feat/stock");

    results.testEvents().assertStatistics(s -> s.failed(0).aborted(1));
    Throwable reason =
        results.testEvents().aborted().stream()
            .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class))
            .flatMap(r -> r.stream())
            .map(r -> r.getThrowable().orElseThrow())
            .findFirst()
            .orElseThrow();
    assertThat(reason.getMessage())
        .startsWith("The pact is pending, so this failure does not fail the build.")
        .contains("a request for a product")
        .contains("500");
    JsonNode request =
        broker.posted("/hal/pacts/provider/inventory-service/for-verification").get(0);
    assertThat(request.path("includePendingStatus").asBoolean()).isTrue();
    assertThat(request.path("providerVersionBranch").asText()).isEqualTo("feat/stock");
    JsonNode published = broker.posted(".*/verification-results").get(0);
    assertThat(published.path("success").asBoolean(true)).isFalse();
    // the reports say what JUnit says, whichever annotation comes first: pending, no failure
    String junit;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(work.resolve("reports"))) {
      Path xml = files.filter(f -> f.toString().endsWith(".xml")).findFirst().orElseThrow();
      junit = java.nio.file.Files.readString(xml);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(junit).contains("<skipped message=\"pending, failed: ").doesNotContain("<failure");
  }

  @Test
  void aPactNotPendingStillFailsWhenPendingPactsAreAskedFor() {
    BrokerPactsTestCase.status = 500;

    EngineExecutionResults results =
        verify(PendingBrokerPactsTestCase.class, broker.url(), true, "feat/stock");

    results.testEvents().assertStatistics(s -> s.failed(1).aborted(0));
  }

  @Test
  void pendingPactsWithoutAKnownBranchFailTheClassInOneLine() {
    EngineExecutionResults results =
        verify(PendingBrokerPactsTestCase.class, broker.url(), true, "HEAD");

    assertThat(classFailure(results).getMessage())
        .startsWith("No pacts for provider 'inventory-service': pending pacts are pending for a")
        .doesNotContain("\n");
    assertThat(broker.posted("/hal/pacts/provider/inventory-service/for-verification")).isEmpty();
  }
}
