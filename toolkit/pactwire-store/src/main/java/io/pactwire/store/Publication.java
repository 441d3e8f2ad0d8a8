package io.pactwire.store;

import java.time.Instant;
import java.util.List;

/**
 * A consumer version published a pact version for a provider.
 *
 * @param branch the consumer's branch; null when not given
 * @param pactFile the pact's file name when it was published
 * @param interactions the descriptions of the pact's interactions and messages, each once; empty
 *     when not known (a record written before they were kept, or a Broker's publication)
 * @since 0.1.0
 */
public record Publication(
    String consumer,
    String consumerVersion,
    String branch,
    String provider,
    PactVersion pactVersion,
    String pactFile,
    Instant publishedAt,
    List<String> interactions) {

  /** Copies the descriptions. */
  public Publication {
    interactions = interactions == null ? List.of() : List.copyOf(interactions);
  }

  /** A publication whose interactions are not known. */
  public Publication(
      String consumer,
      String consumerVersion,
      String branch,
      String provider,
      PactVersion pactVersion,
      String pactFile,
      Instant publishedAt) {
    this(
        consumer, consumerVersion, branch, provider, pactVersion, pactFile, publishedAt, List.of());
  }
}
