package io.pactwire.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Finds the shared test corpora, which tests read in place. */
final class Corpora {

  private Corpora() {}

  static Path require(String name) {
    String configured = System.getProperty("pactwire.corporaDir");
    Path dir = configured == null ? null : Path.of(configured).resolve(name);
    Assumptions.assumeTrue(
        dir != null && Files.isDirectory(dir),
        "shared corpus " + name + " not found (set -Dpactwire.corporaDir)");
    return dir;
  }
}
