package io.pactwire.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.pactwire.core.PactsDirectory;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code @PactwirePacts} over a folder holding one bad pact: the provider's test class fails with
 * one message naming the file (or the folder, when the entry is not a file it reads), and no
 * interaction runs.
 */
class ProviderCorpusTests {

  private static final String PROVIDER = "provider @PactwirePacts (EngineTestKit)";

  @TestFactory
  Stream<DynamicTest> providerTestsRefuseEveryBadPact() {
    return KnownGaps.tests(
        PROVIDER,
        "pacts",
        input -> {
          Path dir = WriterAndLoaderCorpusTests.tempDir();
          Path file = input.placeIn(dir, Inputs.CONSUMER + "-" + Inputs.PROVIDER + ".json");
          String saved = System.getProperty(PactsDirectory.PROPERTY);
          System.setProperty(PactsDirectory.PROPERTY, dir.toString());
          EngineExecutionResults results;
          try {
            results =
                EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(HardeningProviderTestCase.class))
                    .execute();
          } finally {
            if (saved == null) {
              System.clearProperty(PactsDirectory.PROPERTY);
            } else {
              System.setProperty(PactsDirectory.PROPERTY, saved);
            }
          }
          results.testEvents().assertStatistics(stats -> stats.started(0));
          String message =
              results.containerEvents().failed().stream()
                  .map(
                      e ->
                          e.getRequiredPayload(TestExecutionResult.class)
                              .getThrowable()
                              .map(Throwable::getMessage)
                              .orElse(""))
                  .reduce("", String::concat);
          assertThat(message).as("the provider class's failure over " + input).isNotEmpty();
          input.assertRefusal(message, file, dir);
        });
  }

  @AfterAll
  static void report() {
    Inputs.deleteTempDirs();
    KnownGaps.report(PROVIDER);
  }
}
