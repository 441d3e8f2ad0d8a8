package io.pactwire.openapi;

import java.nio.file.Path;

/**
 * A spec or pact that cannot be read: its one-line message names the file and, where known, the
 * location in it.
 *
 * @since 0.1.0
 */
public final class SpecException extends RuntimeException {

  private final transient Path file;

  /** Creates the exception; {@code location} may be empty. */
  public SpecException(Path file, String location, String problem, Throwable cause) {
    super(
        file + (location == null || location.isEmpty() ? "" : ":" + location) + ": " + problem,
        cause);
    this.file = file;
  }

  /** Returns the file that could not be read. */
  public Path file() {
    return file;
  }
}
