package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Pact;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.consumer.testcases.JsonSchemaBodyTestCase;
import io.pactwire.core.PactFiles;
import io.pactwire.core.PactsDirectory;
import io.pactwire.testsupport.EngineRuns;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * A stub whose request body pattern is WireMock's {@code matchesJsonSchema} runs on the JSON Schema
 * validator WireMock is built on: it answers a body the schema admits, refuses one that breaks it,
 * and capture records the interaction it answered.
 */
class JsonSchemaBodyPatternTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path pacts;

  @Test
  void answersABodyTheSchemaAdmitsRefusesOneThatBreaksItAndCapturesTheAnswer() {
    EngineExecutionResults results =
        EngineRuns.run(JsonSchemaBodyTestCase.class, PactsDirectory.PROPERTY, pacts);

    // by test, what each failed with: a stub that cannot build its pattern fails both tests
    Map<String, Throwable> failures = new TreeMap<>();
    results.testEvents().failed().stream()
        .forEach(
            e ->
                failures.put(
                    e.getTestDescriptor().getDisplayName(),
                    e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()));
    assertThat(failures).containsOnlyKeys("sendsAReservationTheSchemaRefuses(PactwireRuntimeInfo)");
    assertThat(failures.values())
        .singleElement()
        .isInstanceOf(AssertionFailedError.class)
        .extracting(Throwable::getMessage)
        .asString()
        .startsWith("checkout-service called schema-service with a request that no stub matches");
    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));

    Pact pact = PactFiles.read(pacts.resolve("checkout-service-schema-service.json"));
    assertThat(pact.getInteractions())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getDescription()).isEqualTo("a reservation the schema admits");
              var request = i.asSynchronousRequestResponse().getRequest();
              assertThat(request.getPath()).isEqualTo("/reservations");
              // the body the schema admitted, not the one it refused
              assertThat(JSON.readTree(request.getBody().valueAsString()))
                  .isEqualTo(JSON.readTree("{\"sku\": \"SKU-1001\", \"quantity\": 2}"));
              assertThat(i.asSynchronousRequestResponse().getResponse().getStatus()).isEqualTo(201);
            });
  }
}
