package io.pactwire.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.store.CanIDeployResult;
import io.pactwire.store.ContractStore;
import io.pactwire.store.Deployment;
import io.pactwire.store.Matrix;
import io.pactwire.store.MatrixQuery;
import io.pactwire.store.MatrixRow;
import io.pactwire.store.PactVersion;
import io.pactwire.store.Publication;
import io.pactwire.store.Release;
import io.pactwire.store.StoreException;
import io.pactwire.store.Target;
import io.pactwire.store.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every store call against the Broker stand-in: what is sent, and what is read back. */
class BrokerContractStoreTests {

  /** A planted secret: no message may show it. */
  static final String TOKEN = "planted-broker-token-5f0c9e";

  BrokerStandIn broker;
  ContractStore store;
  @TempDir Path dir;

  @BeforeEach
  void start() {
    broker = BrokerStandIn.withToken(TOKEN);
    store = Broker.connect(broker.url(), Map.of("PACT_BROKER_TOKEN", TOKEN)).store();
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  @Nested
  class Publish {

    @Test
    void postsEachConsumersPactsToPublishContractsAsTheBrokerDocumentsThem() throws IOException {
      Path pact =
          Files.writeString(
              dir.resolve("checkout-service-inventory-service.json"), BrokerStandIn.DEFAULT_PACT);

      List<Publication> published = store.publish("1.0.0", "main", List.of(pact));

      assertThat(published)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.consumer()).isEqualTo("checkout-service");
                assertThat(p.provider()).isEqualTo("inventory-service");
                assertThat(p.consumerVersion()).isEqualTo("1.0.0");
                assertThat(p.branch()).isEqualTo("main");
                // the Broker's own pact version, read from the pb:contracts link it answered with
                assertThat(p.pactVersion()).isEqualTo(new PactVersion(BrokerStandIn.PACT_VERSION));
              });
      JsonNode body = broker.posted("/hal/contracts/publish").get(0);
      assertThat(body.path("pacticipantName").asText()).isEqualTo("checkout-service");
      assertThat(body.path("pacticipantVersionNumber").asText()).isEqualTo("1.0.0");
      assertThat(body.path("branch").asText()).isEqualTo("main");
      JsonNode contract = body.path("contracts").get(0);
      assertThat(contract.path("providerName").asText()).isEqualTo("inventory-service");
      assertThat(contract.path("specification").asText()).isEqualTo("pact");
      assertThat(contract.path("contentType").asText()).isEqualTo("application/json");
      assertThat(
              new String(
                  Base64.getDecoder().decode(contract.path("content").asText()),
                  StandardCharsets.UTF_8))
          .isEqualTo(BrokerStandIn.DEFAULT_PACT);
    }

    @Test
    void anUnreadablePactPublishesNothing() throws IOException {
      Path good = Files.writeString(dir.resolve("a.json"), BrokerStandIn.DEFAULT_PACT);
      Path bad = Files.writeString(dir.resolve("b.json"), "{\"consumer\": ");

      assertThatThrownBy(() -> store.publish("1.0.0", null, List.of(good, bad)))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("b.json");
      assertThat(broker.posted(".*")).isEmpty();
    }
  }

  @Nested
  class DeploymentsAndReleases {

    @Test
    void recordDeploymentFollowsTheVersionsRecordDeploymentLinkNamedForTheEnvironment() {
      Deployment d = store.recordDeployment("checkout-service", "1.0.0", "production");

      assertThat(d.environment()).isEqualTo("production");
      assertThat(d.deployedAt()).isEqualTo(Instant.parse("2026-12-06T10:15:30Z"));
      assertThat(
              broker.posted(
                  "/hal/pacticipants/checkout-service/versions/1.0.0/deployed-versions/environment/"
                      + "c0e9d8f7-6a5b-4c3d-2e1f-0a9b8c7d6e5f"))
          .hasSize(1);
    }

    @Test
    void recordReleaseFollowsTheRecordReleaseLink() {
      Release r = store.recordRelease("checkout-service", "1.0.0", "test");

      assertThat(r.releasedAt()).isEqualTo(Instant.parse("2026-12-06T10:20:00Z"));
      assertThat(
              broker.posted(
                  "/hal/pacticipants/checkout-service/versions/1.0.0/released-versions/environment/"
                      + "5b2a4f3e-1c0d-4e6f-9a8b-7c6d5e4f3a21"))
          .hasSize(1);
    }

    @Test
    void anUnknownEnvironmentNamesTheBrokersEnvironments() {
      assertThatThrownBy(() -> store.recordDeployment("checkout-service", "1.0.0", "staging"))
          .isInstanceOf(StoreException.class)
          .hasMessage(
              "the Pact Broker at "
                  + broker.url()
                  + "/ has no environment named 'staging' (it has test, production): create it"
                  + " with the Broker's environments resource first");
      assertThat(broker.posted(".*")).isEmpty();
    }

    @Test
    void anUnknownVersionIsOneLine() {
      assertThatThrownBy(() -> store.recordRelease("checkout-service", "9.9.9", "test"))
          .isInstanceOf(StoreException.class)
          .hasMessage(
              "the Pact Broker at "
                  + broker.url()
                  + "/ knows no version 9.9.9 of checkout-service: publish its pacts or"
                  + " verification results first");
    }
  }

  @Nested
  class MatrixAndCanIDeploy {

    @Test
    void theMatrixRowsCarryTheBrokersPactVersionsAndVerdicts() {
      Matrix matrix = store.matrix(new MatrixQuery("checkout-service", null, null, 2));

      assertThat(matrix.rows())
          .extracting(MatrixRow::consumerVersion, MatrixRow::status, MatrixRow::allowed)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("1.1.0", MatrixRow.Status.FAILED, false),
              org.assertj.core.groups.Tuple.tuple("1.0.0", MatrixRow.Status.VERIFIED, true));
      assertThat(matrix.truncated()).isEqualTo(1);
      assertThat(matrix.rows().get(1).pactVersion().hash()).isEqualTo(BrokerStandIn.PACT_VERSION);
      assertThat(broker.requests())
          .anySatisfy(
              r ->
                  assertThat(r.getUrl())
                      .startsWith("/hal/matrix?q[][pacticipant]=checkout-service")
                      .contains("limit=3"));
    }

    @Test
    void canIDeployToAnEnvironmentFollowsTheIndexRelation() {
      CanIDeployResult yes =
          store.canIDeploy("checkout-service", "1.0.0", Target.environment("production"));
      CanIDeployResult no =
          store.canIDeploy("checkout-service", "1.1.0", Target.environment("production"));

      assertThat(yes.deployable()).isTrue();
      assertThat(yes.summary())
          .isEqualTo(
              "checkout-service 1.0.0 can be deployed to production: All required verification"
                  + " results are published and successful (Pact Broker)");
      assertThat(no.deployable()).isFalse();
      assertThat(no.rows())
          .singleElement()
          .extracting(MatrixRow::status)
          .isEqualTo(MatrixRow.Status.FAILED);
    }

    @Test
    void anIgnoredPartnerAllowsTheRowAndIsSentToTheBroker() {
      CanIDeployResult result =
          store.canIDeploy(
              "checkout-service",
              "1.1.0",
              Target.environment("production"),
              Set.of("inventory-service"));

      assertThat(result.rows())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.allowed()).isTrue();
                assertThat(r.reason()).startsWith("ignored inventory-service: ");
              });
      assertThat(broker.requests())
          .anySatisfy(
              r -> assertThat(r.getUrl()).contains("ignore[][pacticipant]=inventory-service"));
    }

    @Test
    void canIDeployWithTheLatestVersionsReadsTheMatrix() {
      CanIDeployResult result = store.canIDeploy("checkout-service", "1.0.0", Target.latest());

      assertThat(result.deployable()).isTrue();
      assertThat(broker.requests())
          .anySatisfy(
              r -> assertThat(r.getUrl()).startsWith("/hal/matrix?").contains("latest=true"));
    }
  }

  /**
   * Each call against a Broker that answers with only the fields its contract with its own
   * command-line client asserts: what a real Broker is verified to send, without the extras the
   * other tests' answers carry.
   */
  @Nested
  class WithNoMoreThanTheBrokerPromises {

    @BeforeEach
    void leastAnswers() {
      broker.answerOnlyWhatTheBrokerPromises();
    }

    @Test
    void aDeploymentAnsweredWithOnlyItsTargetIsRecordedAsOfNow() {
      Instant before = Instant.now();

      Deployment d = store.recordDeployment("checkout-service", "1.0.0", "production");

      assertThat(d.environment()).isEqualTo("production");
      assertThat(d.deployedAt()).isBetween(before, Instant.now());
      assertThat(broker.posted(".*/deployed-versions/environment/c0e9d8f7-.*")).hasSize(1);
    }

    @Test
    void aReleaseAnsweredWithNoBodyIsRecorded() {
      Release r = store.recordRelease("checkout-service", "1.0.0", "production");

      assertThat(r.environment()).isEqualTo("production");
      assertThat(broker.posted(".*/released-versions/environment/c0e9d8f7-.*")).hasSize(1);
    }

    @Test
    void anUnknownEnvironmentIsNamedFromTheEnvironmentsLinks() {
      assertThatThrownBy(() -> store.recordDeployment("checkout-service", "1.0.0", "staging"))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("has no environment named 'staging' (it has production)");
      assertThat(broker.posted(".*")).isEmpty();
    }

    @Test
    void aPublicationWhoseContractLinksNameNoPactVersionKeepsThePactsOwnHash() throws IOException {
      Path pact =
          Files.writeString(
              dir.resolve("checkout-service-inventory-service.json"), BrokerStandIn.DEFAULT_PACT);

      List<Publication> published = store.publish("1.0.0", "main", List.of(pact));

      assertThat(published)
          .singleElement()
          .extracting(Publication::pactVersion)
          .isEqualTo(PactVersion.of(pact));
    }

    @Test
    void canIDeployReadsTheSummaryAndRowsWithoutPactLinks() {
      CanIDeployResult no =
          store.canIDeploy("checkout-service", "1.1.0", Target.environment("production"));

      assertThat(no.deployable()).isFalse();
      assertThat(no.summary())
          .isEqualTo(
              "checkout-service 1.1.0 cannot be deployed to production: one verification failed"
                  + " (Pact Broker)");
      assertThat(no.rows())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.status()).isEqualTo(MatrixRow.Status.FAILED);
                assertThat(r.pactVersion()).isNull();
                assertThat(r.reason())
                    .isEqualTo("pact failed verification by inventory-service 2.0.0");
              });
    }
  }

  @Test
  void recordVerificationPostsToThePactsPublishVerificationResultsLink() {
    store.recordVerification(
        new Verification(
            "inventory-service",
            "2.1.0",
            "main",
            "checkout-service",
            new PactVersion(BrokerStandIn.PACT_VERSION),
            true,
            Instant.now(),
            List.of(new Verification.InteractionVerdict("a request for a product", true))));

    JsonNode body =
        broker
            .posted(".*/pact-version/" + BrokerStandIn.PACT_VERSION + "/verification-results")
            .get(0);
    assertThat(body.path("success").asBoolean()).isTrue();
    assertThat(body.path("providerApplicationVersion").asText()).isEqualTo("2.1.0");
    assertThat(body.path("testResults").get(0).path("interactionId").asText())
        .isEqualTo("interaction-1");
  }

  @Test
  void changedIsRefusedNamingWebhooks() {
    assertThatThrownBy(() -> store.changed("HEAD~1"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("webhook")
        .hasMessageContaining("--store DIR");
  }
}
