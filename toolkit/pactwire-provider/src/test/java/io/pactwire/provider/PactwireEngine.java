package io.pactwire.provider;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs a {@code *TestCase} class through the Jupiter engine with its pacts in a folder. */
final class PactwireEngine {

  private PactwireEngine() {}

  static EngineExecutionResults run(
      Class<?> testCase, Path pactFolder, Map<String, String> config) {
    String previous = System.getProperty(TestPacts.FOLDER_PROPERTY);
    System.setProperty(TestPacts.FOLDER_PROPERTY, pactFolder.toString());
    try {
      return EngineTestKit.engine("junit-jupiter")
          .selectors(selectClass(testCase))
          .configurationParameters(config)
          .execute();
    } finally {
      if (previous == null) {
        System.clearProperty(TestPacts.FOLDER_PROPERTY);
      } else {
        System.setProperty(TestPacts.FOLDER_PROPERTY, previous);
      }
    }
  }

  /** Each interaction's outcome, keyed by its display name: "SUCCESSFUL" or the failure text. */
  static Map<String, String> outcomes(EngineExecutionResults results) {
    Map<String, String> outcomes = new TreeMap<>();
    for (Event event : results.testEvents().finished().list()) {
      TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
      outcomes.put(
          event.getTestDescriptor().getDisplayName(),
          result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
              ? "SUCCESSFUL"
              : result.getThrowable().map(Throwable::getMessage).orElse("FAILED"));
    }
    return outcomes;
  }
}
