package io.pactwire.verifier;

import io.pactwire.core.PactsDirectory;
import io.pactwire.verifier.internal.VerifierEngine;
import io.pactwire.verifier.internal.VerifyConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a running provider over HTTP against every pact that names it, judging responses with
 * pact-jvm's matching engine, as its JUnit 5 runner does.
 *
 * <pre>{@code
 * PactVerifier.Result result =
 *     PactVerifier.newInstance("inventory-service", URI.create("http://localhost:8080"))
 *         .stateChangeUrl(URI.create("http://localhost:8080/_pact/state"))
 *         .build()
 *         .verify();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PactVerifier {

  /**
   * What a verification found.
   *
   * @param passed how many interactions passed
   * @param failures the failure message of each interaction that failed
   * @param skippedMessages how many message interactions were not verified
   */
  public record Result(int passed, List<String> failures, int skippedMessages) {

    /** Copies the list. */
    public Result {
      failures = List.copyOf(failures);
    }

    /**
     * Whether every interaction was verified and passed: a pact with message interactions, which
     * this verifier does not verify, is not a success ({@code failures().isEmpty()} says whether
     * the HTTP interactions passed).
     */
    public boolean success() {
      return failures.isEmpty() && skippedMessages == 0;
    }
  }

  private final VerifyConfig config;

  private PactVerifier(VerifyConfig config) {
    this.config = config;
  }

  /** Starts a verifier of the provider that answers at {@code baseUrl}. */
  public static Builder newInstance(String provider, URI baseUrl) {
    return new Builder(provider, baseUrl);
  }

  /**
   * Verifies every interaction over HTTP.
   *
   * @throws VerifierInputException when a pact cannot be read, there is no pact for the provider,
   *     or the provider cannot be reached
   */
  public Result verify() {
    VerifierEngine.Run run = VerifierEngine.run(config, null);
    List<String> failures = new ArrayList<>();
    int passed = 0;
    for (var interaction : run.interactions()) {
      if (interaction.result().success()) {
        passed++;
      } else {
        failures.add(interaction.result().message());
      }
    }
    return new Result(passed, failures, run.skippedMessages());
  }

  /** Builds a {@link PactVerifier}; every setting but the provider and its URL has a default. */
  public static final class Builder {
    private final String provider;
    private final URI baseUrl;
    private Path pactsDir;
    private final List<Path> pactFiles = new ArrayList<>();
    private URI stateChangeUrl;
    private final List<String> consumers = new ArrayList<>();
    private int parallel = Runtime.getRuntime().availableProcessors();
    private Duration timeout = Duration.ofSeconds(10);

    private Builder(String provider, URI baseUrl) {
      this.provider = Objects.requireNonNull(provider, "provider");
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** Reads every pact for the provider from this folder; default {@link PactsDirectory}. */
    public Builder pactsDir(Path dir) {
      this.pactsDir = dir;
      return this;
    }

    /** Verifies this pact file (repeatable) instead of a folder's. */
    public Builder pactFile(Path file) {
      pactFiles.add(file);
      return this;
    }

    /** Sets up and tears down provider states by POSTing to this URL. */
    public Builder stateChangeUrl(URI url) {
      this.stateChangeUrl = url;
      return this;
    }

    /** Verifies only this consumer's pacts (repeatable). */
    public Builder consumer(String name) {
      consumers.add(name);
      return this;
    }

    /** How many interactions without provider states run at once; default the cores. */
    public Builder parallel(int interactions) {
      this.parallel = interactions;
      return this;
    }

    /** How long each request may take; default 10 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Builds the verifier. */
    public PactVerifier build() {
      return new PactVerifier(
          new VerifyConfig(
              provider,
              baseUrl,
              pactsDir == null ? PactsDirectory.locate() : pactsDir,
              pactFiles,
              stateChangeUrl,
              consumers,
              parallel,
              timeout));
    }
  }
}
