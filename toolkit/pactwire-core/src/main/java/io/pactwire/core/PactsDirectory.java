package io.pactwire.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds the project's {@code pacts/} folder, where consumer builds write contracts and provider
 * builds read them, from any module of the build.
 *
 * <p>The folder is taken from, in order: the system property {@value #PROPERTY}, the environment
 * variable {@value #ENVIRONMENT_VARIABLE}, the nearest ancestor of the working directory that holds
 * a {@code pacts/} folder, and the {@code pacts/} folder beside the nearest {@code .mvn/} (the
 * build root, for a first build that has written no pact yet).
 *
 * @since 0.1.0
 */
public final class PactsDirectory {

  /** System property that names the pacts folder. */
  public static final String PROPERTY = "pactwire.pactsDir";

  /** Environment variable that names the pacts folder. */
  public static final String ENVIRONMENT_VARIABLE = "PACTWIRE_PACTS_DIR";

  private PactsDirectory() {}

  /**
   * Returns the pacts folder for this JVM's working directory and settings.
   *
   * @throws IllegalStateException when no setting names it and no ancestor holds it
   */
  public static Path locate() {
    return locate(System.getProperties(), System.getenv(), Paths.get("").toAbsolutePath());
  }

  /** Returns the pacts folder for the given settings and working directory. */
  static Path locate(Properties properties, Map<String, String> environment, Path workingDir) {
    String configured = properties.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = environment.get(ENVIRONMENT_VARIABLE);
    }
    if (configured != null && !configured.isBlank()) {
      return workingDir.resolve(configured).normalize();
    }
    return findUpwards(workingDir, "pacts")
        .or(() -> findUpwards(workingDir, ".mvn").map(mvn -> mvn.resolveSibling("pacts")))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no pacts/ folder found at or above "
                        + workingDir
                        + ": set -D"
                        + PROPERTY
                        + "=<folder> or "
                        + ENVIRONMENT_VARIABLE));
  }

  private static Optional<Path> findUpwards(Path start, String name) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(name);
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
