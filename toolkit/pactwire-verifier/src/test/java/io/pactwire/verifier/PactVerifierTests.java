package io.pactwire.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
      // reports the exception as the interaction's failure
      assertThat(result.success()).isFalse();
      assertThat(result.differences())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.kind()).isEqualTo("error");
                assertThat(d.mismatch())
                    .startsWith("Request to provider failed with an exception: ")
                    .contains("Invalid JSON");
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
      } finally {
        release.countDown();
      }
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
                    .startsWith(
                        "Request to provider failed with an exception: GET "
                            + provider.url("/products/SKU-1001")
                            + " failed: java.io.IOException");
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

  @Nested
  class Messages {

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
  class Input {

    @Test
    void aMalformedPactNamesTheFileAndLine() {
      Path bad = TestPacts.write(pacts, "bad.json", "{\"consumer\": {\"name\": \"c\"},\n  oops}");

      assertThatThrownBy(() -> verify(bad, Duration.ofSeconds(1)))
          .isInstanceOf(VerifierInputException.class)
          .hasMessageStartingWith(bad + ":2:");
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
