package io.pactwire.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Finds the project's {@code pacts/} folder, where consumer builds write contracts and provider
 * builds read them, from any module of the build.
 *
 * <p>The folder is taken from, in order: the system property {@value #PROPERTY}, the environment
 * variable {@value #ENVIRONMENT_VARIABLE}, the nearest {@code pacts/} folder between the working
 * directory and the project's root, and else {@code pacts/} in the project's root (for a first
 * build that has written no pact yet). The search never climbs above the project's root, so a
 * {@code pacts/} folder that belongs to an enclosing project or to the user's home is never used.
 *
 * <p>The project's root is the nearest ancestor of the working directory that holds {@code .mvn/}
 * (the Maven build root) or {@code .git} (a repository or worktree); without either, the topmost
 * directory of the unbroken chain of ancestors that hold a build file ({@code pom.xml}, {@code
 * build.gradle}, {@code build.gradle.kts}, {@code settings.gradle} or {@code settings.gradle.kts});
 * without any, the working directory itself.
 *
 * @since 0.1.0
 */
public final class PactsDirectory {

  /** System property that names the pacts folder. */
  public static final String PROPERTY = "pactwire.pactsDir";

  /** Environment variable that names the pacts folder. */
  public static final String ENVIRONMENT_VARIABLE = "PACTWIRE_PACTS_DIR";

  private static final List<String> BUILD_FILES =
      List.of(
          "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts");

  private PactsDirectory() {}

  /** Returns the pacts folder for this JVM's working directory and settings. */
  public static Path locate() {
    return locate(System.getProperties(), System.getenv(), Paths.get("").toAbsolutePath());
  }

  /**
   * Returns the root of the project that holds {@code directory}: the folder above which the pacts
   * folder is never looked for.
   *
   * @since 0.1.0
   */
  public static Path projectRoot(Path directory) {
    Path start = directory.toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(".mvn")) || Files.exists(dir.resolve(".git"))) {
        return dir;
      }
    }
    Path topmost = start;
    for (Path dir = start; dir != null && holdsBuildFile(dir); dir = dir.getParent()) {
      topmost = dir;
    }
    return topmost;
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
    Path start = workingDir.toAbsolutePath().normalize();
    Path root = projectRoot(start);
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("pacts");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      if (dir.equals(root)) {
        break;
      }
    }
    return root.resolve("pacts");
  }

  private static boolean holdsBuildFile(Path dir) {
    for (String name : BUILD_FILES) {
      if (Files.isRegularFile(dir.resolve(name))) {
        return true;
      }
    }
    return false;
  }
}
