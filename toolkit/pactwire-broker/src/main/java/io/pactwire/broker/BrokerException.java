package io.pactwire.broker;

/**
 * A Pact Broker that cannot be reached, refuses the credentials, has no link the call follows, or
 * answers with something that is not its HAL API. The message is one line naming the URL, with
 * credentials redacted.
 *
 * @since 0.1.0
 */
public final class BrokerException extends RuntimeException {

  /** Creates the exception with its one-line message (already redacted). */
  public BrokerException(String message) {
    super(message);
  }
}
