package io.pactwire.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Reads the folder property and a configuration parameter; run only by {@link EngineRunsTests}. */
@ExtendWith(PropertyTestCase.Parameter.class)
class PropertyTestCase {

  @Test
  @DisplayName("sees the folder and the parameter")
  void sees(String parameter) {
    assertEquals("/pacts/here", System.getProperty(EngineRunsTests.PROPERTY));
    assertEquals("given", parameter);
  }

  /** Injects the {@code example.parameter} configuration parameter. */
  static class Parameter implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
      return p.getParameter().getType() == String.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
      return EngineRunsTests.parameter(e);
    }
  }
}
