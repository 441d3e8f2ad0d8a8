package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pactwire.cli.PactwireCommandTests.Run;
import io.pactwire.record.RecordingProxy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code pactwire record} then {@code pactwire monitor}, in-process as {@code Main} runs them,
 * against a real HTTP sandbox.
 */
class RecordMonitorCommandTests {

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  @TempDir static Path dir;
  static HttpServer sandbox;
  static volatile String order = "{\"id\": \"ORD-1\", \"status\": \"APPROVED\", \"quantity\": 2}";
  static Path pact;

  @BeforeAll
  static void recordTheSandbox() throws Exception {
    sandbox = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    sandbox.createContext("/orders/ORD-1", RecordMonitorCommandTests::order);
    sandbox.start();

    RecordCommand command = new RecordCommand();
    new CommandLine(command)
        .parseArgs(
            "--target",
            sandboxUrl(),
            "--consumer",
            "shop",
            "--provider",
            "vendor",
            "--out",
            dir.toString());
    StringWriter err = new StringWriter();
    RecordingProxy proxy = command.start(new PrintWriter(err, true));
    assertThat(err.toString()).isEmpty();
    assertThat(command.banner(proxy))
        .matches(
            "Recording http://127\\.0\\.0\\.1:\\d+ at http://127\\.0\\.0\\.1:\\d+ \\(shop → vendor\\);"
                + " stop with Ctrl-C or SIGTERM to write the stubs and the pact");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/orders/ORD-1")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.body()).contains("APPROVED");
    RecordingProxy.Recording recording = proxy.stop();
    assertThat(RecordCommand.summary(recording))
        .isEqualTo(
            "Recorded 1 interaction into "
                + dir.resolve("shop-vendor.json")
                + " and 1 mapping into "
                + dir.resolve("mappings"));
    pact = recording.pact();
    assertThat(dir.resolve("mappings/get-orders-ord-1.json")).exists();
  }

  @AfterAll
  static void stopTheSandbox() {
    sandbox.stop(0);
  }

  private static void order(HttpExchange exchange) throws IOException {
    byte[] body = order.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static String sandboxUrl() {
    return "http://127.0.0.1:" + sandbox.getAddress().getPort();
  }

  private static Run monitor(Path history, String... more) {
    String[] args = {
      "monitor",
      "--pact",
      pact.toString(),
      "--base-url",
      sandboxUrl(),
      "--history",
      history.toString()
    };
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return PactwireCommandTests.run(all);
  }

  @Nested
  class Monitor {

    @Test
    void exitsZeroOnAStableSandboxOneOnNewDriftThenZeroWhenKnown(@TempDir Path history) {
      Run stable = monitor(history);
      assertThat(stable.exit()).as(stable.err()).isZero();
      assertThat(stable.out())
          .startsWith("pactwire monitor: shop → vendor at " + sandboxUrl() + "\n")
          .contains("  ok           GET /orders/ORD-1\n")
          .endsWith("No drift\n");

      String before = order;
      order = "{\"id\": \"ORD-1\", \"state\": \"APPROVED\", \"quantity\": 2}";
      try {
        Run drifted = monitor(history);
        assertThat(drifted.exit()).isEqualTo(1);
        assertThat(drifted.out())
            .contains("  drift        GET /orders/ORD-1\n")
            .contains("      new:   field gone $.status (expected \"APPROVED\", got (absent))\n")
            .endsWith("New drift since the last run: 1\n");

        Run again = monitor(history, "--format", "markdown");
        assertThat(again.exit()).isZero();
        assertThat(again.err()).endsWith("No new drift (1 known)\n");
        assertThat(again.out())
            .startsWith("# Drift timeline: shop → vendor\n")
            .contains("| drift | **new** field gone $.status");
      } finally {
        order = before;
      }
    }

    @Test
    void aStateSetupThatFailsSkipsItsInteractionInsteadOfJudgingIt(@TempDir Path history)
        throws IOException {
      Path withState = history.resolve("shop-vendor-states.json");
      Files.writeString(
          withState,
          Files.readString(pact)
              .replaceFirst(
                  "\"request\"\\s*:",
                  "\"providerStates\": [{\"name\": \"order ORD-1 exists\"}], \"request\":"));

      Run run =
          PactwireCommandTests.run(
              "monitor",
              "--pact",
              withState.toString(),
              "--base-url",
              sandboxUrl(),
              "--history",
              history.toString(),
              "--state-setup",
              "echo 'sandbox has no such order' >&2; exit 4");

      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.out())
          .contains(
              "  skipped      GET /orders/ORD-1 ('GET /orders/ORD-1 given 'order ORD-1 exists''):"
                  + " state 'order ORD-1 exists': the state setup exited 4: sandbox has no such"
                  + " order; not replayed\n")
          .endsWith("Nothing judged: every call was skipped\n");
    }

    @Test
    void aCorruptHistoryIsOneLineWithExitTwoAndLeftUnchanged(@TempDir Path history)
        throws IOException {
      Path file = history.resolve("shop-vendor.jsonl");
      Files.writeString(file, "not json\n");

      Run run = monitor(history);

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().lines()).hasSize(1);
      assertThat(run.err()).startsWith("pactwire monitor: " + file + ":1: the history is corrupt");
      assertThat(Files.readString(file)).isEqualTo("not json\n");
    }

    // each refused under its own name, before any request: a zero timeout was blamed on the
    // base URL ("Invalid duration: PT0S"), a zero or negative rate and negative retries ran
    @ParameterizedTest
    @CsvSource({
      "--timeout, 0, 0.0: must be more than 0 seconds",
      "--timeout, -1, -1.0: must be more than 0 seconds",
      "--rate, 0, 0.0: must be more than 0 requests a second",
      "--rate, -2, -2.0: must be more than 0 requests a second",
      "--retries, -1, -1: must be 0 or more"
    })
    void anOptionOutOfRangeIsOneLineNamingIt(
        String option, String value, String problem, @TempDir Path history) throws IOException {
      Run run = monitor(history, option, value);

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo("pactwire monitor: " + option + " " + problem + "\n");
      try (var written = Files.list(history)) {
        assertThat(written).isEmpty();
      }
    }

    @Test
    void aPactWithoutHttpInteractionsIsOneLineWithExitTwo(@TempDir Path history)
        throws IOException {
      Path messages = history.resolve("events.json");
      Files.writeString(
          messages,
          """
          {"consumer": {"name": "shop"}, "provider": {"name": "events"},
           "interactions": [{"type": "Asynchronous/Messages", "description": "an event",
             "key": "1", "contents": {"content": {"id": 1}, "contentType": "application/json"}}],
           "metadata": {"pactSpecification": {"version": "4.0"}}}
          """);

      Run run =
          PactwireCommandTests.run(
              "monitor",
              "--pact",
              messages.toString(),
              "--base-url",
              sandboxUrl(),
              "--history",
              history.toString());

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "pactwire monitor: "
                  + messages
                  + ": has no HTTP interactions to replay (1 interactions, none of them HTTP)\n");
    }
  }

  @Nested
  class Record {

    @Test
    void aHostThatIsNoAddressIsOneLineWithExitTwo() {
      Run run =
          PactwireCommandTests.run(
              "record",
              "--target",
              sandboxUrl(),
              "--consumer",
              "shop",
              "--provider",
              "vendor",
              "--host",
              "nosuchhost.invalid");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo("pactwire record: nosuchhost.invalid: no such host or address to listen on\n");
    }

    // found before the first request, not when the recording stops and cannot be written
    @Test
    void anOutThatIsAFileIsOneLineWithExitTwo(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("outfile.json"), "{\"a\": 1}");

      Run run =
          PactwireCommandTests.run(
              "record",
              "--target",
              sandboxUrl(),
              "--consumer",
              "a",
              "--provider",
              "b",
              "--out",
              file.toString());

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "pactwire record: cannot write the recording into "
                  + file.resolve("mappings")
                  + ": "
                  + file
                  + " is a file, not a folder\n");
      assertThat(file).hasContent("{\"a\": 1}");
    }

    @Test
    void aTargetThatIsNoUrlIsOneLineWithExitTwo() {
      Run run =
          PactwireCommandTests.run(
              "record", "--target", "ftp://example.com", "--consumer", "a", "--provider", "b");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "pactwire record: target ftp://example.com is not an http:// or https:// URL\n");
    }
  }
}
