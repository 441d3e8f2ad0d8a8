package io.pactwire.core.internal;

/**
 * What Pactwire's JUnit entry points do first: analytics off (again, for launchers that do not call
 * {@link TelemetryOptOutListener}), then the classpath checked, so that a mixed classpath fails
 * with one line that says what to change rather than a {@link LinkageError} from deep in WireMock
 * or Jackson.
 */
public final class Startup {

  private Startup() {}

  /** For the consumer side: WireMock and Jackson. */
  public static void consumer() {
    Telemetry.optOut();
    Compatibility.require(Compatibility.Side.CONSUMER);
  }

  /** For the provider side: pact-jvm and Jackson (with YAML). */
  public static void provider() {
    Telemetry.optOut();
    Compatibility.require(Compatibility.Side.PROVIDER);
  }
}
