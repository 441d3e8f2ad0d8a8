package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactwire.cli.PactwireCommandTests.Run;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pactwire stub}: bad input through the command line, serving through the command. */
class StubCommandTests {

  /** The project's own pacts. */
  static final String PACTS = "../../pacts";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The command as picocli reads {@code args}, before it runs. */
  private static StubCommand parsed(String... args) {
    CommandLine cli = PactwireCommand.commandLine();
    CommandLine.ParseResult result = cli.parseArgs(args);
    return (StubCommand) result.subcommand().commandSpec().userObject();
  }

  private static HttpResponse<String> get(String url, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Nested
  class Serving {

    @Test
    void servesTheProvidersInteractionsOnLoopbackUntilStopped() throws Exception {
      StringWriter err = new StringWriter();
      StubCommand.Serving serving =
          parsed("stub", "--pacts", PACTS, "--provider", "inventory-service")
              .start(new PrintWriter(err, true));
      String url;
      try {
        url = serving.url();
        // the four HTTP interactions of checkout-service's pact; catalog-indexer's are messages
        assertThat(serving.interactions()).isEqualTo(4);
        assertThat(serving.banner())
            .isEqualTo("Serving 4 interactions of inventory-service at " + url);
        assertThat(url).startsWith("http://127.0.0.1:");
        // both GET /products interactions answer any sku: the overlap is reported, not hidden
        assertThat(serving.overlaps())
            .singleElement()
            .satisfies(
                o ->
                    assertThat(o.toString())
                        .startsWith("GET /products/SKU-")
                        .contains("is answered by \"a request for a product\""));

        HttpResponse<String> product = get(url + "/products/SKU-1001");
        assertThat(product.statusCode()).isEqualTo(200);
        assertThat(product.body()).contains("\"sku\":\"SKU-1001\"");
        HttpResponse<String> unknown =
            get(url + "/products/SKU-0000", "X-Pact-State", "no product exists");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Product not found");
        // a request no interaction accepts gets the near-miss report
        HttpResponse<String> miss = get(url + "/orders/1");
        assertThat(miss.statusCode()).isEqualTo(404);
        assertThat(miss.body()).contains("Request was not matched by any pact interaction");
      } finally {
        serving.stop();
      }
      assertThat(err.toString()).isEmpty();
      assertThatThrownBy(() -> get(url + "/products/SKU-1001"))
          .isInstanceOf(ConnectException.class);
    }

    @Test
    void aStateServesOnlyItsInteractionsAndThoseWithoutState() throws Exception {
      StubCommand.Serving serving =
          parsed(
                  "stub",
                  "--pacts",
                  PACTS,
                  "--provider",
                  "inventory-service",
                  "--state",
                  "no product exists")
              .start(new PrintWriter(new StringWriter(), true));
      try {
        assertThat(serving.interactions()).isEqualTo(1);
        assertThat(get(serving.url() + "/products/SKU-1001").statusCode()).isEqualTo(404);
        assertThat(get(serving.url() + "/products/SKU-1001").body()).contains("Product not found");
      } finally {
        serving.stop();
      }
    }

    @Test
    void listensOnTheGivenPort() throws Exception {
      int free;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        free = s.getLocalPort();
      }
      StubCommand.Serving serving =
          parsed("stub", "--pacts", PACTS, "--provider", "inventory-service", "--port", "" + free)
              .start(new PrintWriter(new StringWriter(), true));
      try {
        assertThat(serving.url()).isEqualTo("http://127.0.0.1:" + free);
        assertThat(get(serving.url() + "/products/SKU-1001").statusCode()).isEqualTo(200);
      } finally {
        serving.stop();
      }
    }
  }

  // WireMock's admin API edits the stubs, proxies anywhere and shuts the server down, with no
  // credentials: open on loopback only
  @Nested
  class AdminApi {

    @Test
    void onLoopbackItAnswersAndItsShutdownEndsTheCommand() throws Exception {
      StubCommand.Serving serving =
          parsed("stub", "--pacts", PACTS, "--provider", "inventory-service")
              .start(new PrintWriter(new StringWriter(), true));
      Thread waiting = new Thread(serving::awaitStop);
      try {
        waiting.start();
        assertThat(get(serving.url() + "/__admin/mappings").statusCode()).isEqualTo(200);
        // serving: the command waits
        waiting.join(500);
        assertThat(waiting.isAlive()).isTrue();

        HttpResponse<String> shutdown =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(serving.url() + "/__admin/shutdown"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(shutdown.statusCode()).isEqualTo(200);
        // the command returns once the server has stopped, instead of waiting for a signal
        waiting.join(30_000);
        assertThat(waiting.isAlive()).isFalse();
      } finally {
        serving.stop();
      }
    }

    // the server keeps no journal: a test's verify() or findAll() gets WireMock's error shape
    // saying so, not a server error with a stack trace
    @Test
    void requestsForTheJournalAreAnsweredThatThereIsNone() throws Exception {
      StubCommand.Serving serving =
          parsed("stub", "--pacts", PACTS, "--provider", "inventory-service")
              .start(new PrintWriter(new StringWriter(), true));
      try {
        for (String path :
            List.of("/__admin/requests", "/__admin/requests/unmatched/near-misses")) {
          HttpResponse<String> answer = get(serving.url() + path);
          assertThat(answer.statusCode()).as(path).isEqualTo(409);
          assertThat(answer.body())
              .as(path)
              .contains("pactwire stub keeps no journal of requests")
              .doesNotContain("Exception");
        }
        HttpResponse<String> count =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(serving.url() + "/__admin/requests/count"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"method\": \"GET\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        // a count, a find and a reset answer without a journal, as WireMock answers them
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body()).contains("requestJournalDisabled");
        HttpResponse<String> reset =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(serving.url() + "/__admin/requests"))
                    .DELETE()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(get(serving.url() + "/__admin/requests/unmatched").statusCode()).isEqualTo(200);
        assertThat(get(serving.url() + "/__admin/mappings").statusCode()).isEqualTo(200);
      } finally {
        serving.stop();
      }
    }

    @Test
    void onEveryInterfaceItRefusesEveryAdminRequestAndTheStubsStillAnswer() throws Exception {
      StubCommand.Serving serving =
          parsed("stub", "--pacts", PACTS, "--provider", "inventory-service", "--host", "0.0.0.0")
              .start(new PrintWriter(new StringWriter(), true));
      try {
        String url = serving.url().replace("0.0.0.0", "127.0.0.1");
        HttpResponse<String> hijack =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/__admin/mappings"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"request\": {\"urlPath\": \"/products/SKU-1001\"},"
                                + " \"response\": {\"status\": 200, \"body\": \"hijacked\"},"
                                + " \"priority\": 1}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(hijack.statusCode()).isEqualTo(401);
        assertThat(get(url + "/__admin/mappings").statusCode()).isEqualTo(401);
        HttpResponse<String> product = get(url + "/products/SKU-1001");
        assertThat(product.statusCode()).isEqualTo(200);
        assertThat(product.body()).contains("\"sku\":\"SKU-1001\"").doesNotContain("hijacked");
      } finally {
        serving.stop();
      }
    }
  }

  @Nested
  class BadInput {

    @Test
    void anEmptyHostIsRefused() {
      Run r =
          PactwireCommandTests.run(
              "stub", "--pacts", PACTS, "--provider", "inventory-service", "--host", "");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo("pactwire stub: --host '' names no address: give 127.0.0.1 or 0.0.0.0\n");
    }

    @Test
    void aHostThatIsNoAddressIsOneLine() {
      for (String host : new String[] {"999.1.1.1", "nosuchhost.invalid"}) {
        Run r =
            PactwireCommandTests.run(
                "stub", "--pacts", PACTS, "--provider", "inventory-service", "--host", host);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
            .isEqualTo("pactwire stub: " + host + ": no such host or address to listen on\n");
      }
    }

    @Test
    void noPactForTheProvider() {
      Run r = PactwireCommandTests.run("stub", "--pacts", PACTS, "--provider", "nobody");

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .isEqualTo(
              "pactwire stub: "
                  + PACTS
                  + ": no HTTP interaction with provider \"nobody\" to serve\n");
    }

    @Test
    void aMissingFolder() {
      Run r = PactwireCommandTests.run("stub", "--pacts", "no-such-dir", "--provider", "x");

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("pactwire stub: no-such-dir: no such file or folder\n");
    }

    @Test
    void aMalformedPactIsOneLineNamingFileAndLocation(@TempDir Path dir) throws IOException {
      Path pact = dir.resolve("broken.json");
      Files.writeString(
          pact, "{\"consumer\": {\"name\": \"a\"},\n \"provider\": {\"name\": \"b\"},,}");

      Run r = PactwireCommandTests.run("stub", "--pacts", dir.toString(), "--provider", "b");

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).startsWith("pactwire stub: " + pact + ":2:").endsWith("\n");
      assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void aFileThatIsNotAPactIsOneLineNamingFileAndPath(@TempDir Path dir) throws IOException {
      Path notes = dir.resolve("notes.json");
      Files.writeString(notes, "{\"hello\": \"world\"}");

      Run r = PactwireCommandTests.run("stub", "--pacts", dir.toString(), "--provider", "b");

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).startsWith("pactwire stub: " + notes + ":$.consumer: ").endsWith("\n");
      assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void anUnsupportedMatcherIsRefused(@TempDir Path dir) throws IOException {
      Path pact = dir.resolve("prime.json");
      Files.writeString(
          pact,
          """
          {"consumer": {"name": "a"}, "provider": {"name": "b"},
           "interactions": [{"description": "odd", "request": {"method": "GET", "path": "/n",
             "matchingRules": {"query": {"n": {"matchers": [{"match": "prime"}]}}}},
             "response": {"status": 200}}],
           "metadata": {"pactSpecification": {"version": "3.0.0"}}}
          """);

      Run r = PactwireCommandTests.run("stub", "--pacts", pact.toString(), "--provider", "b");

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err())
          .startsWith("pactwire stub: " + pact + ":$.interactions[0].request.matchingRules")
          .contains("unsupported matcher \"prime\"");
      assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void aPortInUse() throws IOException {
      try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        Run r =
            PactwireCommandTests.run(
                "stub",
                "--pacts",
                PACTS,
                "--provider",
                "inventory-service",
                "--port",
                "" + taken.getLocalPort());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
            .startsWith("pactwire stub: 127.0.0.1:" + taken.getLocalPort() + ": cannot listen");
        assertThat(r.err().lines()).hasSize(1);
      }
    }

    @Test
    void theProviderIsRequired() {
      Run r = PactwireCommandTests.run("stub", "--pacts", PACTS);

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).startsWith("Missing required option: '--provider=NAME'");
    }
  }
}
