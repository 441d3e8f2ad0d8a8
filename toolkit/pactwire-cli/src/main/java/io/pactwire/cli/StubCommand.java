package io.pactwire.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.FatalStartupException;
import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.pactwire.core.PactFileException;
import io.pactwire.stubs.Overlap;
import io.pactwire.stubs.PactStubs;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire stub}: serves a provider's pacts as WireMock stubs until the process is stopped.
 *
 * @since 0.1.0
 */
@Command(
    name = "stub",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a provider's HTTP interactions from a pacts folder as stubs that match requests by"
          + " the pacts' own rules (pact-jvm's request matching), until stopped (Ctrl-C, SIGTERM).",
      "WireMock's admin API (/__admin) answers only while the server listens on loopback;"
          + " bound to another address (--host 0.0.0.0) it refuses every admin request (401).",
      "Exit status: 0 shut down through the admin API, 2 unreadable input (a malformed pact, no"
          + " pact for the provider, an unsupported matcher) or an address or port that cannot be"
          + " bound; stopped by a signal (Ctrl-C, SIGTERM), a status above 128 (143 for SIGTERM)."
    })
final class StubCommand implements Callable<Integer> {

  // the overlaps PactStubs logs when built are printed with the banner instead; a strong
  // reference, or java.util.logging forgets the level with the logger
  private static final java.util.logging.Logger STUBS_LOG =
      java.util.logging.Logger.getLogger("io.pactwire.stubs");

  @Spec CommandSpec spec;

  @Option(
      names = "--pacts",
      required = true,
      paramLabel = "DIR",
      description =
          "The pacts folder (the pacts directly in it, not its subfolders), or one pact file.")
  Path pacts;

  @Option(
      names = "--provider",
      required = true,
      paramLabel = "NAME",
      description = "Serves the pacts of this provider.")
  String provider;

  @Option(
      names = "--state",
      paramLabel = "STATE",
      description =
          "Serves only the interactions of this provider state (repeat for several), and those"
              + " without a state; an interaction of several states is served when one of them is"
              + " chosen. Default: all.")
  List<String> states = List.of();

  @Option(
      names = "--port",
      defaultValue = "0",
      paramLabel = "N",
      description = "The port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "H",
      description =
          "The address to bind; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE} (loopback"
              + " only).")
  String host;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Serving serving = start(err);
    if (serving == null) {
      return PactwireCommand.UNREADABLE;
    }
    // SIGTERM and Ctrl-C run the hook: the server stops, its port is freed, then the JVM exits
    Runtime.getRuntime().addShutdownHook(new Thread(serving::stop, "pactwire-stub-shutdown"));
    out.println(serving.banner());
    for (Overlap overlap : serving.overlaps()) {
      out.println("  " + overlap);
    }
    out.flush();
    serving.awaitStop();
    return 0;
  }

  /** Builds the stubs and starts the server; on bad input prints one line and returns null. */
  Serving start(PrintWriter err) {
    if (!Files.exists(pacts)) {
      return unreadable(err, pacts + ": no such file or folder");
    }
    if (host.isBlank()) {
      // the JDK reads an empty name as loopback, and the URL printed would have no host
      return unreadable(err, "--host '" + host + "' names no address: give 127.0.0.1 or 0.0.0.0");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      return unreadable(err, host + ": no such host or address to listen on");
    }
    STUBS_LOG.setLevel(java.util.logging.Level.WARNING);
    PactStubs.Started started;
    try {
      // the stubs are built while the server is made; it listens once they are registered
      started =
          PactStubs.newInstance()
              .pacts(pacts)
              .provider(provider)
              .states(states.toArray(String[]::new))
              .start(
                  PactStubs.serverOptions()
                      .bindAddress(host)
                      .port(port)
                      .disableRequestJournal()
                      .extensions(new JournalOff())
                      .stubRequestLoggingDisabled(true)
                      // WireMock's admin API adds, replaces and removes stubs, proxies anywhere and
                      // shuts the server down, with no credentials: it answers only where the
                      // server listens on loopback, where no other machine can reach it
                      .adminAuthenticator(request -> address.isLoopbackAddress()));
    } catch (PactFileException e) {
      return unreadable(err, e.getMessage());
    } catch (FatalStartupException e) {
      return unreadable(err, host + ":" + port + ": cannot listen (" + rootMessage(e) + ")");
    }
    PactStubs stubs = started.stubs();
    return new Serving(
        started.server(), stubs.interactions().size(), stubs.overlaps(), provider, host);
  }

  /**
   * The server keeps no journal of requests (a stub server answers thousands a second, and an
   * unmatched one is answered with its near-miss report): WireMock's admin requests that list its
   * requests or their near misses would fail with a server error and a stack trace. They are
   * answered 409 with WireMock's error shape, saying why.
   */
  static final class JournalOff implements AdminRequestFilterV2 {

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
      String path = request.getUrl();
      int q = path.indexOf('?');
      path = q < 0 ? path : path.substring(0, q);
      // the admin handler may give the path below its root
      path = path.startsWith("/__admin/") ? path.substring("/__admin".length()) : path;
      // the reads WireMock fails on without a journal: the list, one request, and the near misses
      // of unmatched requests or of a pattern; a count, a find, a reset and a removal answer
      // without one (the client says the journal is off)
      boolean get = request.getMethod().getName().equals("GET");
      boolean journal =
          get
                  && (path.equals("/requests")
                      || path.equals("/requests/unmatched/near-misses")
                      || path.startsWith("/requests/")
                          && path.indexOf('/', "/requests/".length()) < 0
                          && !path.equals("/requests/unmatched"))
              || path.equals("/near-misses/request-pattern");
      if (!journal) {
        return RequestFilterAction.continueWith(request);
      }
      return RequestFilterAction.stopWith(
          ResponseDefinitionBuilder.responseDefinition()
              .withStatus(409)
              .withHeader("Content-Type", "application/json")
              .withBody(
                  "{\"errors\": [{\"code\": 409, \"title\": \"pactwire stub keeps no journal of"
                      + " requests\", \"detail\": \"requests are not recorded, so they cannot be"
                      + " listed, counted or verified; an unmatched request is answered 404 with"
                      + " its near-miss report\"}]}")
              .build());
    }

    @Override
    public String getName() {
      return "pactwire-journal-off";
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }

  private static Serving unreadable(PrintWriter err, String message) {
    err.println("pactwire stub: " + message);
    err.flush();
    return null;
  }

  /** A running stub server. */
  static final class Serving {
    private final WireMockServer server;
    private final int interactions;
    private final List<Overlap> overlaps;
    private final String provider;
    private final String host;
    private final CountDownLatch stopped = new CountDownLatch(1);

    Serving(
        WireMockServer server,
        int interactions,
        List<Overlap> overlaps,
        String provider,
        String host) {
      this.server = server;
      this.interactions = interactions;
      this.overlaps = overlaps;
      this.provider = provider;
      this.host = host;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    String url() {
      String h = host.contains(":") ? "[" + host + "]" : host;
      return "http://" + h + ":" + server.port();
    }

    int interactions() {
      return interactions;
    }

    /** The pairs of interactions that answer the same request, and which one answers. */
    List<Overlap> overlaps() {
      return overlaps;
    }

    /** The line printed once the stubs answer. */
    String banner() {
      return "Serving "
          + interactions
          + (interactions == 1 ? " interaction" : " interactions")
          + " of "
          + provider
          + " at "
          + url();
    }

    /** Stops the server; the port is free when this returns. */
    void stop() {
      try {
        server.stop();
      } finally {
        stopped.countDown();
      }
    }

    /**
     * Blocks until {@link #stop()}, or until the server stops by itself (WireMock's admin API shuts
     * it down), so that the command then ends too instead of listening on nothing.
     */
    void awaitStop() {
      try {
        while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
          if (!server.isRunning()) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
