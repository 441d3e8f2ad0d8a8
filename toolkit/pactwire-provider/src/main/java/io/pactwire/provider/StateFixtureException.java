package io.pactwire.provider;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A provider state could not be set up: no fixture and no {@code @State} method, a fixture that the
 * database rejected, or a database that cannot be reached. The message names the fixture file and
 * line, the database's error, and the pact, consumer, provider, interaction and state.
 *
 * @since 0.1.0
 */
public final class StateFixtureException extends RuntimeException {

  private final transient Path file;
  private final int line;

  public StateFixtureException(Path file, int line, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.line = line;
  }

  /** The fixture file, when there is one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The 1-based line of the fixture that failed, or 0 when no line applies. */
  public int line() {
    return line;
  }
}
