package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pactwire.cli.PactwireCommandTests.Run;
import io.pactwire.testsupport.Golden;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pactwire verify} against a real HTTP provider, run in-process as {@code Main} runs it. */
class VerifyCommandTests {

  static final String PACT =
      """
      {
        "consumer": {"name": "checkout-service"},
        "provider": {"name": "inventory-service"},
        "interactions": [
          {
            "description": "a request for a product",
            "providerStates": [{"name": "a product exists", "params": {"sku": "SKU-1001"}}],
            "request": {"method": "GET", "path": "/products/SKU-1001"},
            "response": {
              "status": 200,
              "headers": {"Content-Type": "application/json"},
              "body": {"sku": "SKU-1001", "stock": 12},
              "matchingRules": {"body": {"$.stock": {"matchers": [{"match": "integer"}]}}}
            }
          },
          {
            "description": "a request for a missing product",
            "request": {"method": "GET", "path": "/products/NOPE"},
            "response": {"status": 404}
          }
        ],
        "metadata": {"pactSpecification": {"version": "3.0.0"}}
      }
      """;

  @TempDir Path dir;

  HttpServer server;
  volatile String product = "{\"sku\": \"SKU-1001\", \"stock\": 7}";
  volatile String message = "{\"sku\": \"SKU-1001\", \"stock\": 9}";
  final List<String> stateChanges = new CopyOnWriteArrayList<>();
  Path pacts;

  @BeforeEach
  void start() throws IOException {
    pacts = Files.createDirectories(dir.resolve("pacts"));
    Files.writeString(pacts.resolve("checkout-service-inventory-service.json"), PACT);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            switch (exchange.getRequestURI().getPath()) {
              case "/_pact/state" -> {
                stateChanges.add(body);
                send(exchange, 200, "");
              }
              case "/products/SKU-1001" -> send(exchange, 200, product);
              case "/_pact/messages" -> send(exchange, 200, message);
              default -> send(exchange, 404, "");
            }
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private Run verify(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "verify",
                "--provider",
                "inventory-service",
                "--base-url",
                url(),
                "--pacts",
                pacts.toString(),
                "--state-change-url",
                url() + "/_pact/state",
                "--provider-version",
                "1.2.3",
                "--branch",
                "main"));
    args.addAll(List.of(more));
    if (args.contains("--pact")) {
      // the files named instead of the folder's: the two together are refused
      int folder = args.indexOf("--pacts");
      args.subList(folder, folder + 2).clear();
    }
    if (!args.contains("--out")) {
      // under CI=true results are published, with reports in --out: never in this module's target/
      args.addAll(List.of("--out", dir.resolve("default-out").toString()));
    }
    return PactwireCommandTests.run(args.toArray(String[]::new));
  }

  /** The run's variable parts, so that output can be compared with a golden file. */
  private String stable(String text) {
    return text.replace(pacts.toAbsolutePath().toString(), "{pacts}")
        .replace(url(), "{provider}")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "{time}");
  }

  @Nested
  class Verdicts {

    @Test
    void aProviderThatKeepsItsContractsExitsZero() {
      Run r = verify();

      assertThat(r.err()).isEmpty();
      assertThat(r.exit()).isZero();
      assertThat(r.out())
          .isEqualTo(
              """
              pact verification of inventory-service: 2 passed, 0 failed
                verified: checkout-service → inventory-service: a request for a missing product [(none)]
                verified: checkout-service → inventory-service: a request for a product ['a product exists' {sku=SKU-1001}]
              """);
      assertThat(stateChanges)
          .containsExactly(
              "{\"state\":\"a product exists\",\"params\":{\"sku\":\"SKU-1001\"},\"action\":\"setup\"}",
              "{\"state\":\"a product exists\",\"params\":{\"sku\":\"SKU-1001\"},"
                  + "\"action\":\"teardown\"}");
    }

    @Test
    void aRenamedFieldExitsOneWithTheFailureInFull() {
      product = "{\"sku\": \"SKU-1001\", \"quantityOnHand\": 7}";

      Run r = verify();

      assertThat(r.exit()).isEqualTo(1);
      Golden.assertMatches("verify-renamed-field.txt", stable(r.out()));
    }

    @Test
    void theConsumerFilterLeavesOtherConsumersOut() {
      Run r = verify("--consumer", "catalog-indexer");

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo(
              "pactwire verify: no pact with provider 'inventory-service' and consumer"
                  + " catalog-indexer in "
                  + pacts
                  + "\n");
    }
  }

  @Nested
  class Messages {

    static final String MIXED =
        """
        {
          "consumer": {"name": "catalog-indexer"},
          "provider": {"name": "inventory-service"},
          "interactions": [
            {
              "type": "Synchronous/HTTP",
              "description": "a request for a missing product",
              "request": {"method": "GET", "path": "/products/NOPE"},
              "response": {"status": 404}
            },
            {
              "type": "Asynchronous/Messages",
              "description": "a StockChanged event",
              "contents": {
                "content": {"sku": "SKU-1001", "stock": 9},
                "contentType": "application/json",
                "encoded": false
              }
            }
          ],
          "metadata": {"pactSpecification": {"version": "4.0"}}
        }
        """;

    Path mixed;

    @BeforeEach
    void writeMixedPact() throws IOException {
      mixed = Files.writeString(dir.resolve("catalog-indexer-inventory-service.json"), MIXED);
    }

    @Test
    void aPactWithAMessageInteractionExitsOneNamingIt() {
      Run r = verify("--pact", mixed.toString());

      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.out()).contains("1 passed, 0 failed");
      assertThat(r.err())
          .isEqualTo(
              "pactwire verify: 1 message interaction(s) not verified: give --messages-url where"
                  + " the provider produces them, or pass --skip-messages to verify the HTTP ones"
                  + " only\n"
                  + "  not verified: catalog-indexer → inventory-service: a StockChanged event ("
                  + mixed
                  + ")\n");
    }

    @Test
    void withAMessagesUrlTheMessageIsVerifiedAndTheExitStatusIsItsVerdict() {
      Run passing = verify("--pact", mixed.toString(), "--messages-url", url() + "/_pact/messages");
      message = "{\"sku\": \"SKU-1001\", \"stock\": \"nine\"}";
      Run failing = verify("--pact", mixed.toString(), "--messages-url", url() + "/_pact/messages");

      assertThat(passing.exit()).as(passing.err()).isZero();
      assertThat(passing.out()).contains("2 passed, 0 failed");
      assertThat(passing.err()).isEmpty();
      assertThat(failing.exit()).isEqualTo(1);
      assertThat(failing.out())
          .contains("verifying 'a StockChanged event' failed with 1 difference")
          .contains("1) body $.stock: ");
    }

    @Test
    void aFailingPendingInteractionExitsZeroAndIsNamedAsPending() throws IOException {
      Path pending =
          Files.writeString(
              dir.resolve("pending.json"),
              MIXED.replace(
                  "\"type\": \"Asynchronous/Messages\",",
                  "\"type\": \"Asynchronous/Messages\", \"pending\": true,"));
      message = "{\"sku\": \"SKU-1001\", \"stock\": \"nine\"}";

      Run r = verify("--pact", pending.toString(), "--messages-url", url() + "/_pact/messages");

      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains("verifying 'a StockChanged event [PENDING]' failed");
      assertThat(r.err())
          .isEqualTo(
              "pactwire verify: 1 pending interaction(s) failed; pending interactions do not fail"
                  + " the verification:\n"
                  + "  pending: catalog-indexer → inventory-service: a StockChanged event ("
                  + pending
                  + ")\n");
    }

    // the reports say what the exit status says: a pending failure is counted apart, and a
    // JUnit report marks it skipped, so that a CI server's test step does not fail the build
    @Test
    void aFailingPendingInteractionFailsNoReport() throws IOException {
      Path pending =
          Files.writeString(
              dir.resolve("pending.json"),
              MIXED.replace(
                  "\"type\": \"Asynchronous/Messages\",",
                  "\"type\": \"Asynchronous/Messages\", \"pending\": true,"));
      message = "{\"sku\": \"SKU-1001\", \"stock\": \"nine\"}";

      Run junit =
          verify(
              "--pact",
              pending.toString(),
              "--messages-url",
              url() + "/_pact/messages",
              "--format",
              "junit");
      Run markdown =
          verify(
              "--pact",
              pending.toString(),
              "--messages-url",
              url() + "/_pact/messages",
              "--format",
              "markdown");

      assertThat(junit.exit()).isZero();
      assertThat(junit.out())
          .contains("failures=\"0\"")
          .contains("<skipped message=\"pending, failed: ")
          .doesNotContain("<failure");
      assertThat(markdown.out())
          .contains("— passed (1 pending failed)")
          .contains("failed, pending");
    }

    @Test
    void skipMessagesExitsZeroWhenTheHttpInteractionsPassAndStillNamesTheMessage() {
      Run r = verify("--pact", mixed.toString(), "--skip-messages");

      assertThat(r.exit()).isZero();
      assertThat(r.err())
          .startsWith("pactwire verify: 1 message interaction(s) not verified")
          .doesNotContain("--skip-messages")
          .contains("not verified: catalog-indexer → inventory-service: a StockChanged event");
    }

    @Test
    void aPactOfMessagesOnlyIsNothingToVerifyWithSkipMessagesOrWithout() throws IOException {
      Path messages =
          Files.writeString(
              dir.resolve("messages-only.json"),
              MIXED.replaceFirst("(?s)\\{\\s*\"type\": \"Synchronous/HTTP\".*?\\},\\s*\\{", "{"));

      Run skipping = verify("--pact", messages.toString(), "--skip-messages");
      Run plain = verify("--pact", messages.toString());

      for (Run r : List.of(skipping, plain)) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
            .isEqualTo(
                "pactwire verify: nothing to verify: no HTTP interaction, and 1 message"
                    + " interaction(s) that need --messages-url, in the pacts with provider"
                    + " 'inventory-service' ("
                    + messages
                    + ")\n");
      }
    }

    @Test
    void aPactOfNoInteractionIsNothingToVerify() throws IOException {
      Path empty =
          Files.writeString(
              dir.resolve("empty.json"),
              "{\"consumer\": {\"name\": \"catalog-indexer\"}, \"provider\": {\"name\":"
                  + " \"inventory-service\"}, \"interactions\": [], \"metadata\":"
                  + " {\"pactSpecification\": {\"version\": \"4.0\"}}}");

      Run r = verify("--pact", empty.toString(), "--publish");

      assertThat(r.exit()).as(r.err()).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo(
              "pactwire verify: nothing to verify: no interaction in the pacts with provider"
                  + " 'inventory-service' ("
                  + empty
                  + ")\n");
      assertThat(pacts.resolve("verifications")).as("nothing recorded").doesNotExist();
    }

    @Test
    void skipMessagesStillExitsOneWhenAnHttpInteractionFails() {
      Run r =
          verify(
              "--pact",
              mixed.toString(),
              "--pact",
              pacts.resolve("checkout-service-inventory-service.json").toString(),
              "--skip-messages");
      product = "{\"sku\": \"SKU-1001\", \"quantityOnHand\": 7}";

      Run broken =
          verify(
              "--pact",
              mixed.toString(),
              "--pact",
              pacts.resolve("checkout-service-inventory-service.json").toString(),
              "--skip-messages");

      assertThat(r.exit()).isZero();
      assertThat(broken.exit()).isEqualTo(1);
    }
  }

  @Nested
  class Publish {

    private Path record() throws IOException {
      Path dir = pacts.resolve("verifications/inventory-service/1.2.3/checkout-service");
      try (var files = Files.list(dir)) {
        List<Path> records = files.toList();
        assertThat(records).as("one verification record in the store").hasSize(1);
        return records.get(0);
      }
    }

    @Test
    void publishRecordsTheResultsInThePactsStore() throws IOException {
      Path out = dir.resolve("reports");

      Run r = verify("--publish", "--out", out.toString());

      assertThat(r.exit()).isZero();
      JsonNode record = new ObjectMapper().readTree(record().toFile());
      assertThat(record.path("provider").asText()).isEqualTo("inventory-service");
      assertThat(record.path("providerVersion").asText()).isEqualTo("1.2.3");
      assertThat(record.path("branch").asText()).isEqualTo("main");
      assertThat(record.path("success").asBoolean()).isTrue();
      assertThat(record.path("consumer").asText()).isEqualTo("checkout-service");
      assertThat(record.path("pactFile").asText())
          .as("the store names the pact by its file name, as the JUnit provider's records do")
          .isEqualTo("checkout-service-inventory-service.json");
      assertThat(record.path("interactions")).hasSize(2);
      assertThat(out.resolve("results/inventory-service.json")).exists();
    }

    @Test
    void storeNamesTheStoreTheResultsAreRecordedIn() throws IOException {
      Path store = dir.resolve("store");

      Run r =
          verify(
              "--publish", "--out", dir.resolve("reports").toString(), "--store", store.toString());

      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(pacts.resolve("verifications")).doesNotExist();
      try (var files =
          Files.list(store.resolve("verifications/inventory-service/1.2.3/checkout-service"))) {
        assertThat(files.toList()).hasSize(1);
      }
    }

    @Test
    void noPublishWritesNothingToTheStore() {
      Run r = verify("--no-publish");

      assertThat(r.exit()).isZero();
      assertThat(pacts.resolve("verifications")).doesNotExist();
    }
  }

  @Nested
  class Reports {

    @Test
    void outWritesResultsAndEveryReport() throws IOException {
      product = "{\"sku\": \"SKU-1001\", \"quantityOnHand\": 7}";
      Path out = dir.resolve("reports");

      Run r = verify("--out", out.toString());

      assertThat(r.exit()).isEqualTo(1);
      Golden.assertMatches(
          "verify-inventory-service.xml",
          stable(Files.readString(out.resolve("inventory-service.xml"))));
      Golden.assertMatches(
          "verify-inventory-service.md",
          stable(Files.readString(out.resolve("inventory-service.md"))));
      assertThat(Files.readString(out.resolve("inventory-service.html")))
          .contains("inventory-service")
          .contains("a request for a product")
          .contains("$.stock")
          .contains("quantityOnHand");
      JsonNode results =
          new ObjectMapper().readTree(out.resolve("results/inventory-service.json").toFile());
      assertThat(results.path("providerVersion").asText()).isEqualTo("1.2.3");
      assertThat(results.path("success").asBoolean()).isFalse();
    }

    @Test
    void formatJsonPrintsTheRun() throws IOException {
      Run r = verify("--format", "json");

      JsonNode run = new ObjectMapper().readTree(r.out());
      assertThat(r.exit()).isZero();
      assertThat(run.path("provider").asText()).isEqualTo("inventory-service");
      assertThat(run.path("pacts").get(0).path("interactions")).hasSize(2);
      // the text output skips rendering the exchanges; the JSON report shows each one
      assertThat(run.path("pacts").get(0).path("interactions"))
          .allSatisfy(
              i -> assertThat(i.path("exchange").path("request").asText()).startsWith("GET /"));
    }

    @Test
    void formatJunitAndMarkdownPrintThoseReports() {
      assertThat(verify("--format", "junit").out()).startsWith("<?xml").contains("<testsuite");
      assertThat(verify("--format", "markdown").out())
          .startsWith("## Pact verification of inventory-service — passed");
      assertThat(verify("--format", "html").out())
          .contains("<html")
          .contains("<tr><th>request</th></tr>\n<tr><td><pre>GET /products/");
    }
  }

  @Nested
  class BadInput {

    @Test
    void aMalformedPactExitsTwoWithOneLineNamingTheFile() throws IOException {
      Path bad = Files.writeString(dir.resolve("bad.json"), "{\"consumer\": \n  oops}");

      Run r =
          PactwireCommandTests.run(
              "verify",
              "--provider",
              "inventory-service",
              "--base-url",
              url(),
              "--pact",
              bad.toString());

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).startsWith("pactwire verify: " + bad + ":2:").hasLineCount(1);
    }

    @Test
    void aFileThatIsNotAPactExitsTwo() throws IOException {
      Path notPact = Files.writeString(dir.resolve("hello.json"), "{\"hello\": \"world\"}");

      Run r =
          PactwireCommandTests.run(
              "verify",
              "--provider",
              "inventory-service",
              "--base-url",
              url(),
              "--pact",
              notPact.toString());

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).startsWith("pactwire verify: " + notPact).hasLineCount(1);
    }

    @Test
    void anUnreachableProviderExitsTwoNamingTheUrl() throws IOException {
      String closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = "http://127.0.0.1:" + socket.getLocalPort();
      }

      Run r =
          PactwireCommandTests.run(
              "verify",
              "--provider",
              "inventory-service",
              "--base-url",
              closed,
              "--pacts",
              pacts.toString());

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err())
          .startsWith("pactwire verify: cannot reach the provider at " + closed + ": ")
          .hasLineCount(1);
    }

    @Test
    void aBaseUrlThatIsNotHttpIsAUsageError() {
      Run r =
          PactwireCommandTests.run(
              "verify", "--provider", "inventory-service", "--base-url", "localhost:8080");

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("--base-url must be an http or https URL with a host");
    }

    @Test
    void aPortOutOfRangeNamesTheOption() {
      Run r =
          PactwireCommandTests.run(
              "verify", "--provider", "inventory-service", "--base-url", "http://127.0.0.1:99999");

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err())
          .startsWith(
              "--base-url 'http://127.0.0.1:99999': a port is from 1 to 65535, not 99999"
                  + " (try 'pactwire verify --help')")
          .hasLineCount(1);
    }

    // one of them would be left unread
    @Test
    void aFolderAndFilesOfPactsTogetherAreAUsageError(@TempDir Path pacts) {
      Run r =
          PactwireCommandTests.run(
              "verify",
              "--provider",
              "inventory-service",
              "--base-url",
              "http://127.0.0.1:8080",
              "--pacts",
              pacts.toString(),
              "--pact",
              pacts.resolve("a.json").toString());

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err())
          .startsWith(
              "--pact verifies the files it names, not the folder --pacts names: give one of them"
                  + " (--store names where --publish records)");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
      "--parallel, 0, --parallel 0: must be 1 or more",
      "--parallel, -3, --parallel -3: must be 1 or more",
      "--max-body-bytes, 0, --max-body-bytes 0: must be 1 or more"
    })
    void aCountBelowOneIsNamedAsTyped(String option, String value, String message) {
      Run r = verify(option, value);

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).startsWith(message + " (try 'pactwire verify --help')").hasLineCount(1);
    }
  }
}
