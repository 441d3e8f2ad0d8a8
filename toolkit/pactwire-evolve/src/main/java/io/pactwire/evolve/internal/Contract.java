package io.pactwire.evolve.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * A pact read for comparison and usage: its parties and its interactions and messages.
 *
 * @param file where it was read from, as the user named it
 * @param consumer the consumer's name
 * @param provider the provider's name
 * @param interactions HTTP interactions and messages, in the pact's order
 */
public record Contract(
    String file, String consumer, String provider, List<ContractInteraction> interactions) {

  /** {@code consumer → provider}. */
  public String parties() {
    return parties(consumer, provider);
  }

  /** {@code consumer → provider}. */
  public static String parties(String consumer, String provider) {
    return consumer + " → " + provider;
  }

  /** The key a store pairs versions of one contract by. */
  public String key() {
    return key(consumer, provider);
  }

  /** The key of the contract between these two parties. */
  public static String key(String consumer, String provider) {
    return consumer + "\u0000" + provider;
  }

  /** The path a message names for this contract. */
  public static String display(Path file) {
    return file.toString();
  }
}
