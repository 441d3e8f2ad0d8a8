package io.pactwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelemetryTests {

  @ParameterizedTest(name = "property {0}={1}, variable {2}={3}: user decided {4}")
  @CsvSource(
      nullValues = "null",
      value = {
        // Nothing said: Pactwire turns tracking off.
        "pact_do_not_track, null, PACT_DO_NOT_TRACK, null, false",
        // pact-jvm treats an empty variable as unset; so does Pactwire.
        "pact_do_not_track, null, PACT_DO_NOT_TRACK, '', false",
        // The user's property, either value, either spelling, is left alone.
        "pact_do_not_track, false, PACT_DO_NOT_TRACK, null, true",
        "pact_do_not_track, true, PACT_DO_NOT_TRACK, null, true",
        "PACT_DO_NOT_TRACK, false, PACT_DO_NOT_TRACK, null, true",
        // So is the user's variable, either spelling.
        "pact_do_not_track, null, PACT_DO_NOT_TRACK, false, true",
        "pact_do_not_track, null, pact_do_not_track, true, true",
      })
  void theUserDecidesByAPropertyOrANonEmptyVariable(
      String property, String propertyValue, String variable, String variableValue, boolean user) {
    Map<String, String> properties =
        propertyValue == null ? Map.of() : Map.of(property, propertyValue);
    Map<String, String> environment =
        variableValue == null ? Map.of() : Map.of(variable, variableValue);

    assertThat(Telemetry.userDecided(properties::get, environment::get)).isEqualTo(user);
  }
}
