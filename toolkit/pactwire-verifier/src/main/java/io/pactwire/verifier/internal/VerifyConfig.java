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
 * @param consumers the consumers to verify; empty for all
 * @param parallel how many interactions without provider states are verified at once
 */
public record VerifyConfig(
    String provider,
    URI baseUrl,
    Path pactsDir,
    List<Path> pactFiles,
    URI stateChangeUrl,
    List<String> consumers,
    int parallel,
    Duration timeout) {

  public VerifyConfig {
    pactFiles = List.copyOf(pactFiles);
    consumers = List.copyOf(consumers);
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
    }
  }
}
