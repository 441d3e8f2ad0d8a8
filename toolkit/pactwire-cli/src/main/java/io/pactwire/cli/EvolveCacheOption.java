package io.pactwire.cli;

import java.nio.file.Path;
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
    if (noCache) {
      return null;
    }
    String dir = System.getenv("PACTWIRE_CACHE");
    if (dir == null || dir.isEmpty()) {
      String xdg = System.getenv("XDG_CACHE_HOME");
      Path base =
          xdg == null || xdg.isEmpty()
              ? Path.of(System.getProperty("user.home"), ".cache")
              : Path.of(xdg);
      return base.resolve("pactwire").resolve("evolve");
    }
    return Path.of(dir).resolve("evolve");
  }
}
