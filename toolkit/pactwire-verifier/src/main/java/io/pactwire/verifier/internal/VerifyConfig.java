package io.pactwire.verifier.internal;

import static java.util.stream.Collectors.toUnmodifiableSet;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

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
 * @param pendingPacts pact files whose every interaction is pending (a Pact Broker's pending
 *     pacts): their failures are reported but do not fail the run
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
    long maxBodyBytes,
    Set<Path> pendingPacts) {

  /** The default limit of a response body or message: 10 MB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

  public VerifyConfig {
    pactFiles = List.copyOf(pactFiles);
    consumers = List.copyOf(consumers);
    pendingPacts =
        pendingPacts.stream().map(p -> p.toAbsolutePath().normalize()).collect(toUnmodifiableSet());
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("the body limit must be at least 1 byte");
    }
  }

  /** A configuration without pending pacts. */
  public VerifyConfig(
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
    this(
        provider,
        baseUrl,
        pactsDir,
        pactFiles,
        stateChangeUrl,
        messagesUrl,
        consumers,
        parallel,
        timeout,
        maxBodyBytes,
        Set.of());
  }

  /** Whether every interaction of {@code pactFile} is pending. */
  public boolean pending(Path pactFile) {
    return pactFile != null && pendingPacts.contains(pactFile.toAbsolutePath().normalize());
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
