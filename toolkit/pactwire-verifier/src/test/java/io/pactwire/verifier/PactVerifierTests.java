package io.pactwire.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpExchange;
import io.pactwire.core.internal.report.Difference;
import io.pactwire.core.internal.report.InteractionResult;
import io.pactwire.core.internal.report.VerifiedInteraction;
import io.pactwire.verifier.internal.VerifierEngine;
import io.pactwire.verifier.internal.VerifyConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PactVerifierTests {

  @TempDir Path pacts;

  ProviderServer provider;

  @BeforeEach
  void start() {
    provider = ProviderServer.start();
    provider.on("POST /_pact/state", e -> ProviderServer.send(e, 200, null, ""));
    provider.on("GET /products/NOPE", e -> ProviderServer.send(e, 404, null, ""));
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  private VerifierEngine.Run verify(Path pact, Duration timeout) {
    return VerifierEngine.run(
        new VerifyConfig(
            "inventory-service",
            provider.url(),
            pacts,
            pact == null ? List.of() : List.of(pact),
            provider.url("/_pact/state"),
            List.of(),
            2,
            timeout),
        null);
  }

  private VerifierEngine.Run verify() {
    TestPacts.inventory(pacts);
    return verify(null, Duration.ofSeconds(5));
  }

  private static InteractionResult product(VerifierEngine.Run run) {
    return run.interactions().stream()
        .map(VerifiedInteraction::result)
        .filter(r -> r.description().equals("a request for a product"))
        .findFirst()
        .orElseThrow();
  }

  @Nested
  class Verdicts {

    @Test
    void aProviderThatKeepsTheContractPasses() {
      provider.json("GET /products/SKU-1001", 200, TestPacts.PRODUCT_BODY);

      VerifierEngine.Run run = verify();

      assertThat(run.interactions()).hasSize(2).allMatch(i -> i.result().success());
      assertThat(run.success()).isTrue();
      assertThat(run.interactions().get(0).sha256()).hasSize(64);
    }

    @Test
    void unexpectedFieldsAreAllowedAsPactJvmAllows() {
      provider.json(
          "GET /products/SKU-1001",
          200,
          """
          {"sku": "SKU-1001", "name": "Tea", "price": 3.50, "stock": 1, "colour": "green"}""");

      assertThat(product(verify()).success()).isTrue();
    }

    @Test
    void aRenamedFieldFailsAtItsPathWithExpectedAndActual() {
      provider.json(
          "GET /products/SKU-1001",
          200,
          """
          {"sku": "SKU-1001", "name": "Espresso beans 1kg", "price": 24.90, "quantityOnHand": 12}""");

      InteractionResult result = product(verify());

      assertThat(result.success()).isFalse();
      assertThat(result.differences())
          .containsExactly(
              new Difference(
                  "body",
                  "$.stock",
                  "12",
                  "(absent)",
                  "the provider's response has no 'stock'; the response has quantityOnHand,"
                      + " which the contract does not name"));
      assertThat(result.message())
          .startsWith("verifying 'a request for a product' failed with 1 difference")
          .contains("consumer:    checkout-service")
          .contains("state:       'a product exists' {sku=SKU-1001, stock=12}")
          .contains("1) body $.stock: the provider's response has no 'stock'")
          .contains("expected: 12\n     actual:   (absent)");
    }

    @Test
    void aWrongStatusFailsWithBothStatuses() {
      provider.json("GET /products/SKU-1001", 500, "{}");

      InteractionResult result = product(verify());

      assertThat(result.differences())
          .first()
          .satisfies(
              d -> {
                assertThat(d.kind()).isEqualTo("status");
                assertThat(d.expected()).isEqualTo("200");
                assertThat(d.actual()).isEqualTo("500");
                assertThat(d.mismatch()).isEqualTo("expected status of 200 but was 500");
              });
    }

    @Test
    void aBodyThatIsNotJsonWhereJsonIsPromisedFails() {
      provider.on(
          "GET /products/SKU-1001",
          e -> ProviderServer.send(e, 200, "application/json", "<html>oops</html>"));

      InteractionResult result = product(verify());

      // pact-jvm's JSON matcher throws on a body it cannot parse, and its JUnit 5 runner
      // reports the exception as the interaction's failure; here in words, with no class name
      assertThat(result.success()).isFalse();
      assertThat(result.differences())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.label()).isEqualTo("body $");
                assertThat(d.mismatch())
                    .isEqualTo(
                        "the provider's response body (application/json) could not be read to"
                            + " compare it with the pact's: Invalid JSON (1:2), found unexpected"
                            + " character '<'");
              });
    }

    // pact-jvm's XML matcher reads the pact's body first: a pact whose XML is no XML fails every
    // provider, and the words say it is the pact's body, not the provider's
    @Test
    void aPactBodyThatIsNotItsContentTypeIsNamedAsThePacts() {
      Path pact =
          TestPacts.write(
              pacts,
              "checkout-service-inventory-service.json",
              """
              {"consumer": {"name": "checkout-service"}, "provider": {"name": "inventory-service"},
               "metadata": {"pactSpecification": {"version": "4.0"}},
               "interactions": [{"type": "Synchronous/HTTP", "description": "a feed",
                 "request": {"method": "GET", "path": "/feed"},
                 "response": {"status": 200, "headers": {"Content-Type": ["application/xml"]},
                   "body": {"content": "OK", "contentType": "application/xml", "encoded": false}}}]}
              """);
      provider.on(
          "GET /feed",
          e -> ProviderServer.send(e, 200, "application/xml", "<feed><a>1</a></feed>"));

      InteractionResult result = verify(pact, Duration.ofSeconds(5)).interactions().get(0).result();

      assertThat(result.differences())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.label()).isEqualTo("body $");
                assertThat(d.mismatch())
                    .startsWith(
                        "the pact's expected body (application/xml) is not XML pact-jvm can read,"
                            + " so no provider's body can be compared with it: ");
              });
    }

    @Test
    void aBodyOfAnotherContentTypeIsABodyTypeMismatch() {
      provider.on(
          "GET /products/SKU-1001",
          e -> ProviderServer.send(e, 200, "text/html", TestPacts.PRODUCT_BODY));

      InteractionResult result = product(verify());

      assertThat(result.differences())
          .filteredOn(d -> d.kind().equals("body"))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.path()).isEqualTo("$");
                assertThat(d.expected()).isEqualTo("application/json");
                assertThat(d.actual()).isEqualTo("text/html");
              });
    }
  }

  @Nested
  class Exchanges {

    @Test
    void eachResultCarriesItsExchangeOnlyWhenAskedAndTheVerdictsAreTheSame() {
      provider.json("GET /products/SKU-1001", 200, "{\"sku\": \"SKU-1001\", \"stock\": \"x\"}");
      TestPacts.inventory(pacts);
      VerifyConfig config =
          new VerifyConfig(
              "inventory-service",
              provider.url(),
              pacts,
              List.of(),
              provider.url("/_pact/state"),
              List.of(),
              2,
              Duration.ofSeconds(5));

      VerifierEngine.Run with = VerifierEngine.run(config, null, true);
      VerifierEngine.Run without = VerifierEngine.run(config, null, false);

      assertThat(with.interactions()).allMatch(i -> i.result().exchange() != null);
      assertThat(product(with).exchange().actual()).contains("\"stock\" : \"x\"");
      assertThat(without.interactions()).allMatch(i -> i.result().exchange() == null);
      assertThat(without.interactions())
          .extracting(i -> i.result().description(), i -> i.result().success())
          .containsExactlyElementsOf(
              with.interactions().stream()
                  .map(i -> tuple(i.result().description(), i.result().success()))
                  .toList());
      assertThat(product(without).differences()).isEqualTo(product(with).differences());
      assertThat(product(without).success()).isFalse();
    }
  }

  @Nested
  class ProviderStates {

    @Test
    void statesAreSetUpBeforeAndTornDownAfterTheirInteraction() {
      provider.json("GET /products/SKU-1001", 200, TestPacts.PRODUCT_BODY);

      verify();

      assertThat(provider.requests)
          .filteredOn(r -> !r.contains("NOPE"))
          .containsExactly(
              "POST /_pact/state {\"state\":\"a product exists\","
                  + "\"params\":{\"sku\":\"SKU-1001\",\"stock\":12},\"action\":\"setup\"}",
              "GET /products/SKU-1001",
              "POST /_pact/state {\"state\":\"a product exists\","
                  + "\"params\":{\"sku\":\"SKU-1001\",\"stock\":12},\"action\":\"teardown\"}");
    }

    @Test
    void interactionsWithoutStatesCallNoStateChange() {
      provider.json("GET /products/SKU-1001", 200, TestPacts.PRODUCT_BODY);

      verify();

      assertThat(provider.requests).filteredOn(r -> r.startsWith("POST")).hasSize(2);
    }

    @Test
    void aFailingStateChangeNamesTheUrlTheStateAndTheInteraction() {
      provider.on("POST /_pact/state", e -> ProviderServer.send(e, 500, "text/plain", "db down"));
      provider.json("GET /products/SKU-1001", 200, TestPacts.PRODUCT_BODY);

      InteractionResult result = product(verify());

      assertThat(result.success()).isFalse();
      assertThat(result.differences())
          .singleElement()
          .extracting(Difference::mismatch)
          .isEqualTo(
              "Provider state change callback failed: POST "
                  + provider.url("/_pact/state")
                  + " (setup of 'a product exists' for 'a request for a product') answered 500:"
                  + " db down");
      assertThat(provider.requests).noneMatch(r -> r.startsWith("GET /products/SKU-1001"));
    }
  }

  @Nested
  class BrokenProviders {

    @Test
    void aProviderThatHangsFailsTheInteractionAfterTheTimeout() throws Exception {
      CountDownLatch release = new CountDownLatch(1);
      provider.on(
          "GET /products/SKU-1001",
          e -> {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
              Thread.currentThread().interrupt();
            }
          });
      TestPacts.inventory(pacts);
      try {
        long start = System.nanoTime();
        InteractionResult result = product(verify(null, Duration.ofMillis(500)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        assertThat(result.differences())
            .singleElement()
            .extracting(Difference::mismatch)
            .isEqualTo(
                "Request to provider failed with an exception: no response to GET "
                    + provider.url("/products/SKU-1001")
                    + " within 0.5 s");
        assertThat(result.message())
            .startsWith("verifying 'a request for a product' failed with 1 difference");
      } finally {
        release.countDown();
      }
    }

    // pact-jvm's parser and matchers recurse: a response nested thousands deep overflowed the
    // stack, and the run ended with a stack trace and no report
    @Test
    void aResponseNestedTooDeepFailsTheInteractionInWords() {
      provider.json("GET /products/SKU-1001", 200, "{\"k\":".repeat(5000) + "1" + "}".repeat(5000));

      InteractionResult result = product(verify());

      assertThat(result.success()).isFalse();
      assertThat(result.differences())
          .singleElement()
          .satisfies(
              d ->
                  assertThat(d.mismatch())
                      .isEqualTo(
                          "the provider's response body is nested more than 256 levels deep,"
                              + " which pact-jvm cannot compare"));
    }

    @Test
    void anUnavailableProviderIsAskedOnceAndItsAnswerJudged() {
      provider.json("GET /products/SKU-1001", 503, "{}");

      InteractionResult result = product(verify());

      assertThat(provider.requests).filteredOn(r -> r.startsWith("GET /products/SKU")).hasSize(1);
      assertThat(result.differences())
          .first()
          .satisfies(d -> assertThat(d.mismatch()).isEqualTo("expected status of 200 but was 503"));
    }

    @Test
    void aProviderThatClosesTheConnectionFailsTheInteraction() {
      provider.on("GET /products/SKU-1001", HttpExchange::close);

      InteractionResult result = product(verify());

      assertThat(result.success()).isFalse();
      assertThat(result.differences())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.kind()).isEqualTo("error");
                assertThat(d.mismatch())
                    .isEqualTo(
                        "Request to provider failed with an exception: GET "
                            + provider.url("/products/SKU-1001")
                            + " failed: the provider closed the connection without answering");
              });
    }

    @Test
    void anUnreachableProviderIsBadInputNamingItsUrl() throws IOException {
      URI closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
      }
      TestPacts.inventory(pacts);
      VerifyConfig config =
          new VerifyConfig(
              "inventory-service",
              closed,
              pacts,
              List.of(),
              null,
              List.of(),
              1,
              Duration.ofSeconds(2));

      assertThatThrownBy(() -> VerifierEngine.run(config, null))
          .isInstanceOf(VerifierInputException.class)
          .hasMessageStartingWith("cannot reach the provider at " + closed + ": ")
          .hasMessageContaining("refused");
    }
  }

  // a provider sees its kept-alive connection end as any client ends one (end of stream), not
  // reset: servers log a reset as an error (Python's http.server prints a traceback for each)
  @Test
  void theProviderSeesItsConnectionClosedNotReset() throws Exception {
    TestPacts.write(
        pacts,
        "c-inventory-service.json",
        """
        {"consumer": {"name": "c"}, "provider": {"name": "inventory-service"},
         "interactions": [{"type": "Synchronous/HTTP", "description": "a ping",
           "request": {"method": "GET", "path": "/ping"}, "response": {"status": 204}}],
         "metadata": {"pactSpecification": {"version": "4.0"}}}
        """);
    // every connection the verifier opens: answered 204 to each request, and how it ended
    List<String> ends = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ServerSocket server = new ServerSocket(0)) {
      Thread acceptor =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try {
                    java.net.Socket socket = server.accept();
                    new Thread(() -> ends.add(serveNoContent(socket))).start();
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
      acceptor.start();
      VerifierEngine.Run run =
          VerifierEngine.run(
              new VerifyConfig(
                  "inventory-service",
                  URI.create("http://127.0.0.1:" + server.getLocalPort()),
                  pacts,
                  List.of(),
                  null,
                  List.of(),
                  1,
                  Duration.ofSeconds(5)),
              null);

      assertThat(run.interactions())
          .singleElement()
          .satisfies(i -> assertThat(i.result().success()).isTrue());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (ends.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(ends).isNotEmpty().allSatisfy(e -> assertThat(e).isEqualTo("end of stream"));
    }
  }

  /** Answers each request on the socket with 204 until the client ends it; how it ended. */
  private static String serveNoContent(java.net.Socket socket) {
    try (socket) {
      var in = socket.getInputStream();
      int matched = 0;
      int b;
      while ((b = in.read()) >= 0) {
        // the end of a request's head: answer it
        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        if (matched == 4) {
          matched = 0;
          socket
              .getOutputStream()
              .write(
                  "HTTP/1.1 204 No Content\r\n\r\n"
                      .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
        }
      }
      return "end of stream";
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  /** catalog-indexer's StockChanged message, with a state, body rules and metadata. */
  static final String STOCK_CHANGED =
      """
      {
        "consumer": {"name": "catalog-indexer"},
        "provider": {"name": "inventory-service"},
        "interactions": [
          {
            "type": "Asynchronous/Messages",
            "key": "stock-changed",
            "description": "a StockChanged event",
            "providerStates": [{"name": "a product's stock changes", "params": {"sku": "SKU-1001"}}],
            "contents": {
              "content": {"sku": "SKU-1001", "available": 10},
              "contentType": "application/json"
            },
            "metadata": {"contentType": "application/json"},
            "matchingRules": {
              "body": {"$.available": {"combine": "AND", "matchers": [{"match": "integer"}]}}
            }
          }
        ],
        "metadata": {"pactSpecification": {"version": "4.0"}}
      }
      """;

  private VerifierEngine.Run verifyMessages(URI messagesUrl, long maxBodyBytes) {
    TestPacts.write(pacts, "catalog-indexer-inventory-service.json", STOCK_CHANGED);
    return VerifierEngine.run(
        new VerifyConfig(
            "inventory-service",
            provider.url(),
            pacts,
            List.of(),
            provider.url("/_pact/state"),
            messagesUrl,
            List.of(),
            2,
            Duration.ofSeconds(5),
            maxBodyBytes),
        null);
  }

  /** Produces {@code body} as the message, with {@code metadata} in its header. */
  private void produces(String body, String metadata) {
    provider.on(
        "POST /_pact/messages",
        e -> {
          if (metadata != null) {
            e.getResponseHeaders()
                .add(
                    "Pact-Message-Metadata",
                    java.util.Base64.getEncoder()
                        .encodeToString(
                            metadata.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
          }
          ProviderServer.send(e, 200, "application/json", body);
        });
  }

  @Nested
  class Messages {

    @Test
    void theMessageTheProviderProducesForTheDescriptionAndStatesIsJudgedWithItsRules() {
      produces(
          "{\"sku\": \"SKU-1001\", \"available\": 7, \"extra\": true}",
          "{\"kafka_key\": \"SKU-1001\"}");

      VerifierEngine.Run run = verifyMessages(provider.url("/_pact/messages"), 1024);

      assertThat(run.skippedMessages()).isZero();
      assertThat(run.interactions())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.result().success()).as("%s", i.result().message()).isTrue();
                assertThat(i.result().exchange().request())
                    .isEqualTo("message: a StockChanged event");
                assertThat(i.result().exchange().actual())
                    .startsWith("contentType=application/json, kafka_key=SKU-1001");
              });
      assertThat(provider.requests)
          .containsExactly(
              "POST /_pact/state {\"state\":\"a product's stock changes\",\"params\":{\"sku\":\"SKU-1001\"},\"action\":\"setup\"}",
              "POST /_pact/messages {\"description\":\"a StockChanged event\",\"providerStates\":[{\"name\":\"a product's stock changes\",\"params\":{\"sku\":\"SKU-1001\"}}]}",
              "POST /_pact/state {\"state\":\"a product's stock changes\",\"params\":{\"sku\":\"SKU-1001\"},\"action\":\"teardown\"}");
    }

    @Test
    void aWrongContentOrMetadataFailsAtItsPathAndKey() {
      produces(
          "{\"sku\": \"SKU-1001\", \"available\": \"ten\"}", "{\"contentType\": \"text/plain\"}");

      InteractionResult result =
          verifyMessages(provider.url("/_pact/messages"), 1024).interactions().get(0).result();

      assertThat(result.success()).isFalse();
      assertThat(result.differences())
          .extracting(d -> d.kind() + " " + d.path())
          .containsExactly("body $.available", "metadata contentType");
      assertThat(result.message())
          .startsWith("verifying 'a StockChanged event' failed with 2 differences")
          .contains("consumer:    catalog-indexer");
    }

    @Test
    void aMessageThatIsNotTheJsonThePactPromisesFailsInWords() {
      provider.on(
          "POST /_pact/messages",
          e -> ProviderServer.send(e, 200, "text/html", "<html>sign in</html>"));

      InteractionResult result =
          verifyMessages(provider.url("/_pact/messages"), 1024).interactions().get(0).result();

      assertThat(result.differences())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.label()).isEqualTo("body $");
                assertThat(d.mismatch())
                    .isEqualTo(
                        "the provider's message (text/html) could not be read to compare it with"
                            + " the pact's: Invalid JSON (1:2), found unexpected character '<'");
              });
    }

    @Test
    void aMessagesUrlThatAnswersAnErrorNamesItAndTheMessage() {
      InteractionResult result =
          verifyMessages(provider.url("/_pact/messages"), 1024).interactions().get(0).result();

      assertThat(result.differences())
          .singleElement()
          .extracting(Difference::mismatch)
          .isEqualTo(
              "Request to provider failed with an exception: POST "
                  + provider.url("/_pact/messages")
                  + " (message 'a StockChanged event') answered 404: no route POST /_pact/messages");
    }

    @Test
    void anUnreachableMessagesUrlIsBadInputNamingIt() throws IOException {
      URI closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/messages");
      }
      URI url = closed;
      assertThatThrownBy(() -> verifyMessages(url, 1024))
          .isInstanceOf(VerifierInputException.class)
          .hasMessageStartingWith("cannot reach the messages URL at " + url + ": ");
    }

    // a URL's user information and a token in its query are credentials: not in the message
    @Test
    void anUnreachableUrlIsNamedWithoutItsCredentials() throws IOException {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      URI url = URI.create("http://bob:S3CRET-PW-77@127.0.0.1:" + port + "/m?token=QTOKEN-77&x=1");
      assertThatThrownBy(() -> verifyMessages(url, 1024))
          .isInstanceOf(VerifierInputException.class)
          .hasMessageStartingWith(
              "cannot reach the messages URL at http://****@127.0.0.1:"
                  + port
                  + "/m?token=<redacted>&x=1: ")
          .message()
          .doesNotContain("S3CRET-PW-77")
          .doesNotContain("QTOKEN-77");
    }

    @Test
    void aMessageOverTheBodyLimitIsRefusedNamingTheLimit() {
      produces("{\"sku\": \"" + "x".repeat(4096) + "\", \"available\": 1}", null);

      InteractionResult result =
          verifyMessages(provider.url("/_pact/messages"), 1024).interactions().get(0).result();

      assertThat(result.differences())
          .singleElement()
          .extracting(Difference::mismatch)
          .asString()
          .contains("(message 'a StockChanged event') is larger than the limit of 1024 bytes");
    }

    @Test
    void aPactWithAMessageIsNoSuccessThoughItsHttpInteractionsPass() throws Exception {
      java.nio.file.Files.writeString(
          pacts.resolve("catalog-indexer-inventory-service.json"),
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
                "contents": {"content": {"sku": "SKU-1001"}, "contentType": "application/json"}
              }
            ],
            "metadata": {"pactSpecification": {"version": "4.0"}}
          }
          """);

      PactVerifier.Result result =
          PactVerifier.newInstance("inventory-service", provider.url())
              .pactsDir(pacts)
              .build()
              .verify();

      assertThat(result.passed()).isEqualTo(1);
      assertThat(result.failures()).isEmpty();
      assertThat(result.skippedMessages()).isEqualTo(1);
      assertThat(result.success()).as("a message was not verified").isFalse();
    }
  }

  @Nested
  class Pending {

    @Test
    void aFailingPendingInteractionIsReportedAsPendingAndDoesNotFailTheRun() {
      provider.json("GET /products/SKU-1001", 200, "{}");
      TestPacts.write(
          pacts,
          "checkout-service-inventory-service.json",
          """
          {
            "consumer": {"name": "checkout-service"},
            "provider": {"name": "inventory-service"},
            "interactions": [
              {
                "type": "Synchronous/HTTP", "key": "p", "pending": true,
                "description": "a request for a product",
                "request": {"method": "GET", "path": "/products/SKU-1001"},
                "response": {"status": 200, "body": {"content": {"sku": "SKU-1001"}, "contentType": "application/json"}}
              },
              {
                "type": "Synchronous/HTTP", "key": "n",
                "description": "a request for a missing product",
                "request": {"method": "GET", "path": "/products/NOPE"},
                "response": {"status": 404}
              }
            ],
            "metadata": {"pactSpecification": {"version": "4.0"}}
          }
          """);

      VerifierEngine.Run run = verify(null, Duration.ofSeconds(5));
      PactVerifier.Result result =
          PactVerifier.newInstance("inventory-service", provider.url())
              .pactsDir(pacts)
              .build()
              .verify();

      assertThat(product(run).success()).as("the verdict itself is pact-jvm's").isFalse();
      assertThat(product(run).message())
          .startsWith("verifying 'a request for a product [PENDING]'");
      assertThat(run.success()).isTrue();
      assertThat(run.pendingFailures()).hasSize(1);
      assertThat(result.failures()).isEmpty();
      assertThat(result.pendingFailures()).singleElement().asString().contains("body $.sku");
      assertThat(result.success()).isTrue();
    }
  }

  @Nested
  class Regexes {

    /** A pact whose rule on $.name is {@code regex}. */
    private void pactWithNameRegex(String regex) {
      TestPacts.write(
          pacts,
          "checkout-service-inventory-service.json",
          TestPacts.INVENTORY.replace(
              "\"$.name\": {\"matchers\": [{\"match\": \"type\"}]}",
              "\"$.name\": {\"matchers\": [{\"match\": \"regex\", \"regex\": \""
                  + regex.replace("\\", "\\\\")
                  + "\"}]}"));
    }

    private InteractionResult verifyName(String regex, String name) {
      pactWithNameRegex(regex);
      provider.json(
          "GET /products/SKU-1001",
          200,
          "{\"sku\": \"SKU-1001\", \"name\": \"" + name + "\", \"price\": 3.5, \"stock\": 1}");
      long start = System.nanoTime();
      InteractionResult result = product(verify(null, Duration.ofSeconds(5)));
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "regex %s on a name of %d characters: verified in %d ms%n", regex, name.length(), millis);
      return result;
    }

    @Test
    void aPatternThatBacktracksWithoutEndIsStoppedAndFailsItsInteraction() {
      // (.*a){20} on fifty a's and a '!' would take java.util.regex far longer than a build
      InteractionResult result = verifyName("(.*a){20}", "a".repeat(50) + "!");

      assertThat(result.success()).isFalse();
      assertThat(result.differences())
          .singleElement()
          .extracting(Difference::mismatch)
          .asString()
          .startsWith(
              "A matching rule could not be applied: the regex '(.*a){20}' at the response body"
                  + " $.name was stopped after ")
          .endsWith(
              " ms on a value of 51 characters: a pattern that backtracks without end (such as"
                  + " (a+)+$) cannot be applied; simplify it in the pact");
      assertThat(result.message())
          .startsWith("verifying 'a request for a product' failed with 1 difference");
    }

    @Test
    void aNestedQuantifierTheRegexEngineBoundsItselfIsJudgedByPactJvm() {
      // java.util.regex (9 and later) memoises (a+)+$, so pact-jvm's own verdict comes back
      InteractionResult result = verifyName("(a+)+$", "a".repeat(50) + "!");

      assertThat(result.differences())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.path()).isEqualTo("$.name");
                assertThat(d.mismatch()).contains("to match '(a+)+$'");
              });
    }
  }

  @Nested
  class BodyLimit {

    @Test
    void aResponseOverTheLimitFailsItsInteractionNamingItWithoutReadingItWhole() {
      provider.json("GET /products/SKU-1001", 200, "{\"sku\": \"" + "x".repeat(5000) + "\"}");
      // and one sent in chunks, without a Content-Length to refuse it by
      provider.on(
          "GET /products/NOPE",
          e -> {
            e.sendResponseHeaders(404, 0);
            try (var out = e.getResponseBody()) {
              for (int i = 0; i < 10; i++) {
                out.write("y".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.flush();
              }
            }
          });
      TestPacts.inventory(pacts);

      VerifierEngine.Run run =
          VerifierEngine.run(
              new VerifyConfig(
                  "inventory-service",
                  provider.url(),
                  pacts,
                  List.of(),
                  provider.url("/_pact/state"),
                  null,
                  List.of(),
                  2,
                  Duration.ofSeconds(5),
                  2048),
              null);

      assertThat(run.interactions())
          .extracting(i -> i.result().message().lines().findFirst().orElseThrow())
          .containsExactlyInAnyOrder(
              "verifying 'a request for a product' failed with 1 difference",
              "verifying 'a request for a missing product' failed with 1 difference");
      assertThat(run.interactions())
          .extracting(i -> i.result().differences().get(0).mismatch())
          .containsExactlyInAnyOrder(
              "Request to provider failed with an exception: the response to GET "
                  + provider.url("/products/SKU-1001")
                  + " is larger than the limit of 2048 bytes (--max-body-bytes): refused rather"
                  + " than read into memory",
              "Request to provider failed with an exception: the response to GET "
                  + provider.url("/products/NOPE")
                  + " is larger than the limit of 2048 bytes (--max-body-bytes): refused rather"
                  + " than read into memory");
    }
  }

  @Nested
  class Input {

    @Test
    void aMalformedPactNamesTheFileAndLine() {
      Path bad = TestPacts.write(pacts, "bad.json", "{\"consumer\": {\"name\": \"c\"},\n  oops}");

      assertThatThrownBy(() -> verify(bad, Duration.ofSeconds(1)))
          .isInstanceOf(VerifierInputException.class)
          .hasMessageStartingWith(bad + ":2:");
    }

    @Test
    void ofBadPactsReadAtTheSameTimeTheFirstInFileOrderIsNamed() {
      // a.json is well-formed JSON that only the shape check refuses; b.json fails to parse at
      // once: the error is still a.json's, as when the files were read one after the other
      TestPacts.write(
          pacts, "a.json", TestPacts.INVENTORY.replace("\"status\": 200", "\"status\": 700"));
      TestPacts.write(pacts, "b.json", "{\"consumer\": {\"name\": \"c\"},\n  oops}");

      assertThatThrownBy(() -> verify(null, Duration.ofSeconds(1)))
          .isInstanceOf(VerifierInputException.class)
          .hasMessage(
              pacts.resolve("a.json")
                  + ":$.interactions[0].response.status: a status is from 100 to 599, not 700");
    }

    @Test
    void aFolderOfPactsThatIsMissingOrAFileIsNamedForWhatItIs() {
      Path file = TestPacts.inventory(pacts);
      Path missing = pacts.resolve("missing");

      assertThatThrownBy(() -> verifyFolder(file))
          .isInstanceOf(VerifierInputException.class)
          .hasMessage(
              file + ": a pact file, not a folder of pacts (one pact file is read with --pact)");
      assertThatThrownBy(() -> verifyFolder(missing))
          .isInstanceOf(VerifierInputException.class)
          .hasMessage(missing + ": no such folder of pacts");
    }

    /** A verification of the pacts in {@code folder}, no state-change URL. */
    private VerifierEngine.Run verifyFolder(Path folder) {
      return VerifierEngine.run(
          new VerifyConfig(
              "inventory-service",
              provider.url(),
              folder,
              List.of(),
              null,
              List.of(),
              1,
              Duration.ofSeconds(1)),
          null);
    }

    @Test
    void aFolderWithoutAPactForTheProviderIsBadInput() {
      assertThatThrownBy(() -> verify(null, Duration.ofSeconds(1)))
          .isInstanceOf(VerifierInputException.class)
          .hasMessage("no pact with provider 'inventory-service' in " + pacts);
    }

    @Test
    void aPactFileOfAnotherProviderIsBadInput() {
      Path other =
          TestPacts.write(
              pacts,
              "other.json",
              TestPacts.INVENTORY.replace("\"inventory-service\"", "\"pricing-service\""));

      assertThatThrownBy(() -> verify(other, Duration.ofSeconds(1)))
          .isInstanceOf(VerifierInputException.class)
          .hasMessage(
              other + ": is a pact with provider 'pricing-service', not 'inventory-service'");
    }

    @Test
    void thePublicBuilderVerifiesAndCountsFailures() {
      provider.json("GET /products/SKU-1001", 200, "{}");
      TestPacts.inventory(pacts);

      PactVerifier.Result result =
          PactVerifier.newInstance("inventory-service", provider.url())
              .pactsDir(pacts)
              .stateChangeUrl(provider.url("/_pact/state"))
              .build()
              .verify();

      assertThat(result.passed()).isEqualTo(1);
      assertThat(result.failures()).singleElement().asString().contains("body $.sku");
      assertThat(result.success()).isFalse();
    }
  }
}
