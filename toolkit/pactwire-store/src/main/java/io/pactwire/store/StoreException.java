package io.pactwire.store;

/**
 * Input the store cannot act on: a corrupt record, an unknown pacticipant, a version never
 * published, a pact that cannot be read. The message is one line naming the file or the name.
 *
 * @since 0.1.0
 */
public final class StoreException extends RuntimeException {

  /** Creates the exception with its one-line message. */
  public StoreException(String message) {
    super(message);
  }

  /** Creates the exception with its one-line message and cause. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
