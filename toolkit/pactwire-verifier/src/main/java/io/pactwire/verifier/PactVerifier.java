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
 * Verifies a running provider over HTTP against every pact that names it, judging responses and
 * messages with pact-jvm's matching engine, as its JUnit 5 runner does.
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
   * @param failures the failure message of each interaction that failed, pending ones aside
   * @param pendingFailures the failure message of each pending interaction (V4 {@code "pending":
   *     true}) that failed: reported, but not failing the verification
   * @param skippedMessages how many message interactions were not verified (no {@link
   *     Builder#messagesUrl(URI)})
   */
  public record Result(
      int passed, List<String> failures, List<String> pendingFailures, int skippedMessages) {

    /** Copies the lists. */
    public Result {
      failures = List.copyOf(failures);
      pendingFailures = List.copyOf(pendingFailures);
    }

    /**
     * Whether every interaction was verified and passed, pending ones aside: a pact with message
     * interactions left unverified is not a success ({@code failures().isEmpty()} says whether the
     * verified interactions passed).
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
    // the result holds failure messages, not exchanges
    VerifierEngine.Run run = VerifierEngine.run(config, null, false);
    List<String> failures = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    int passed = 0;
    for (int i = 0; i < run.interactions().size(); i++) {
      var interaction = run.interactions().get(i);
      if (interaction.result().success()) {
        passed++;
      } else if (run.pending().get(i)) {
        pending.add(interaction.result().message());
      } else {
        failures.add(interaction.result().message());
      }
    }
    return new Result(passed, failures, pending, run.skippedMessages());
  }

  /** Builds a {@link PactVerifier}; every setting but the provider and its URL has a default. */
  public static final class Builder {
    private final String provider;
    private final URI baseUrl;
    private Path pactsDir;
    private final List<Path> pactFiles = new ArrayList<>();
    private URI stateChangeUrl;
    private URI messagesUrl;
    private long maxBodyBytes = VerifyConfig.DEFAULT_MAX_BODY_BYTES;
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

    /**
     * Verifies message interactions by POSTing {@code {"description", "providerStates"}} to this
     * URL, the Pact convention: the provider answers with the message as the body, its content type
     * as Content-Type and its metadata as base64 JSON in a {@code Pact-Message-Metadata} header.
     * Without it, message interactions are not verified.
     */
    public Builder messagesUrl(URI url) {
      this.messagesUrl = url;
      return this;
    }

    /**
     * The largest response body or message read; a larger one fails its interaction. Default 10 MB.
     */
    public Builder maxBodyBytes(long bytes) {
      this.maxBodyBytes = bytes;
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
              messagesUrl,
              consumers,
              parallel,
              timeout,
              maxBodyBytes));
    }
  }
}
