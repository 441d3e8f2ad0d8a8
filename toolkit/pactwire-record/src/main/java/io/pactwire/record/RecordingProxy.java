package io.pactwire.record;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.pactwire.consumer.internal.CaptureSettings;
import io.pactwire.consumer.internal.PactWriter;
import io.pactwire.core.ContractId;
import io.pactwire.core.internal.AtomicFiles;
import io.pactwire.core.internal.JsonDepth;
import io.pactwire.core.internal.Startup;
import io.pactwire.record.internal.RecordedExchange;
import io.pactwire.record.internal.RecordingWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A recording proxy in front of a third party's sandbox, built on WireMock's recorder: every
 * exchange that passes through becomes a WireMock mapping and a Pact V4 interaction, built by the
 * same code that captures stubs in tests (matchers inferred from the example, {@code
 * Authorization}, cookies, API keys and the configured JSON paths redacted in both files).
 *
 * <pre>{@code
 * try (RecordingProxy proxy =
 *     RecordingProxy.newInstance(URI.create("https://api-m.sandbox.paypal.com"))
 *         .consumer("checkout-service")
 *         .provider("paypal-orders")
 *         .out(Path.of("recorded"))
 *         .build()
 *         .start()) {
 *   client(proxy.baseUrl()).createOrder(...);
 * } // stop() writes recorded/mappings/*.json and recorded/checkout-service-paypal-orders.json
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RecordingProxy implements AutoCloseable {

  /**
   * What a recording wrote.
   *
   * @param mappings the mapping files, one per distinct request
   * @param pact the pact the interactions were merged into
   * @param interactions how many interactions were recorded
   */
  public record Recording(List<Path> mappings, Path pact, int interactions) {

    /** Copies the list. */
    public Recording {
      mappings = List.copyOf(mappings);
    }
  }

  private final Builder settings;
  private final CaptureSettings capture;
  private final Set<String> captureHeaders;
  private WireMockServer server;
  private Path root;
  private Recording recording;

  private RecordingProxy(Builder settings) {
    this.settings = settings;
    this.capture =
        CaptureSettings.of(
            settings.secretHeaders, settings.secretPaths, settings.secretQueryParameters);
    Set<String> headers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    headers.addAll(capture.secretHeaders());
    headers.addAll(settings.captureHeaders);
    // Set-Cookie is a response header: a request never carries it
    headers.remove("set-cookie");
    this.captureHeaders = headers;
  }

  /** Starts a builder for a proxy in front of {@code target}. */
  public static Builder newInstance(URI target) {
    return new Builder(target);
  }

  /**
   * Starts listening and proxying.
   *
   * @throws io.pactwire.core.PactFileException when the pact the recording would be merged into
   *     cannot be read: refused before anything is recorded
   * @throws IllegalStateException when the port cannot be bound, or the folders of the mappings and
   *     the pact cannot be made or written in
   */
  public synchronized RecordingProxy start() {
    if (server != null) {
      return this;
    }
    Startup.consumer();
    PactWriter.check(settings.pactFile());
    // the folders the recording goes into, made and tried now: a recording that cannot be written
    // is refused before it starts, not lost when it stops
    writableFolder(settings.mappingsDir());
    writableFolder(settings.pactFile().toAbsolutePath().getParent());
    try {
      // WireMock's own folder, never the project's: the recorder writes nothing there
      root = Files.createTempDirectory("pactwire-record");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder", e);
    }
    server =
        new WireMockServer(
            options()
                .bindAddress(settings.host)
                .port(settings.port)
                .usingFilesUnderDirectory(root.toString())
                .stubRequestLoggingDisabled(true));
    try {
      server.start();
    } catch (RuntimeException e) {
      server = null;
      deleteRoot();
      throw new IllegalStateException(
          settings.host + ":" + settings.port + ": cannot listen (" + rootMessage(e) + ")", e);
    }
    server.startRecording(RecordingWriter.spec(target(), captureHeaders));
    return this;
  }

  private static void writableFolder(Path dir) {
    // the nearest folder that exists, or the file in the way, named as it is
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw new IllegalStateException(
          "cannot write the recording into " + dir + ": " + existing + " is a file, not a folder");
    }
    try {
      AtomicFiles.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, ".pactwire-record", ".tmp"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot write the recording into " + dir + ": " + AtomicFiles.why(e), e);
    }
    // the folders made for the try are removed: a recording refused or never written leaves
    // nothing behind, and the writer makes them again when it writes
    try {
      for (Path made = dir.toAbsolutePath();
          made != null && !made.equals(existing);
          made = made.getParent()) {
        Files.deleteIfExists(made);
      }
    } catch (IOException e) {
      // another writer's file in it: it stays
    }
  }

  /** The proxy's base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("the proxy is not started");
    }
    String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
    return "http://" + host + ":" + server.port();
  }

  /** The port the proxy listens on. */
  public int port() {
    return server.port();
  }

  /**
   * Stops proxying and writes the mappings and the pact (atomically); later calls return the same
   * recording.
   */
  public synchronized Recording stop() {
    if (recording != null) {
      return recording;
    }
    if (server == null) {
      throw new IllegalStateException("the proxy is not started");
    }
    List<String> tooDeep = new ArrayList<>();
    try {
      List<RecordedExchange> exchanges =
          RecordingWriter.exchanges(server, target(), captureHeaders, capture, tooDeep);
      List<Path> files =
          RecordingWriter.write(
              exchanges,
              settings.mappingsDir(),
              settings.pactFile(),
              new ContractId(settings.consumer, settings.provider));
      recording = new Recording(files, settings.pactFile(), exchanges.size());
      if (!tooDeep.isEmpty()) {
        throw new IllegalStateException(
            "recorded "
                + exchanges.size()
                + " exchanges into "
                + settings.pactFile()
                + ", but not "
                + String.join(", ", tooDeep)
                + ": a body nested more than "
                + JsonDepth.MAX
                + " levels deep, which pact-jvm cannot read");
      }
      return recording;
    } finally {
      server.stop();
      deleteRoot();
    }
  }

  /** {@link #stop()}. */
  @Override
  public void close() {
    if (server != null) {
      stop();
    }
  }

  private String target() {
    String url = settings.target.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private void deleteRoot() {
    if (root == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a temporary folder, empty unless WireMock wrote into it
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }

  /** Builds a {@link RecordingProxy}; target, consumer and provider are required. */
  public static final class Builder {
    private final URI target;
    private String consumer;
    private String provider;
    private Path out = Path.of(".");
    private Path mappingsDir;
    private Path pactFile;
    private String host = "127.0.0.1";
    private int port;
    private final List<String> secretHeaders = new ArrayList<>();
    private final List<String> secretPaths = new ArrayList<>();
    private final List<String> secretQueryParameters = new ArrayList<>();
    private final List<String> captureHeaders = new ArrayList<>();

    private Builder(URI target) {
      this.target = Objects.requireNonNull(target, "target");
      String scheme = String.valueOf(target.getScheme()).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
        throw new IllegalArgumentException(
            "target " + target + " is not an http:// or https:// URL");
      }
    }

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
     * The folder that receives {@code mappings/*.json} and {@code <consumer>-<provider>.json};
     * default the working folder.
     */
    public Builder out(Path dir) {
      this.out = dir;
      return this;
    }

    /** Where the mappings go, instead of {@code <out>/mappings}. */
    public Builder mappingsDir(Path dir) {
      this.mappingsDir = dir;
      return this;
    }

    /** Where the pact goes, instead of {@code <out>/<consumer>-<provider>.json}. */
    public Builder pactFile(Path file) {
      this.pactFile = file;
      return this;
    }

    /** The address to bind; default {@code 127.0.0.1} (loopback only). */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port to listen on; default 0, a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Headers redacted besides Authorization, Cookie, X-Api-Key and the like. */
    public Builder secretHeaders(String... names) {
      secretHeaders.addAll(Arrays.asList(names));
      return this;
    }

    /** JSON paths in request and response bodies redacted ({@code $.access_token}). */
    public Builder secretPaths(String... paths) {
      secretPaths.addAll(Arrays.asList(paths));
      return this;
    }

    /** Query parameters redacted besides {@code access_token}, {@code api_key} and the like. */
    public Builder secretQueryParameters(String... names) {
      secretQueryParameters.addAll(Arrays.asList(names));
      return this;
    }

    /**
     * Request headers the stubs match on and the pact names, besides the secret ones (which are
     * matched as present, never by value).
     */
    public Builder captureHeaders(String... names) {
      captureHeaders.addAll(Arrays.asList(names));
      return this;
    }

    /** Builds the proxy; {@link RecordingProxy#start()} starts it. */
    public RecordingProxy build() {
      if (consumer == null || consumer.isBlank() || provider == null || provider.isBlank()) {
        throw new IllegalArgumentException("a recording needs a consumer and a provider name");
      }
      return new RecordingProxy(this);
    }

    Path mappingsDir() {
      return mappingsDir != null ? mappingsDir : out.resolve("mappings");
    }

    Path pactFile() {
      return pactFile != null ? pactFile : new ContractId(consumer, provider).fileIn(out);
    }
  }
}
