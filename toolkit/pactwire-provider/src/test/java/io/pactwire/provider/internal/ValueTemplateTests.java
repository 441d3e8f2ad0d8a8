package io.pactwire.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTemplateTests {

  private static final Map<String, String> ENV = Map.of("TOKEN", "t0k", "EMPTY", "");
  private static final Map<String, String> PROPERTIES = Map.of("api.key", "k3y");

  private static ValueTemplate.Resolved resolve(String template) {
    return ValueTemplate.resolve(template, "header Authorization", ENV::get, PROPERTIES::get);
  }

  @Test
  void replacesEnvironmentAndPropertyPartsAndKeepsTheRest() {
    ValueTemplate.Resolved resolved = resolve("Bearer ${env:TOKEN}/${sys:api.key}");

    assertThat(resolved.value()).isEqualTo("Bearer t0k/k3y");
    assertThat(resolved.substituted()).isEqualTo(List.of("t0k", "k3y"));
  }

  @Test
  void aValueWithoutPartsIsItself() {
    assertThat(resolve("Basic dGVzdA==").value()).isEqualTo("Basic dGVzdA==");
  }

  @Test
  void anUnsetVariableIsNamedWithWhatItIsFor() {
    assertThatThrownBy(() -> resolve("Bearer ${env:MISSING}"))
        .hasMessage(
            "environment variable MISSING is not set: it gives the value of header Authorization");
  }

  @Test
  void anEmptyVariableCountsAsUnset() {
    // CI systems hand an empty string to builds that may not see a secret
    assertThatThrownBy(() -> resolve("${env:EMPTY}"))
        .hasMessage(
            "environment variable EMPTY is not set (it is empty): it gives the value of header"
                + " Authorization");
  }

  @Test
  void anUnsetPropertyIsNamed() {
    assertThatThrownBy(() -> resolve("${sys:other}"))
        .hasMessage("system property other is not set: it gives the value of header Authorization");
  }

  @Test
  void aPartOfAnotherKindIsRefused() {
    assertThatThrownBy(() -> resolve("${TOKEN}"))
        .hasMessage(
            "'${TOKEN}' in the value of header Authorization is neither ${env:NAME} (an environment"
                + " variable) nor ${sys:name} (a system property)");
  }
}
