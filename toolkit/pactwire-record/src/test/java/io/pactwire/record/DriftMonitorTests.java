package io.pactwire.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactwire.testsupport.Golden;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor against a real sandbox recorded into a pact, then changed. */
class DriftMonitorTests {

  private static final Map<String, String> CREDENTIALS =
      Map.of(
          "PACTWIRE_SECRET_AUTHORIZATION", VendorSandbox.SECRET,
          "PACTWIRE_SECRET_API_KEY", VendorSandbox.SECRET,
          "PACTWIRE_SECRET_CARD_NUMBER", VendorSandbox.SECRET);
  private static final String GET = "GET /v1/orders/ORD-1?api_key=<redacted>&expand=lines";

  @TempDir static Path recorded;
  private static VendorSandbox sandbox;
  private static Path pact;

  @TempDir Path history;

  @BeforeAll
  static void recordTheSandbox() throws IOException {
    sandbox = new VendorSandbox();
    pact = VendorClient.record(sandbox, recorded).pact();
  }

  @AfterAll
  static void stopTheSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void theSandboxIsAsRecorded() {
    sandbox.renameStatus = false;
    sandbox.retypeQuantity = false;
    sandbox.dropRequestId = false;
    sandbox.requirePartnerHeader = false;
    sandbox.unavailableTimes = 0;
    sandbox.alwaysUnavailable = false;
    sandbox.delayMillis = 0;
  }

  private DriftMonitor.Builder monitor() {
    return monitor(URI.create(sandbox.baseUrl()));
  }

  private DriftMonitor.Builder monitor(URI target) {
    return DriftMonitor.newInstance(pact, target)
        .history(history)
        .environment(CREDENTIALS)
        .rate(0)
        .backoff(Duration.ofMillis(50));
  }

  private Path historyFile() {
    return history.resolve("shop-vendor-orders.jsonl");
  }

  // a recorded XML login holds its password as XML escapes the placeholder: replayed as it is, it
  // would send "<redacted>" as the password to the live sandbox
  @Test
  void anXmlBodyWithARedactedValueIsNotReplayed(@TempDir Path dir) throws IOException {
    Path xml =
        Files.writeString(
            dir.resolve("shop-vendor-soap.json"),
            """
            {"consumer": {"name": "shop"}, "provider": {"name": "vendor-soap"},
             "metadata": {"pactSpecification": {"version": "4.0"}},
             "interactions": [{"type": "Synchronous/HTTP", "description": "POST /soap/login",
               "request": {"method": "POST", "path": "/soap/login",
                 "headers": {"Content-Type": ["application/xml"]},
                 "body": {"content": "<login><password>&lt;redacted&gt;</password></login>",
                   "contentType": "application/xml", "encoded": false}},
               "response": {"status": 200}}]}
            """);
    int before = sandbox.requests.get();

    MonitorRun run =
        DriftMonitor.newInstance(xml, URI.create(sandbox.baseUrl()))
            .history(history)
            .environment(CREDENTIALS)
            .allowWrites(true)
            .rate(0)
            .build()
            .run();

    assertThat(run.calls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.outcome()).isEqualTo(MonitoredCall.Outcome.SKIPPED);
              assertThat(c.note())
                  .isEqualTo("its request body holds a redacted value; not replayed");
            });
    assertThat(sandbox.requests.get()).isEqualTo(before);
  }

  @Nested
  class AStableSandbox {

    @Test
    void hasNoDriftAndTheRunIsAppendedToTheHistory() throws IOException {
      MonitorRun run = monitor().build().run();

      assertThat(run.exitCode()).isZero();
      assertThat(run.calls())
          .extracting(MonitoredCall::request, MonitoredCall::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(GET, MonitoredCall.Outcome.OK),
              org.assertj.core.groups.Tuple.tuple(
                  "POST /v1/orders", MonitoredCall.Outcome.SKIPPED));
      assertThat(run.calls().get(1).note())
          .isEqualTo("POST changes data: replayed only with --allow-writes");
      assertThat(Files.readAllLines(historyFile())).hasSize(1);
    }

    @Test
    void writesAreReplayedOnlyWhenAllowed() {
      MonitorRun run = monitor().allowWrites(true).build().run();

      assertThat(run.exitCode()).isZero();
      assertThat(run.calls()).allMatch(c -> c.outcome() == MonitoredCall.Outcome.OK);
    }

    @Test
    void theCredentialComesFromTheEnvironmentAndIsNeverWritten() throws IOException {
      int before = sandbox.requests.get();
      MonitorRun withoutIt =
          monitor().environment(Map.of("PACTWIRE_SECRET_API_KEY", "k")).build().run();

      assertThat(withoutIt.calls().get(0).outcome()).isEqualTo(MonitoredCall.Outcome.SKIPPED);
      assertThat(withoutIt.calls().get(0).note())
          .isEqualTo("needs the credential in $PACTWIRE_SECRET_AUTHORIZATION; not replayed");
      assertThat(sandbox.requests.get()).isEqualTo(before);
      assertThat(withoutIt.exitCode()).isEqualTo(2);
      assertThat(DriftMonitor.report(withoutIt, URI.create(sandbox.baseUrl())))
          .endsWith("Nothing judged: every call was skipped\n");

      monitor().build().run();
      assertThat(Files.readString(historyFile())).doesNotContain(VendorSandbox.SECRET);
    }
  }

  @Nested
  class ADriftedSandbox {

    @Test
    void reportsEachDriftAtItsPathOnceThenAsKnown() throws IOException {
      sandbox.renameStatus = true;
      sandbox.retypeQuantity = true;
      sandbox.dropRequestId = true;

      MonitorRun first = monitor().build().run();

      assertThat(first.exitCode()).isEqualTo(1);
      assertThat(first.newDrift())
          .extracting(Drift::kind, Drift::path)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("header missing", "X-request-id"),
              org.assertj.core.groups.Tuple.tuple("field gone", "$.status"),
              org.assertj.core.groups.Tuple.tuple("field retyped", "$.quantity"));
      assertThat(first.newDrift()).allMatch(d -> d.interaction().equals(GET));

      MonitorRun second = monitor().build().run();

      assertThat(second.exitCode()).isZero();
      assertThat(second.drift()).hasSize(3);
      assertThat(second.newDrift()).isEmpty();
      assertThat(DriftMonitor.report(second, URI.create(sandbox.baseUrl())))
          .contains("No new drift (3 known)")
          .contains("known: field gone $.status (expected \"APPROVED\", got (absent))");
      assertThat(Files.readAllLines(historyFile())).hasSize(2);
    }

    @Test
    void aNewRequiredHeaderIsAChangedStatusAndNothingElse() {
      sandbox.requirePartnerHeader = true;

      MonitorRun run = monitor().build().run();

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.newDrift())
          .extracting(Drift::kind, Drift::expected, Drift::actual)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("status changed", "200", "400"));
    }

    @Test
    void driftThatComesBackAfterAnOutageIsStillKnown() {
      sandbox.renameStatus = true;
      assertThat(monitor().build().run().exitCode()).isEqualTo(1);
      sandbox.alwaysUnavailable = true;
      assertThat(monitor().retries(0).build().run().exitCode()).isEqualTo(2);
      sandbox.alwaysUnavailable = false;

      assertThat(monitor().build().run().exitCode()).isZero();
    }
  }

  @Nested
  class AFlakySandbox {

    @Test
    void a503ThatPassesIsRetriedAndNotDrift() {
      sandbox.unavailableTimes = 1;

      MonitorRun run = monitor().build().run();

      assertThat(run.exitCode()).isZero();
      assertThat(run.calls().get(0).outcome()).isEqualTo(MonitoredCall.Outcome.OK);
      assertThat(run.calls().get(0).attempts()).isEqualTo(2);
    }

    @Test
    void a503ThatStaysIsUnreachableNotDrift() throws IOException {
      sandbox.alwaysUnavailable = true;

      MonitorRun run = monitor().retries(1).build().run();

      assertThat(run.newDrift()).isEmpty();
      assertThat(run.calls().get(0).outcome()).isEqualTo(MonitoredCall.Outcome.UNREACHABLE);
      assertThat(run.calls().get(0).note())
          .isEqualTo("answered 503 (2 attempts); not judged, not drift");
      assertThat(run.exitCode()).isEqualTo(MonitorRun.NOTHING_JUDGED);
      assertThat(Files.readString(historyFile())).contains("\"outcome\":\"unreachable\"");
    }

    @Test
    void aTimeoutIsUnreachableNotDrift() {
      sandbox.delayMillis = 1500;

      MonitorRun run = monitor().timeout(Duration.ofMillis(300)).retries(0).build().run();

      assertThat(run.newDrift()).isEmpty();
      assertThat(run.calls().get(0).note())
          .isEqualTo("no response within 0.3 s; not judged, not drift");
    }
  }

  @Nested
  class ProviderStates {

    private static final String ORDER_EXISTS = "order ORD-1 exists";

    @TempDir Path dir;

    /** The recorded pact, with the GET given a provider state. */
    private Path pactWithAState() throws IOException {
      com.fasterxml.jackson.databind.ObjectMapper json =
          new com.fasterxml.jackson.databind.ObjectMapper();
      com.fasterxml.jackson.databind.node.ObjectNode tree =
          (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(pact.toFile());
      for (com.fasterxml.jackson.databind.JsonNode interaction : tree.withArray("interactions")) {
        if (interaction.path("request").path("method").asText().equals("GET")) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) interaction)
              .putArray("providerStates")
              .addObject()
              .put("name", ORDER_EXISTS)
              .putObject("params")
              .put("id", "ORD-1");
        }
      }
      Path withState = dir.resolve("shop-vendor-orders.json");
      json.writeValue(withState.toFile(), tree);
      return withState;
    }

    private DriftMonitor.Builder monitorWithState() throws IOException {
      return DriftMonitor.newInstance(pactWithAState(), URI.create(sandbox.baseUrl()))
          .history(history)
          .environment(CREDENTIALS)
          .rate(0)
          .backoff(Duration.ofMillis(50));
    }

    @Test
    void theSetupCommandGetsTheStateAsPactsStateChangeBodyBeforeTheCall() throws IOException {
      Path log = dir.resolve("states.log");
      String command =
          "cat >> '"
              + log
              + "'; printf '|%s|%s|%s\\n' \"$PACTWIRE_STATE\" \"$PACTWIRE_STATE_PARAMS\""
              + " \"$PACTWIRE_STATE_ACTION\" >> '"
              + log
              + "'";

      MonitorRun run = monitorWithState().stateSetup(command).build().run();

      assertThat(run.calls().get(0).outcome()).isEqualTo(MonitoredCall.Outcome.OK);
      assertThat(Files.readAllLines(log))
          .containsExactly(
              "{\"state\":\"order ORD-1 exists\",\"params\":{\"id\":\"ORD-1\"},"
                  + "\"action\":\"setup\"}|order ORD-1 exists|{\"id\":\"ORD-1\"}|setup");
    }

    @Test
    void anInteractionWhoseSetupFailsIsSkippedWithTheCommandsOwnWords() throws IOException {
      int before = sandbox.requests.get();

      MonitorRun run =
          monitorWithState().stateSetup("echo 'no such order' >&2; exit 3").build().run();

      assertThat(run.calls().get(0).outcome()).isEqualTo(MonitoredCall.Outcome.SKIPPED);
      assertThat(run.calls().get(0).note())
          .isEqualTo(
              "state 'order ORD-1 exists': the state setup exited 3: no such order; not"
                  + " replayed");
      assertThat(sandbox.requests.get()).isEqualTo(before);
    }

    @Test
    void aSetupThatHangsIsStoppedAfterTheTimeout() throws IOException {
      MonitorRun run =
          monitorWithState().timeout(Duration.ofMillis(300)).stateSetup("sleep 30").build().run();

      assertThat(run.calls().get(0).note())
          .isEqualTo(
              "state 'order ORD-1 exists': the state setup did not finish within 300 ms; not"
                  + " replayed");
    }

    @Test
    void withoutACommandTheInteractionIsReplayedAsItIs() throws IOException {
      MonitorRun run = monitorWithState().build().run();

      assertThat(run.calls().get(0).outcome()).isEqualTo(MonitoredCall.Outcome.OK);
    }
  }

  @Nested
  class BadInput {

    @Test
    void aPactWithoutHttpInteractionsIsOneLine(@TempDir Path dir) throws IOException {
      Path messages = dir.resolve("shop-events.json");
      Files.writeString(
          messages,
          """
          {"consumer": {"name": "shop"}, "provider": {"name": "events"},
           "interactions": [{"type": "Asynchronous/Messages", "description": "an order event",
             "key": "1", "contents": {"content": {"id": 1}, "contentType": "application/json"}}],
           "metadata": {"pactSpecification": {"version": "4.0"}}}
          """);

      assertThatThrownBy(
              () ->
                  DriftMonitor.newInstance(messages, URI.create(sandbox.baseUrl()))
                      .history(history)
                      .build()
                      .run())
          .isInstanceOf(MonitorInputException.class)
          .hasMessage(
              messages
                  + ": has no HTTP interactions to replay (1 interactions, none of them HTTP)");
    }

    @Test
    void anUnreachableTargetSaysSoForEachCallAndJudgesNothing() throws IOException {
      int port;
      try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = free.getLocalPort();
      }

      MonitorRun run = monitor(URI.create("http://127.0.0.1:" + port)).retries(0).build().run();

      assertThat(run.exitCode()).isEqualTo(2);
      MonitoredCall get = run.calls().get(0);
      assertThat(get.outcome()).isEqualTo(MonitoredCall.Outcome.UNREACHABLE);
      // the JDK's client says nothing of a refused connection: the words are the monitor's
      assertThat(get.note()).isEqualTo("no connection: Connection refused; not judged, not drift");
      assertThat(DriftMonitor.report(run, URI.create("http://127.0.0.1:" + port)))
          .endsWith(
              "Nothing judged: no call got an answer to judge from http://127.0.0.1:"
                  + port
                  + "\n");
    }

    @Test
    void aCorruptHistoryIsOneLineAndLeftAsItIs() throws IOException {
      monitor().build().run();
      Files.writeString(
          historyFile(), "{\"at\": \"2026-12-06T\n", java.nio.file.StandardOpenOption.APPEND);
      byte[] before = Files.readAllBytes(historyFile());
      int requests = sandbox.requests.get();

      assertThatThrownBy(() -> monitor().build().run())
          .isInstanceOf(MonitorInputException.class)
          .hasMessageStartingWith(historyFile() + ":2: the history is corrupt (not JSON: ")
          .hasMessageEndingWith("); it is left as it is: repair that line or move the file aside")
          .message()
          .doesNotContain("\n");
      assertThat(Files.readAllBytes(historyFile())).isEqualTo(before);
      assertThat(sandbox.requests.get()).isEqualTo(requests);
    }

    @Test
    void aHistoryFolderThatIsAFileIsOneLineBeforeAnyCall() throws IOException {
      Path file = Files.writeString(history.resolve("history.txt"), "notes\n");
      int requests = sandbox.requests.get();

      assertThatThrownBy(() -> monitor().history(file).build().run())
          .isInstanceOf(MonitorInputException.class)
          .hasMessage(file + ": a file, not a folder: the history goes in a folder");
      assertThatThrownBy(() -> monitor().history(file.resolve("monitor")).build().run())
          .isInstanceOf(MonitorInputException.class)
          .hasMessage(file + ": a file, not a folder: the history goes in a folder");
      assertThat(sandbox.requests.get()).as("the sandbox is not called").isEqualTo(requests);
      assertThat(Files.readString(file)).isEqualTo("notes\n");
    }

    @Test
    void aHistoryLineThatIsNoRunIsCorruptToo() throws IOException {
      Files.createDirectories(history);
      Files.writeString(historyFile(), "[1, 2]\n");

      assertThatThrownBy(() -> monitor().build().run())
          .hasMessage(
              historyFile()
                  + ":1: the history is corrupt (not a monitor run (an object with 'at' and"
                  + " 'interactions')); it is left as it is: repair that line or move the file"
                  + " aside");
      assertThat(Files.readString(historyFile())).isEqualTo("[1, 2]\n");
    }
  }

  @Nested
  class Timelines {

    @Test
    void renderTheHistoryPerInteractionAsMarkdownAndHtml() {
      Clock first = Clock.fixed(Instant.parse("2026-12-06T04:00:00Z"), ZoneOffset.UTC);
      monitor().clock(first).build().run();
      sandbox.renameStatus = true;
      monitor().clock(Clock.offset(first, Duration.ofHours(1))).build().run();
      monitor().clock(Clock.offset(first, Duration.ofHours(2))).build().run();
      sandbox.alwaysUnavailable = true;
      monitor().clock(Clock.offset(first, Duration.ofHours(3))).retries(0).build().run();

      Golden.assertMatches(
          "timeline.md", DriftMonitor.timeline(historyFile(), DriftMonitor.Format.MARKDOWN));
      Golden.assertMatches(
          "timeline.html", DriftMonitor.timeline(historyFile(), DriftMonitor.Format.HTML));
    }
  }

  static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }
}
