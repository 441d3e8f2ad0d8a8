package io.pactwire.store;

import java.time.Instant;

/**
 * A consumer version published a pact version for a provider.
 *
 * @param branch the consumer's branch; null when not given
 * @param pactFile the pact's file name when it was published
 * @since 0.1.0
 */
public record Publication(
    String consumer,
    String consumerVersion,
    String branch,
    String provider,
    PactVersion pactVersion,
    String pactFile,
    Instant publishedAt) {}
