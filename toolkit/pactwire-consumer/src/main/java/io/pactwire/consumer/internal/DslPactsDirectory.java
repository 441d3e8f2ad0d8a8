package io.pactwire.consumer.internal;

import io.pactwire.core.PactsDirectory;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sends the pacts that pact-jvm's consumer DSL writes to the folder captured pacts go to, so that a
 * consumer's DSL tests and its WireMock tests feed the same {@code pacts/}, which providers read.
 *
 * <p>pact-jvm writes to the system property {@value #PACT_ROOT_DIR}, else to {@code target/pacts}
 * (Maven) or {@code build/pacts} (Gradle), and reads the property once, when it first writes. This
 * listener runs when a JUnit Platform session opens, before any test class is loaded, and sets the
 * property to {@link PactsDirectory#locate()} unless the build has set it: a build that names
 * pact-jvm's folder keeps it. Registered through {@code META-INF/services}.
 */
public final class DslPactsDirectory implements LauncherSessionListener {

  /** The system property pact-jvm writes pacts under. */
  public static final String PACT_ROOT_DIR = "pact.rootDir";

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    point(System.getProperties(), PactsDirectory::locate);
  }

  /** Sets {@value #PACT_ROOT_DIR} to the pacts folder unless it is set; returns the value kept. */
  static String point(Properties properties, Supplier<Path> pactsDirectory) {
    String configured = properties.getProperty(PACT_ROOT_DIR);
    if (configured != null) {
      return configured;
    }
    String located = pactsDirectory.get().toString();
    properties.setProperty(PACT_ROOT_DIR, located);
    return located;
  }
}
