package io.pactwire.provider.internal;

import io.pactwire.provider.ProducedMessage;

/**
 * The message a {@code @PactVerifyProvider} method last returned on this thread: pact-jvm calls it
 * on the test's thread and keeps no copy of what it verified.
 */
public final class LastProduced {

  private static final ThreadLocal<ProducedMessage> LAST = new ThreadLocal<>();

  private LastProduced() {}

  public static void remember(ProducedMessage message) {
    LAST.set(message);
  }

  static ProducedMessage take() {
    ProducedMessage message = LAST.get();
    LAST.remove();
    return message;
  }

  static void forget() {
    LAST.remove();
  }
}
