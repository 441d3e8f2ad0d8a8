package io.pactwire.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.testsupport.EngineRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class PactwireStubsExtensionTests {

  static final String PAYMENTS =
      """
      {
        "consumer": {"name": "checkout-service"},
        "provider": {"name": "payments"},
        "interactions": [{
          "description": "a payment",
          "request": {"method": "GET", "path": "/payments/1"},
          "response": {"status": 200, "body": {"paid": true}}
        }],
        "metadata": {"pactSpecification": {"version": "3.0.0"}}
      }
      """;

  @TempDir Path pacts;

  @Test
  void theAnnotationServesTheProviderAndAnUnansweredRequestFailsItsTest() throws IOException {
    Files.writeString(
        pacts.resolve("checkout-service-inventory-service.json"), PactStubsTests.PRODUCTS);
    EngineExecutionResults results =
        EngineRuns.run(InventoryStubsTestCase.class, "pactwire.pactsDir", pacts);
    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    Map<String, String> outcomes = EngineRuns.outcomes(results);
    assertThat(outcomes.get("answered(PactwireStubsRuntimeInfo)")).isEqualTo("SUCCESSFUL");
    assertThat(outcomes.get("unmatched(PactwireStubsRuntimeInfo)"))
        .startsWith("1 request was not answered by the pact stubs")
        .contains("Closest interaction: \"a request for a product\"")
        .contains("<<<<< query view: Expected 'everything' to match 'full|short'");
  }

  @Test
  void theBuilderServesSeveralProviders() throws IOException {
    Files.writeString(
        pacts.resolve("checkout-service-inventory-service.json"), PactStubsTests.PRODUCTS);
    Files.writeString(pacts.resolve("checkout-service-payments.json"), PAYMENTS);
    EngineExecutionResults results =
        EngineRuns.run(TwoProvidersTestCase.class, "pactwire.pactsDir", pacts);
    assertThat(EngineRuns.outcomes(results))
        .containsExactly(Map.entry("bothAnswer()", "SUCCESSFUL"));
  }
}
