package io.pactwire.consumer.testcases;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Lets a test of an example class change between runs as a developer would change it, through JUnit
 * configuration parameters: {@code example.variant} is what a {@code String variant} parameter
 * receives ({@code v1} unless set), an {@code ExtensionContext} parameter the test's context, a
 * test method named by {@code example.skip} is disabled, one named by {@code example.fail} fails
 * after its request.
 */
public final class ExampleSwitches implements ParameterResolver, ExecutionCondition {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ExtensionContext.class
        || type == String.class && parameter.getParameter().getName().equals("variant");
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ExtensionContext.class
        ? context
        : context.getConfigurationParameter("example.variant").orElse("v1");
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String skipped = context.getConfigurationParameter("example.skip").orElse("");
    return context.getTestMethod().filter(m -> m.getName().equals(skipped)).isPresent()
        ? ConditionEvaluationResult.disabled("skipped by example.skip")
        : ConditionEvaluationResult.enabled("");
  }

  /** Fails the test when {@code example.fail} names {@code method}. */
  public static void failIfAsked(ExtensionContext context, String method) {
    if (context.getConfigurationParameter("example.fail").orElse("").equals(method)) {
      throw new AssertionError(method + " fails as asked");
    }
  }
}
