package io.pactwire.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.internal.report.InteractionResult;
import io.pactwire.core.internal.report.PactResult;
import io.pactwire.core.internal.report.VerificationRun;
import io.pactwire.store.ContractStore;
import io.pactwire.store.StoreException;
import io.pactwire.store.Target;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pacts for verification, results, credentials and bad input, against the Broker stand-in. */
class BrokerTests {

  static final String TOKEN = "planted-broker-token-5f0c9e";

  BrokerStandIn standIn;
  @TempDir Path dir;

  @BeforeEach
  void start() {
    standIn = BrokerStandIn.withToken(TOKEN);
  }

  @AfterEach
  void stop() {
    standIn.close();
  }

  Broker broker() {
    return Broker.connect(standIn.url(), Map.of("PACT_BROKER_TOKEN", TOKEN));
  }

  @Nested
  class PactsForVerification {

    @Test
    void postsTheSelectorsAndWritesEachPactWithoutItsLinks() throws IOException {
      List<BrokerPact> pacts =
          broker()
              .pactsForVerification(
                  "inventory-service", List.of("{\"mainBranch\": true}"), dir.resolve("pacts"));

      assertThat(pacts)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.consumer()).isEqualTo("checkout-service");
                assertThat(p.file().getFileName().toString())
                    .isEqualTo("checkout-service-inventory-service.json");
                assertThat(p.interactionIds())
                    .containsEntry("a request for a product", "interaction-1");
                assertThat(p.url()).contains("/hal/pacts/provider/inventory-service/");
              });
      assertThat(Files.readString(pacts.get(0).file())).doesNotContain("_links");
      JsonNode body =
          standIn.posted("/hal/pacts/provider/inventory-service/for-verification").get(0);
      assertThat(body.path("consumerVersionSelectors").get(0).path("mainBranch").asBoolean())
          .isTrue();
      assertThat(Broker.fetched(pacts.get(0).file())).isTrue();
    }

    @Test
    void aPacticipantNameThatCannotNameAFileIsRefusedAndNothingIsWritten() throws IOException {
      standIn.servePact(
          BrokerStandIn.DEFAULT_PACT.replace("\"checkout-service\"", "\"../escaped\""));
      Path pacts = dir.resolve("deep").resolve("pacts");

      assertThatThrownBy(() -> broker().pactsForVerification("inventory-service", List.of(), pacts))
          .isInstanceOf(BrokerException.class)
          .hasMessageContaining("pacticipant name '../escaped' cannot name a store folder")
          .hasMessageNotContaining("\n");
      try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
        assertThat(files.filter(Files::isRegularFile)).isEmpty();
      }
    }

    @Test
    void aSelectorThatIsNotAJsonObjectIsRefusedBeforeAnyCall() {
      assertThatThrownBy(
              () -> broker().pactsForVerification("inventory-service", List.of("main"), dir))
          .isInstanceOf(BrokerException.class)
          .hasMessageStartingWith("the consumer-version selector 'main' is not a JSON object");
      assertThat(standIn.requests()).isEmpty();
    }

    @Test
    void resultsArePublishedToThePactsPublishVerificationResultsLink() {
      List<BrokerPact> pacts = broker().pactsForVerification("inventory-service", List.of(), dir);
      InteractionResult failed =
          new InteractionResult(
              "a request for a product",
              List.of(),
              false,
              "status: expected 200 but was 500\n...",
              List.of(),
              null);
      PactResult pact =
          new PactResult("checkout-service", "x.json", "sha", "now", false, List.of(failed));
      VerificationRun run =
          new VerificationRun("inventory-service", "2.1.0", "main", false, List.of(pact));

      boolean published = Broker.resultsPublisher().publish(run, pact, pacts.get(0).file());

      assertThat(published).isTrue();
      JsonNode body =
          standIn
              .posted(".*/pact-version/" + BrokerStandIn.PACT_VERSION + "/verification-results")
              .get(0);
      assertThat(body.path("success").asBoolean(true)).isFalse();
      assertThat(body.path("providerApplicationVersion").asText()).isEqualTo("2.1.0");
      assertThat(body.path("testResults").get(0).path("interactionId").asText())
          .isEqualTo("interaction-1");
      // the provider version's branch, which pact-jvm's client leaves out of the results
      assertThat(standIn.requests())
          .filteredOn(r -> r.getMethod().getName().equals("PUT"))
          .extracting(r -> r.getUrl())
          .containsExactly("/hal/pacticipants/inventory-service/branches/main/versions/2.1.0");
    }

    @Test
    void pendingPactsAreAskedForTheProvidersBranchAndMarked() {
      standIn.pactPending();

      List<BrokerPact> pacts =
          broker()
              .pactsForVerification(
                  "inventory-service",
                  List.of(),
                  new PendingPacts(true, "feat/stock", "2026-11-01"),
                  dir.resolve("pacts"));

      assertThat(pacts).singleElement().extracting(BrokerPact::pending).isEqualTo(true);
      JsonNode body =
          standIn.posted("/hal/pacts/provider/inventory-service/for-verification").get(0);
      assertThat(body.path("includePendingStatus").asBoolean()).isTrue();
      assertThat(body.path("providerVersionBranch").asText()).isEqualTo("feat/stock");
      assertThat(body.path("includeWipPactsSince").asText()).isEqualTo("2026-11-01");
    }

    @Test
    void withoutPendingTheBrokerIsNotAskedAndNoPactIsPending() {
      List<BrokerPact> pacts =
          broker().pactsForVerification("inventory-service", List.of(), dir.resolve("pacts"));

      assertThat(pacts).singleElement().extracting(BrokerPact::pending).isEqualTo(false);
      JsonNode body =
          standIn.posted("/hal/pacts/provider/inventory-service/for-verification").get(0);
      assertThat(body.path("includePendingStatus").asBoolean(true)).isFalse();
      assertThat(body.has("includeWipPactsSince")).isFalse();
    }

    @Test
    void pendingWithoutAKnownBranchIsRefusedBeforeAnyCall() {
      assertThatThrownBy(
              () ->
                  broker()
                      .pactsForVerification(
                          "inventory-service",
                          List.of(),
                          new PendingPacts(true, "unknown", null),
                          dir.resolve("pacts")))
          .isInstanceOf(BrokerException.class)
          .hasMessage(
              "pending pacts are pending for a branch of inventory-service: give the provider's"
                  + " branch (--branch, or pactwire.provider.branch)");
      assertThat(standIn.requests()).isEmpty();
    }

    @Test
    void aRunWithoutABranchRecordsNoBranch() {
      List<BrokerPact> pacts = broker().pactsForVerification("inventory-service", List.of(), dir);
      PactResult pact = new PactResult("checkout-service", "x.json", "sha", "now", true, List.of());

      Broker.resultsPublisher()
          .publish(
              new VerificationRun("inventory-service", "2.1.0", null, true, List.of(pact)),
              pact,
              pacts.get(0).file());

      assertThat(standIn.posted(".*/verification-results")).hasSize(1);
      assertThat(standIn.requests()).noneMatch(r -> r.getMethod().getName().equals("PUT"));
    }

    @Test
    void aPactNotFetchedFromABrokerIsLeftToTheStore() {
      assertThat(
              Broker.resultsPublisher()
                  .publish(
                      new VerificationRun("p", "1", "main", true, List.of()),
                      new PactResult("c", "f", "s", "now", true, List.of()),
                      dir.resolve("local.json")))
          .isFalse();
    }
  }

  @Nested
  class Credentials {

    @Test
    void basicAuthenticationFromTheEnvironmentIsSent() {
      try (BrokerStandIn basic = BrokerStandIn.withBasicAuth("ci", "planted-password-81d3")) {
        ContractStore store =
            Broker.connect(
                    basic.url(),
                    Map.of(
                        "PACT_BROKER_USERNAME",
                        "ci",
                        "PACT_BROKER_PASSWORD",
                        "planted-password-81d3"))
                .store();

        assertThat(
                store
                    .canIDeploy("checkout-service", "1.0.0", Target.environment("production"))
                    .deployable())
            .isTrue();
      }
    }

    @Test
    void pactJvmsClientAnswersTheBasicChallengeWithTheSameCredentials() {
      try (BrokerStandIn basic = BrokerStandIn.withBasicAuth("ci", "planted-password-81d3")) {
        Broker broker =
            Broker.connect(
                basic.url(),
                Map.of(
                    "PACT_BROKER_USERNAME", "ci", "PACT_BROKER_PASSWORD", "planted-password-81d3"));

        List<BrokerPact> pacts =
            broker.pactsForVerification("inventory-service", List.of(), dir.resolve("basic"));

        assertThat(pacts).hasSize(1);
        assertThat(basic.posted("/hal/pacts/provider/inventory-service/for-verification"))
            .hasSize(1);
      }
    }

    @Test
    void aRefusedTokenIsNamedByItsVariableNeverShown() {
      ContractStore store =
          Broker.connect(standIn.url(), Map.of("PACT_BROKER_TOKEN", "planted-wrong-token-22aa"))
              .store();

      assertThatThrownBy(() -> store.recordDeployment("checkout-service", "1.0.0", "test"))
          .isInstanceOf(StoreException.class)
          .hasMessage(
              "the Pact Broker refused GET "
                  + standIn.url()
                  + "/ with 401 Unauthorized (sent the token in PACT_BROKER_TOKEN): set"
                  + " PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD")
          .message()
          .doesNotContain("planted-wrong-token-22aa");
    }

    @Test
    void credentialsInTheUrlAreUsedAndRedacted() throws IOException {
      int closed;
      try (ServerSocket s = new ServerSocket(0)) {
        closed = s.getLocalPort();
      }
      Broker broker =
          Broker.connect("http://ci:planted-url-secret-93@localhost:" + closed, Map.of());

      assertThat(broker.url()).isEqualTo("http://localhost:" + closed + "/");
      assertThatThrownBy(
              () -> broker.store().matrix(new io.pactwire.store.MatrixQuery("a", null, null, 1)))
          .hasMessage(
              "cannot reach the Pact Broker at http://localhost:"
                  + closed
                  + "/: connection refused")
          .message()
          .doesNotContain("planted-url-secret-93");
    }
  }

  @Nested
  class BadInput {

    @Test
    void aLinkThatLeadsNowhereNamesTheUrl() throws IOException {
      standIn.breakLink("pb:publish-contracts");
      Path pact = Files.writeString(dir.resolve("p.json"), BrokerStandIn.DEFAULT_PACT);

      assertThatThrownBy(() -> broker().store().publish("1.0.0", null, List.of(pact)))
          .isInstanceOf(StoreException.class)
          .hasMessage(
              "the Pact Broker answered 404 Not Found to POST "
                  + standIn.halBase()
                  + "/gone: the link leads nowhere");
    }

    @Test
    void jsonThatIsNotHalIsRefused() {
      ContractStore store =
          Broker.connect(standIn.halBase() + "/not-hal", Map.of("PACT_BROKER_TOKEN", TOKEN))
              .store();

      assertThatThrownBy(() -> store.recordRelease("checkout-service", "1.0.0", "test"))
          .isInstanceOf(StoreException.class)
          .hasMessage(
              "the Pact Broker at "
                  + standIn.halBase()
                  + "/not-hal answered with JSON that is not a HAL index resource (no _links):"
                  + " check --broker-url");
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
      assertThatThrownBy(() -> Broker.connect("ftp://broker", Map.of()))
          .isInstanceOf(BrokerException.class)
          .hasMessage("--broker-url must be an http or https URL with a host, not 'ftp://broker'");
    }
  }
}
