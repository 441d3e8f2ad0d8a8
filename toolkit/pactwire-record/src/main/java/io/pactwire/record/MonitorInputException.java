package io.pactwire.record;

/**
 * The monitor cannot run: an unreadable or unsuitable pact, a corrupt history, a sandbox that
 * answered none of the calls. The message is one line naming the file or URL.
 *
 * @since 0.1.0
 */
public final class MonitorInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An exception with a one-line message. */
  public MonitorInputException(String message) {
    super(message);
  }
}
