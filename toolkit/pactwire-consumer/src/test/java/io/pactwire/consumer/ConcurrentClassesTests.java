package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.consumer.testcases.ConcurrentClassesTestCase;
import io.pactwire.core.PactsDirectory;
import io.pactwire.testsupport.EngineRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Test classes that record into one pact while JUnit runs them at the same time (its parallel
 * execution, classes concurrent) leave the same pact as when they run one after another: nothing
 * lost, nothing pruned that a class still records.
 */
class ConcurrentClassesTests {

  private static final List<Class<?>> CLASSES =
      List.of(
          ConcurrentClassesTestCase.Orders.class,
          ConcurrentClassesTestCase.Payments.class,
          ConcurrentClassesTestCase.Invoices.class,
          ConcurrentClassesTestCase.Refunds.class);

  @TempDir Path pacts;

  private Path pact() {
    return pacts.resolve("checkout-service-concurrent-service.json");
  }

  private EngineExecutionResults run(boolean concurrent, String variant) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("example.variant", variant);
    if (concurrent) {
      parameters.put("junit.jupiter.execution.parallel.enabled", "true");
      parameters.put("junit.jupiter.execution.parallel.mode.default", "same_thread");
      parameters.put("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
      parameters.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
      parameters.put("junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
    }
    DiscoverySelector[] selected =
        CLASSES.stream().map(c -> selectClass(c)).toArray(DiscoverySelector[]::new);
    // EngineRuns' runs set the same property, under the same lock.
    synchronized (EngineRuns.class) {
      String previous = System.getProperty(PactsDirectory.PROPERTY);
      System.setProperty(PactsDirectory.PROPERTY, pacts.toString());
      try {
        return EngineTestKit.engine("junit-jupiter")
            .selectors(selected)
            .configurationParameters(parameters)
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

  private List<String> descriptions() throws IOException {
    List<String> descriptions = new ArrayList<>();
    for (JsonNode interaction : new ObjectMapper().readTree(pact().toFile()).get("interactions")) {
      descriptions.add(interaction.get("description").asText());
    }
    return descriptions;
  }

  private static List<String> expected(int perClass) {
    return Stream.of("invoices", "orders", "payments", "refunds")
        .flatMap(
            resource ->
                Stream.iterate(1, n -> n <= perClass, n -> n + 1)
                    .map(n -> "a request for /" + resource + "/" + n))
        .toList();
  }

  @Test
  void classesRunConcurrentlyLoseNoInteraction() throws IOException {
    for (int round = 0; round < 5; round++) {
      Files.deleteIfExists(pact());

      run(true, "all").testEvents().assertStatistics(stats -> stats.succeeded(12).failed(0));

      assertThat(descriptions()).as("round %d", round).isEqualTo(expected(3));
    }
  }

  @Test
  void classesRunConcurrentlyPruneWhatTheyNoLongerRecord() throws IOException {
    run(true, "all").testEvents().assertStatistics(stats -> stats.succeeded(12).failed(0));

    run(true, "fewer").testEvents().assertStatistics(stats -> stats.succeeded(12).failed(0));

    assertThat(descriptions()).isEqualTo(expected(2));
  }

  @Test
  void theConcurrentRunWritesTheFileTheSequentialRunWrites() throws IOException {
    run(false, "all").testEvents().assertStatistics(stats -> stats.succeeded(12).failed(0));
    String sequential = Files.readString(pact());
    Files.delete(pact());

    run(true, "all").testEvents().assertStatistics(stats -> stats.succeeded(12).failed(0));

    assertThat(Files.readString(pact())).isEqualTo(sequential);
  }
}
