package io.pactwire.verifier.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to verify and how.
 *
 * @param pactsDir the folder to read every pact for the provider from; used when {@code pactFiles}
 *     is empty
 * @param pactFiles the pact files to verify; empty to read {@code pactsDir}
 * @param stateChangeUrl where provider states are set up and torn down; null for none
 * @param messagesUrl where the provider produces a message for a POSTed {@code {"description",
 *     "providerStates"}}; null to leave message interactions unverified
 * @param consumers the consumers to verify; empty for all
 * @param parallel how many interactions without provider states are verified at once
 * @param timeout how long each request may take
 * @param maxBodyBytes the largest response body or message read; a larger one fails its interaction
 */
public record VerifyConfig(
    String provider,
    URI baseUrl,
    Path pactsDir,
    List<Path> pactFiles,
    URI stateChangeUrl,
    URI messagesUrl,
    List<String> consumers,
    int parallel,
    Duration timeout,
    long maxBodyBytes) {

  /** The default limit of a response body or message: 10 MB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

  public VerifyConfig {
    pactFiles = List.copyOf(pactFiles);
    consumers = List.copyOf(consumers);
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("the body limit must be at least 1 byte");
    }
  }

  /** A configuration without a messages URL and with the default body limit. */
  public VerifyConfig(
      String provider,
      URI baseUrl,
      Path pactsDir,
      List<Path> pactFiles,
      URI stateChangeUrl,
      List<String> consumers,
      int parallel,
      Duration timeout) {
    this(
        provider,
        baseUrl,
        pactsDir,
        pactFiles,
        stateChangeUrl,
        null,
        consumers,
        parallel,
        timeout,
        DEFAULT_MAX_BODY_BYTES);
  }
}
