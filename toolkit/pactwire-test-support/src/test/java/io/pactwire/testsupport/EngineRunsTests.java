package io.pactwire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

class EngineRunsTests {

  static final String PROPERTY = "pactwire.test.engineRunsFolder";

  @Test
  void outcomesNameEachTestWithSuccessOrItsFailureMessageInRunOrder() {
    Map<String, String> outcomes = EngineRuns.outcomes(EngineRuns.run(OutcomesTestCase.class));

    assertThat(outcomes)
        .containsExactly(
            Map.entry("b passes", "SUCCESSFUL"),
            Map.entry("a fails", "expected: <1> but was: <2>"));
  }

  @Test
  void theFolderPropertyIsSetForTheRunAndRestoredAfterIt() {
    System.setProperty(PROPERTY, "before");
    try {
      Map<String, String> outcomes =
          EngineRuns.outcomes(
              EngineRuns.run(
                  PropertyTestCase.class,
                  PROPERTY,
                  Path.of("/pacts/here"),
                  Map.of("example.parameter", "given")));

      assertThat(outcomes)
          .containsExactly(Map.entry("sees the folder and the parameter", "SUCCESSFUL"));
      assertThat(System.getProperty(PROPERTY)).isEqualTo("before");
    } finally {
      System.clearProperty(PROPERTY);
    }
  }

  @Test
  void anUnsetPropertyIsUnsetAgainAfterTheRun() {
    EngineRuns.run(PropertyTestCase.class, PROPERTY, Path.of("/pacts/here"));

    assertThat(System.getProperty(PROPERTY)).isNull();
  }

  /** Configuration parameters reach the test as a JUnit user would read them. */
  static String parameter(ExtensionContext context) {
    return context.getConfigurationParameter("example.parameter").orElse("none");
  }
}
