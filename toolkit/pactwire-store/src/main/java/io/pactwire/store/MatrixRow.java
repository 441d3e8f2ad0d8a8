package io.pactwire.store;

import java.time.Instant;

/**
 * One integration between a consumer version and a provider version: the pact between them, its
 * verification, and whether that allows a deployment.
 *
 * @param consumerVersion null when no version of the consumer is in the target
 * @param providerVersion null when no version of the provider is in the target
 * @param pactVersion null when there is no pact (no consumer or provider version)
 * @param verifiedAt when the verification was recorded; null without one
 * @param reason why this row allows or blocks, in one sentence
 * @since 0.1.0
 */
public record MatrixRow(
    String consumer,
    String consumerVersion,
    String provider,
    String providerVersion,
    PactVersion pactVersion,
    Status status,
    Instant verifiedAt,
    boolean allowed,
    String reason) {

  /**
   * This row as can-i-deploy for {@code pacticipant} answers it when the partners in {@code
   * ignored} are ignored: a blocking row with an ignored partner allows the deployment, saying what
   * it would have said.
   *
   * @since 0.1.0
   */
  public MatrixRow ignoring(String pacticipant, java.util.Set<String> ignored) {
    String partner = consumer.equals(pacticipant) ? provider : consumer;
    if (allowed || !ignored.contains(partner)) {
      return this;
    }
    return new MatrixRow(
        consumer,
        consumerVersion,
        provider,
        providerVersion,
        pactVersion,
        status,
        verifiedAt,
        true,
        "ignored " + partner + ": " + reason);
  }

  /**
   * What is known of the pact's verification.
   *
   * @since 0.1.0
   */
  public enum Status {
    /** The provider version verified the pact version, and every interaction passed. */
    VERIFIED,
    /** The provider version verified the pact version, and an interaction failed. */
    FAILED,
    /** The provider version has no verification of the pact version. */
    UNVERIFIED,
    /** There is no version of one side to verify against. */
    MISSING
  }
}
