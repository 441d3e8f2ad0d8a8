package io.pactwire.core.internal;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Turns pact-jvm's analytics off when a JUnit Platform session opens, before any test class is
 * loaded: tests that use pact-jvm directly, without a Pactwire extension, are covered too.
 * Registered through {@code META-INF/services} by pactwire-consumer and pactwire-provider.
 */
public final class TelemetryOptOutListener implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    Telemetry.optOut();
  }
}
