package io.pactwire.consumer;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.pactwire.core.PactsDirectory;
import java.nio.file.Path;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs example classes through the Jupiter engine with the pacts folder pointed elsewhere. */
final class ExampleRuns {

  private ExampleRuns() {}

  static synchronized EngineExecutionResults run(Class<?> testCase, Path pactsDir) {
    String previous = System.getProperty(PactsDirectory.PROPERTY);
    System.setProperty(PactsDirectory.PROPERTY, pactsDir.toString());
    try {
      return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testCase)).execute();
    } finally {
      if (previous == null) {
        System.clearProperty(PactsDirectory.PROPERTY);
      } else {
        System.setProperty(PactsDirectory.PROPERTY, previous);
      }
    }
  }
}
