package io.pactwire.record;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.pactwire.core.ContractId;
import io.pactwire.core.PactsDirectory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that serves a third party's recorded stubs, or records them: run the test
 * class with {@code -Dpactwire.record=<target URL>} and it proxies to the target instead, writing
 * the stubs it would otherwise serve into {@code <stubsDir>/mappings} and the interactions into the
 * pact, as {@link RecordingProxy} does.
 *
 * <pre>{@code
 * @RegisterExtension
 * static PactwireRecordingExtension payPal =
 *     PactwireRecordingExtension.newInstance()
 *         .consumer("checkout-service")
 *         .provider("paypal-orders")
 *         .stubsDir(Path.of("src/test/resources/paypal-sandbox"))
 *         .build();
 *
 * @Test
 * void getsAnOrder() {
 *   var order = new PayPalOrdersClient(URI.create(payPal.baseUrl()), ...).getOrder("5O1");
 * }
 * }</pre>
 *
 * <p>Register it on a {@code static} field: one server serves, or one proxy records, the whole
 * class; the files are written after its last test.
 *
 * @since 0.1.0
 */
public final class PactwireRecordingExtension implements BeforeAllCallback, AfterAllCallback {

  /** The system property that names the target to record. */
  public static final String RECORD_PROPERTY = "pactwire.record";

  private final Builder settings;
  private RecordingProxy proxy;
  private WireMockServer server;
  private RecordingProxy.Recording recording;

  private PactwireRecordingExtension(Builder settings) {
    this.settings = settings;
  }

  /** Starts a builder. */
  public static Builder newInstance() {
    return new Builder();
  }

  /** Whether this run records (the system property names a target). */
  public static boolean recording() {
    String target = System.getProperty(RECORD_PROPERTY);
    return target != null && !target.isBlank();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (recording()) {
      String target = System.getProperty(RECORD_PROPERTY).strip();
      RecordingProxy.Builder builder;
      try {
        builder = RecordingProxy.newInstance(URI.create(target));
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(
            "-D" + RECORD_PROPERTY + "=" + target + ": " + e.getMessage(), e);
      }
      proxy =
          builder
              .consumer(settings.consumer)
              .provider(settings.provider)
              .mappingsDir(settings.stubsDir().resolve("mappings"))
              .pactFile(pactFile())
              .secretHeaders(settings.secretHeaders.toArray(String[]::new))
              .secretPaths(settings.secretPaths.toArray(String[]::new))
              .secretQueryParameters(settings.secretQueryParameters.toArray(String[]::new))
              .captureHeaders(settings.captureHeaders.toArray(String[]::new))
              .build()
              .start();
      return;
    }
    Path mappings = settings.stubsDir().resolve("mappings");
    if (!hasMappings(mappings)) {
      throw new ExtensionConfigurationException(
          mappings.toAbsolutePath()
              + ": no recorded stubs; run "
              + context.getRequiredTestClass().getName()
              + " with -D"
              + RECORD_PROPERTY
              + "=<the sandbox's URL> to record them");
    }
    server =
        new WireMockServer(
            // loopback: WireMock's own default is every interface
            options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(settings.stubsDir().toString()));
    server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (proxy != null) {
      recording = proxy.stop();
      proxy = null;
    }
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** The URL the client under test talks to: the recording proxy, or the stubs. */
  public String baseUrl() {
    if (proxy != null) {
      return proxy.baseUrl();
    }
    if (server != null) {
      return server.baseUrl();
    }
    throw new IllegalStateException("not started: register the extension on a static field");
  }

  /** What the last recording wrote; null unless the class recorded and has ended. */
  public RecordingProxy.Recording lastRecording() {
    return recording;
  }

  /** The pact a recording merges into. */
  public Path pactFile() {
    Path dir = settings.pactsDir == null ? PactsDirectory.locate() : settings.pactsDir;
    return new ContractId(settings.consumer, settings.provider).fileIn(dir);
  }

  private static boolean hasMappings(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".json"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Builds a {@link PactwireRecordingExtension}; consumer and provider are required. */
  public static final class Builder {
    private String consumer;
    private String provider;
    private Path stubsDir;
    private Path pactsDir;
    private final List<String> secretHeaders = new ArrayList<>();
    private final List<String> secretPaths = new ArrayList<>();
    private final List<String> secretQueryParameters = new ArrayList<>();
    private final List<String> captureHeaders = new ArrayList<>();

    private Builder() {}

    /** The consumer's name in the pact. */
    public Builder consumer(String name) {
      this.consumer = name;
      return this;
    }

    /** The provider's name in the pact. */
    public Builder provider(String name) {
      this.provider = name;
      return this;
    }

    /**
     * The folder whose {@code mappings/} holds the stubs; default {@code
     * src/test/resources/<provider>}.
     */
    public Builder stubsDir(Path dir) {
      this.stubsDir = dir;
      return this;
    }

    /** The folder of the pact; default {@link PactsDirectory#locate()}. */
    public Builder pactsDir(Path dir) {
      this.pactsDir = dir;
      return this;
    }

    /** Headers redacted besides Authorization, Cookie, X-Api-Key and the like. */
    public Builder secretHeaders(String... names) {
      secretHeaders.addAll(List.of(names));
      return this;
    }

    /** JSON paths in request and response bodies redacted. */
    public Builder secretPaths(String... paths) {
      secretPaths.addAll(List.of(paths));
      return this;
    }

    /** Query parameters redacted besides {@code access_token}, {@code api_key} and the like. */
    public Builder secretQueryParameters(String... names) {
      secretQueryParameters.addAll(List.of(names));
      return this;
    }

    /** Request headers the recorded stubs match on, besides the secret ones. */
    public Builder captureHeaders(String... names) {
      captureHeaders.addAll(List.of(names));
      return this;
    }

    /** Builds the extension. */
    public PactwireRecordingExtension build() {
      if (consumer == null || provider == null) {
        throw new IllegalArgumentException("the extension needs a consumer and a provider name");
      }
      return new PactwireRecordingExtension(this);
    }

    Path stubsDir() {
      return stubsDir != null ? stubsDir : Path.of("src", "test", "resources", provider);
    }
  }
}
