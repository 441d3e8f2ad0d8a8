package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.pactwire.broker.BrokerStandIn;
import io.pactwire.cli.PactwireCommandTests.Run;
import io.pactwire.testsupport.Golden;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store commands and {@code verify} with {@code --broker-url}, against the Broker stand-in.
 * Surefire gives the process {@code PACT_BROKER_TOKEN}, a planted secret no output may show.
 */
class BrokerCommandsTests {

  static final String TOKEN = "planted-cli-broker-token-3c8e";

  BrokerStandIn broker;
  @TempDir Path dir;
  Path pact;

  @BeforeEach
  void start() throws IOException {
    assertThat(System.getenv("PACT_BROKER_TOKEN"))
        .as("Surefire sets PACT_BROKER_TOKEN for this test")
        .isEqualTo(TOKEN);
    broker = BrokerStandIn.withToken(TOKEN);
    pact =
        Files.writeString(
            Files.createDirectories(dir.resolve("pacts"))
                .resolve("checkout-service-inventory-service.json"),
            BrokerStandIn.DEFAULT_PACT);
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--broker-url");
    all.add(broker.url());
    Run run = PactwireCommandTests.run(all.toArray(String[]::new));
    assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    return run;
  }

  @Nested
  class StoreCommands {

    @Test
    void publishPostsThePactsToTheBroker() {
      Run run = run("publish", "--consumer-version", "1.0.0", "--branch", "main", pact.toString());

      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out())
          .isEqualTo(
              "published checkout-service 1.0.0 (main): pact "
                  + BrokerStandIn.PACT_VERSION.substring(0, 8)
                  + " for inventory-service\n");
      assertThat(broker.posted("/hal/contracts/publish"))
          .singleElement()
          .satisfies(
              b -> assertThat(b.path("pacticipantVersionNumber").asText()).isEqualTo("1.0.0"));
    }

    @Test
    void recordDeploymentAndRecordRelease() {
      Run deployed =
          run(
              "record-deployment",
              "--pacticipant",
              "checkout-service",
              "--version",
              "1.0.0",
              "--environment",
              "production");
      Run released =
          run(
              "record-release",
              "--pacticipant",
              "checkout-service",
              "--version",
              "1.0.0",
              "--environment",
              "test");

      assertThat(deployed.exit()).as(deployed.err()).isZero();
      assertThat(deployed.out())
          .isEqualTo(
              "recorded: checkout-service 1.0.0 deployed to production at 2026-12-06T10:15:30Z\n");
      assertThat(released.exit()).as(released.err()).isZero();
      assertThat(broker.posted(".*/deployed-versions/environment/.*")).hasSize(1);
      assertThat(broker.posted(".*/released-versions/environment/.*")).hasSize(1);
    }

    @Test
    void canIDeployYesIsExit0AndNoIsExit1() {
      Run yes =
          run(
              "can-i-deploy",
              "--pacticipant",
              "checkout-service",
              "--version",
              "1.0.0",
              "--to-environment",
              "production");
      Run no =
          run(
              "can-i-deploy",
              "--pacticipant",
              "checkout-service",
              "--version",
              "1.1.0",
              "--to-environment",
              "production");

      assertThat(yes.exit()).as(yes.err()).isZero();
      assertThat(yes.out())
          .endsWith(
              "yes: checkout-service 1.0.0 can be deployed to production: All required"
                  + " verification results are published and successful (Pact Broker)\n");
      assertThat(no.exit()).isEqualTo(1);
      Golden.assertMatches("broker-can-i-deploy-no.txt", no.out());
    }

    @Test
    void aVersionTheBrokerDoesNotKnowIsBadInputNotANo() {
      Run run =
          run(
              "can-i-deploy",
              "--pacticipant",
              "checkout-service",
              "--version",
              "9.9.9",
              "--to-environment",
              "production");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .isEqualTo(
              "pactwire can-i-deploy: the Pact Broker at "
                  + broker.url()
                  + "/ does not know the version asked about: No version with number 9.9.9 exists"
                  + " for checkout-service\n");
    }

    @Test
    void matrixPrintsTheBrokersRows() {
      Run run = run("matrix", "--pacticipant", "checkout-service", "--format", "json");

      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out()).contains(BrokerStandIn.PACT_VERSION).contains("\"1.2.0\"");
    }

    @Test
    void changedIsRefusedInOneLineNamingWebhooks() {
      Run run = run("changed", "--since", "HEAD~1");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "pactwire changed: a Pact Broker does not list pacts changed since a git revision:"
                  + " it triggers provider builds itself, with a webhook on the"
                  + " 'contract_requiring_verification_published' event; use --store DIR for"
                  + " changed\n");
    }

    @Test
    void storeAndBrokerUrlTogetherAreRefused() {
      Run run =
          run(
              "matrix",
              "--pacticipant",
              "checkout-service",
              "--store",
              dir.resolve("pacts").toString());

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).startsWith("pactwire matrix: --store and --broker-url name two stores");
    }

    @Test
    void anUnreachableBrokerIsOneLineExit2() throws IOException {
      int closed;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        closed = s.getLocalPort();
      }
      Run run =
          PactwireCommandTests.run(
              "record-release",
              "--pacticipant",
              "checkout-service",
              "--version",
              "1.0.0",
              "--environment",
              "test",
              "--broker-url",
              "http://localhost:" + closed);

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "pactwire record-release: cannot reach the Pact Broker at http://localhost:"
                  + closed
                  + "/: connection refused\n");
    }
  }

  @Nested
  class Verify {

    HttpServer provider;
    volatile int status = 200;

    @BeforeEach
    void provider() throws IOException {
      provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      provider.createContext(
          "/",
          exchange -> {
            try (exchange) {
              byte[] body = "{\"id\": 1}".getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              exchange.sendResponseHeaders(status, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            }
          });
      provider.start();
    }

    @AfterEach
    void stopProvider() {
      provider.stop(0);
    }

    Run verify(String... more) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "verify",
                  "--provider",
                  "inventory-service",
                  "--base-url",
                  "http://127.0.0.1:" + provider.getAddress().getPort(),
                  "--consumer-version-selector",
                  "{\"mainBranch\": true}",
                  "--consumer-version-selector",
                  "{\"deployedOrReleased\": true}",
                  "--out",
                  dir.resolve("out").toString()));
      args.addAll(List.of(more));
      return run(args.toArray(String[]::new));
    }

    @Test
    void verifiesTheBrokersPactsAndPublishesTheResults() {
      Run run = verify("--publish-results", "--provider-version", "2.1.0");

      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out()).contains("a request for a product");
      assertThat(
              dir.resolve(
                  "out/broker-pacts/inventory-service/checkout-service-inventory-service.json"))
          .exists();
      JsonNode selectors =
          broker
              .posted("/hal/pacts/provider/inventory-service/for-verification")
              .get(0)
              .path("consumerVersionSelectors");
      assertThat(selectors.toString())
          .isEqualTo("[{\"mainBranch\":true},{\"deployedOrReleased\":true}]");
      JsonNode result = broker.posted(".*/verification-results").get(0);
      assertThat(result.path("success").asBoolean()).isTrue();
      assertThat(result.path("providerApplicationVersion").asText()).isEqualTo("2.1.0");
      assertThat(result.path("testResults").get(0).path("interactionId").asText())
          .isEqualTo("interaction-1");
    }

    @Test
    void aFailedVerificationIsPublishedAsAFailure() {
      status = 500;

      Run run = verify("--publish", "--provider-version", "2.1.0");

      assertThat(run.exit()).isEqualTo(1);
      JsonNode result = broker.posted(".*/verification-results").get(0);
      assertThat(result.path("success").asBoolean(true)).isFalse();
    }

    @Test
    void aPendingPactsFailureIsReportedButDoesNotFailTheRun() {
      broker.pactPending();
      status = 500;

      Run run = verify("--no-publish", "--enable-pending", "--branch", "feat/stock");

      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.err())
          .contains("pactwire verify: 1 pending interaction(s) failed")
          .contains("  pending: checkout-service → inventory-service: a request for a product");
      JsonNode body =
          broker.posted("/hal/pacts/provider/inventory-service/for-verification").get(0);
      assertThat(body.path("includePendingStatus").asBoolean()).isTrue();
      assertThat(body.path("providerVersionBranch").asText()).isEqualTo("feat/stock");
    }

    @Test
    void withoutEnablePendingTheSameFailureFailsTheRun() {
      broker.pactPending();
      status = 500;

      Run run = verify("--no-publish", "--branch", "feat/stock");

      assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aWipDateThatIsNotADateIsAUsageError() {
      Run run = verify("--include-wip-pacts-since", "last week", "--branch", "main");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err())
          .contains("the date of work-in-progress pacts must be yyyy-MM-dd, not 'last week'");
      assertThat(broker.requests()).isEmpty();
    }

    @Test
    void withoutPublishNothingIsPosted() {
      Run run = verify("--no-publish");

      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(broker.posted(".*/verification-results")).isEmpty();
    }

    @Test
    void aSelectorThatIsNotJsonIsOneLineExit2() {
      Run run = verify("--consumer-version-selector", "main");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err())
          .startsWith("pactwire verify: the consumer-version selector 'main' is not a JSON object");
    }

    @Test
    void brokerUrlWithPactsIsAUsageError() {
      Run run = verify("--pacts", dir.resolve("pacts").toString());

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("--broker-url verifies the Broker's pacts");
    }
  }
}
