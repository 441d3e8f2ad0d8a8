package io.pactwire.core.internal;

import java.util.function.UnaryOperator;

/**
 * Keeps pact-jvm from sending usage analytics from a build that uses Pactwire.
 *
 * <p>pact-jvm 4.7 reads its switch each time it is about to send an event, from the system property
 * {@code pact_do_not_track} (then {@code PACT_DO_NOT_TRACK}), then the environment variable of
 * either spelling, and sends unless the value is {@code true}. Pactwire sets the property to {@code
 * true} before pact-jvm sends anything, unless the user has already said either way: a property of
 * either spelling, or a non-empty environment variable, is left to decide.
 */
public final class Telemetry {

  /** The system property pact-jvm reads first. */
  public static final String PROPERTY = "pact_do_not_track";

  private static final String UPPER = "PACT_DO_NOT_TRACK";

  private Telemetry() {}

  /** Sets {@code pact_do_not_track=true} unless the user set the property or the variable. */
  public static void optOut() {
    if (!userDecided(System::getProperty, System::getenv)) {
      System.setProperty(PROPERTY, "true");
    }
  }

  /**
   * Whether the user has said whether pact-jvm may track: a system property of either spelling,
   * with any value, or a non-empty environment variable of either spelling (pact-jvm treats an
   * empty variable as unset, and so does this).
   */
  static boolean userDecided(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    if (properties.apply(PROPERTY) != null || properties.apply(UPPER) != null) {
      return true;
    }
    return nonEmpty(environment.apply(UPPER)) || nonEmpty(environment.apply(PROPERTY));
  }

  private static boolean nonEmpty(String value) {
    return value != null && !value.isEmpty();
  }
}
