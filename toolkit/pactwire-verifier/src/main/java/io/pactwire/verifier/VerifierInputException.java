package io.pactwire.verifier;

/**
 * The verification could not start: a pact file that cannot be read, no pact for the provider, or a
 * provider that cannot be reached. The message is one line that names the file or URL.
 *
 * @since 0.1.0
 */
public final class VerifierInputException extends RuntimeException {

  /** Creates the exception with its one-line message. */
  public VerifierInputException(String message) {
    super(message);
  }

  /** Creates the exception with its one-line message and the cause. */
  public VerifierInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
