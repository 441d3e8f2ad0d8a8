package io.pactwire.core;

import java.nio.file.Path;

/**
 * A pact file that cannot be read or written; the message names the file and, where known, the line
 * and column.
 *
 * @since 0.1.0
 */
public final class PactFileException extends RuntimeException {

  private final Path file;

  /** Creates the exception; {@code location} may be empty. */
  public PactFileException(Path file, String location, String problem, Throwable cause) {
    super(file + (location.isEmpty() ? "" : ":" + location) + ": " + problem, cause);
    this.file = file;
  }

  /** Returns the pact file that could not be read or written. */
  public Path file() {
    return file;
  }
}
