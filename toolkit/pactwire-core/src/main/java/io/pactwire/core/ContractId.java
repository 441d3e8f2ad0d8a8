package io.pactwire.core;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The consumer and provider that one contract is between; names the contract's file.
 *
 * @param consumer the consumer's name, as it appears in the pact
 * @param provider the provider's name, as it appears in the pact
 * @since 0.1.0
 */
public record ContractId(String consumer, String provider) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]*");

  /** Checks that both names are usable in a file name. */
  public ContractId {
    requireName("consumer", consumer);
    requireName("provider", provider);
  }

  /** Returns {@code <consumer>-<provider>.json}, the pact's file name. */
  public String fileName() {
    return consumer + "-" + provider + ".json";
  }

  /** Returns this contract's file inside the given pacts folder. */
  public Path fileIn(Path pactsDir) {
    return pactsDir.resolve(fileName());
  }

  private static void requireName(String role, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          role
              + " name '"
              + name
              + "' cannot name a pact file: start with an ASCII letter or digit, then use ASCII"
              + " letters, digits, '.', '_', '-' or spaces");
    }
  }
}
