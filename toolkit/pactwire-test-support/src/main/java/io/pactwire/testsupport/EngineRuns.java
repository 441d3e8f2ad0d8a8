package io.pactwire.testsupport;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs an example class (a {@code *TestCase}, which Surefire does not pick up) through the Jupiter
 * engine, for tests of an extension that check statistics and failure messages.
 */
public final class EngineRuns {

  private EngineRuns() {}

  /** Runs {@code testCase}. */
  public static EngineExecutionResults run(Class<?> testCase) {
    return run(testCase, Map.of());
  }

  /**
   * Runs {@code testCase} with JUnit configuration parameters, e.g. a reports folder. An example
   * run is not a verification of a real provider: it never records results in the project's pacts
   * store ({@value #PUBLISH} is false) unless the parameters ask for it.
   */
  public static EngineExecutionResults run(
      Class<?> testCase, Map<String, String> configurationParameters) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(PUBLISH, "false");
    parameters.putAll(configurationParameters);
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testCase))
        .configurationParameters(parameters)
        .execute();
  }

  /** The provider module's switch for recording results in the pacts store. */
  static final String PUBLISH = "pactwire.results.publish";

  /**
   * Runs {@code testCase} with the system property {@code property} naming {@code folder} (where it
   * reads or writes its pacts) for the length of the run; runs that set a property take turns.
   */
  public static EngineExecutionResults run(Class<?> testCase, String property, Path folder) {
    return run(testCase, property, folder, Map.of());
  }

  /** As {@link #run(Class, String, Path)}, with JUnit configuration parameters. */
  public static synchronized EngineExecutionResults run(
      Class<?> testCase,
      String property,
      Path folder,
      Map<String, String> configurationParameters) {
    String previous = System.getProperty(property);
    System.setProperty(property, folder.toString());
    try {
      return run(testCase, configurationParameters);
    } finally {
      if (previous == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, previous);
      }
    }
  }

  /**
   * Each finished test's outcome, keyed by its display name, in the order they ran: {@code
   * "SUCCESSFUL"}, or the failure's message ({@code "FAILED"} when it has none).
   */
  public static Map<String, String> outcomes(EngineExecutionResults results) {
    Map<String, String> outcomes = new LinkedHashMap<>();
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
