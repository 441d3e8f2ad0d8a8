package io.pactwire.store;

import java.time.Instant;
import java.util.List;

/**
 * A provider version verified a consumer's pact version, with a result.
 *
 * @param branch the provider's branch; null when not recorded
 * @param interactions each verified interaction's verdict
 * @since 0.1.0
 */
public record Verification(
    String provider,
    String providerVersion,
    String branch,
    String consumer,
    PactVersion pactVersion,
    boolean success,
    Instant verifiedAt,
    List<InteractionVerdict> interactions) {

  /**
   * One interaction's verdict.
   *
   * @since 0.1.0
   */
  public record InteractionVerdict(String description, boolean success) {}
}
