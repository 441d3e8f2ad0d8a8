package io.pactwire.cli;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/** The {@code --no-cache} option of usage and diff, and where their cache is kept. */
final class EvolveCacheOption {

  @Option(
      names = "--no-cache",
      description =
          "Read every pact from its file, and keep nothing. By default what is read of each pact"
              + " is kept under $PACTWIRE_CACHE/evolve (~/.cache/pactwire/evolve) and read from"
              + " there while the pact is unchanged.")
  boolean noCache;

  /**
   * Where usage and diff keep what they read of each pact ({@code evolve} in the folder the
   * launcher keeps its start-up cache in: {@code $PACTWIRE_CACHE}, by default {@code
   * ~/.cache/pactwire}), or null with {@code --no-cache}.
   */
  Path dir() {
    return noCache ? null : dir(System::getenv, System.getProperty("user.home"));
  }

  /**
   * The cache folder for this environment, chosen as the launcher chooses its own: {@code
   * $PACTWIRE_CACHE/evolve}, else under {@code $XDG_CACHE_HOME} or the home folder's {@code .cache}
   * ({@code $HOME}, else the JVM's {@code user.home}, as on Windows); null where there is no home
   * folder (a service, {@code env -i}, a container's user with no entry in the password file, whose
   * {@code user.home} is {@code ?}): then nothing is kept.
   */
  static Path dir(UnaryOperator<String> env, String userHome) {
    String dir = env.apply("PACTWIRE_CACHE");
    if (dir != null && !dir.isEmpty()) {
      return Path.of(dir).resolve("evolve");
    }
    String xdg = env.apply("XDG_CACHE_HOME");
    String home = env.apply("HOME");
    if (home == null || home.isEmpty()) {
      home = userHome;
    }
    Path base;
    if (xdg != null && !xdg.isEmpty()) {
      base = Path.of(xdg);
    } else if (home != null && Path.of(home).isAbsolute()) {
      base = Path.of(home, ".cache");
    } else {
      return null;
    }
    return base.resolve("pactwire").resolve("evolve");
  }
}
