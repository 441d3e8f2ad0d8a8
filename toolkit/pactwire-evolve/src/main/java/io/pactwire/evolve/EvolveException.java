package io.pactwire.evolve;

/**
 * Input that diff, usage or impact cannot use: a malformed pact or spec, two pacts of different
 * contracts, an unknown git revision. The message is one line naming the file (or revision) and,
 * where known, the location in it.
 *
 * @since 0.1.0
 */
public final class EvolveException extends RuntimeException {

  /** Creates the exception with its one-line message. */
  public EvolveException(String message, Throwable cause) {
    super(message, cause);
  }
}
