package io.pactwire.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of the matrix, as can-i-deploy applies it to a store built through the API. */
class CanIDeployTests {

  static final String CHECKOUT = "checkout-service";
  static final String INVENTORY = "inventory-service";
  static final String INDEXER = "catalog-indexer";
  static final String PROD = "production";

  @TempDir Path dir;
  StoreFixture f;

  @BeforeEach
  void store() {
    f = new StoreFixture(dir);
  }

  CanIDeployResult canIDeploy(String pacticipant, String version) {
    return f.store.canIDeploy(pacticipant, version, Target.environment(PROD));
  }

  static List<String> reasons(CanIDeployResult result) {
    return result.rows().stream().map(MatrixRow::reason).toList();
  }

  @Nested
  class AsConsumer {

    PactVersion pact;

    @BeforeEach
    void providerInProduction() {
      pact = f.publish("1.0.0", f.pact(CHECKOUT, INVENTORY, "a request for a product"));
      f.verify(INVENTORY, "4f5e6d", CHECKOUT, pact, true);
      f.deploy(INVENTORY, "4f5e6d", PROD);
    }

    @Test
    void aVerifiedPactAllowsIt() {
      CanIDeployResult result = canIDeploy(CHECKOUT, "1.0.0");

      assertThat(result.deployable()).isTrue();
      assertThat(result.rows())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.status()).isEqualTo(MatrixRow.Status.VERIFIED);
                assertThat(r.providerVersion()).isEqualTo("4f5e6d");
                assertThat(r.reason())
                    .isEqualTo(
                        "pact " + pact.shortHash() + " verified by inventory-service 4f5e6d");
              });
      assertThat(result.summary())
          .isEqualTo(
              "checkout-service 1.0.0 can be deployed to production: its one integration is"
                  + " verified");
    }

    @Test
    void noVerificationBlocksIt() {
      PactVersion changed =
          f.publish("1.1.0", f.pact(CHECKOUT, INVENTORY, "a request for a product", "a search"));

      CanIDeployResult result = canIDeploy(CHECKOUT, "1.1.0");

      assertThat(result.deployable()).isFalse();
      assertThat(result.rows())
          .singleElement()
          .extracting(MatrixRow::status)
          .isEqualTo(MatrixRow.Status.UNVERIFIED);
      assertThat(reasons(result))
          .as("the provider verified the earlier pact, and the reason says which")
          .containsExactly(
              "no verification of pact "
                  + changed.shortHash()
                  + " by inventory-service 4f5e6d (it verified checkout-service's pact "
                  + pact.shortHash()
                  + " instead)");
      assertThat(result.summary())
          .isEqualTo(
              "checkout-service 1.1.0 cannot be deployed to production: 1 of 1 integration is not"
                  + " verified");
    }

    @Test
    void aProviderVersionThatVerifiedNothingOfTheConsumerBlocksIt() {
      PactVersion other = f.publish("1.0.0", f.pact(INDEXER, INVENTORY, "an event"));
      f.verify(INVENTORY, "5a5a5a", INDEXER, other, true);
      f.deploy(INVENTORY, "5a5a5a", PROD);

      assertThat(reasons(canIDeploy(CHECKOUT, "1.0.0")))
          .containsExactly(
              "no verification of pact " + pact.shortHash() + " by inventory-service 5a5a5a");
    }

    @Test
    void aFailedVerificationBlocksItNamingTheFailedInteractions() {
      PactVersion next =
          f.publish("1.2.0", f.pact(CHECKOUT, INVENTORY, "a request for a product", "a search"));
      f.verify(INVENTORY, "4f5e6d", CHECKOUT, next, true, false);

      CanIDeployResult result = canIDeploy(CHECKOUT, "1.2.0");

      assertThat(result.deployable()).isFalse();
      assertThat(result.rows().get(0).status()).isEqualTo(MatrixRow.Status.FAILED);
      assertThat(reasons(result))
          .containsExactly(
              "pact "
                  + next.shortHash()
                  + " failed verification by inventory-service 4f5e6d: 1 of 2 interactions failed"
                  + " ('a search')");
    }

    @Test
    void aLaterVerdictOfTheSameInteractionReplacesAnEarlierOne() {
      PactVersion next = f.publish("1.2.0", f.pact(CHECKOUT, INVENTORY, "a", "b"));
      f.verify(INVENTORY, "4f5e6d", CHECKOUT, next, true, false);
      f.verify(INVENTORY, "4f5e6d", CHECKOUT, next, true, true);

      assertThat(canIDeploy(CHECKOUT, "1.2.0").deployable()).isTrue();
    }

    @Test
    void recordsThatEachVerifyPartOfAPactAddUp() {
      PactVersion next = f.publish("1.2.0", f.pact(CHECKOUT, INVENTORY, "a", "b"));
      Verification.InteractionVerdict a = new Verification.InteractionVerdict("a", true);
      Verification.InteractionVerdict b = new Verification.InteractionVerdict("b", false);
      f.store.recordVerification(
          new Verification(
              INVENTORY, "4f5e6d", null, CHECKOUT, next, true, f.clock.instant(), List.of(a)));
      f.store.recordVerification(
          new Verification(
              INVENTORY, "4f5e6d", null, CHECKOUT, next, false, f.clock.instant(), List.of(b)));

      CanIDeployResult result = canIDeploy(CHECKOUT, "1.2.0");

      assertThat(result.deployable()).isFalse();
      assertThat(result.rows().get(0).reason()).contains("1 of 2 interactions failed ('b')");
    }

    @Test
    void aPactVerifiedInPartIsNotVerified() {
      PactVersion next = f.publish("1.2.0", f.pact(CHECKOUT, INVENTORY, "a", "b", "c", "d"));
      f.store.recordVerification(
          new Verification(
              INVENTORY,
              "4f5e6d",
              null,
              CHECKOUT,
              next,
              true,
              f.clock.instant(),
              List.of(new Verification.InteractionVerdict("b", true))));

      CanIDeployResult result = canIDeploy(CHECKOUT, "1.2.0");

      assertThat(result.deployable()).isFalse();
      assertThat(result.rows().get(0).status()).isEqualTo(MatrixRow.Status.UNVERIFIED);
      assertThat(reasons(result))
          .containsExactly(
              "3 of 4 interactions of pact "
                  + next.shortHash()
                  + " never verified by inventory-service 4f5e6d ('a', 'c', 'd')");
    }

    @Test
    void aVerdictOnAnInteractionThePactDoesNotHaveVerifiesNothing() {
      PactVersion next = f.publish("1.2.0", f.pact(CHECKOUT, INVENTORY, "a"));
      f.store.recordVerification(
          new Verification(
              INVENTORY,
              "4f5e6d",
              null,
              CHECKOUT,
              next,
              true,
              f.clock.instant(),
              List.of(new Verification.InteractionVerdict("another pact's interaction", true))));

      CanIDeployResult result = canIDeploy(CHECKOUT, "1.2.0");

      assertThat(result.deployable()).isFalse();
      assertThat(reasons(result))
          .containsExactly(
              "1 of 1 interactions of pact "
                  + next.shortHash()
                  + " never verified by inventory-service 4f5e6d ('a')");
    }

    @Test
    void recordsThatTogetherVerifyEveryInteractionVerifyThePact() {
      PactVersion next = f.publish("1.2.0", f.pact(CHECKOUT, INVENTORY, "a", "b"));
      for (String d : List.of("a", "b")) {
        f.store.recordVerification(
            new Verification(
                INVENTORY,
                "4f5e6d",
                null,
                CHECKOUT,
                next,
                true,
                f.clock.instant(),
                List.of(new Verification.InteractionVerdict(d, true))));
      }

      assertThat(canIDeploy(CHECKOUT, "1.2.0").deployable()).isTrue();
    }

    @Test
    void theLatestDeploymentReplacesTheEarlierOne() {
      PactVersion other = f.publish("1.0.0", f.pact(INDEXER, INVENTORY, "an event"));
      f.verify(INVENTORY, "7a7a7a", INDEXER, other, true);
      f.deploy(INVENTORY, "7a7a7a", PROD);

      CanIDeployResult result = canIDeploy(CHECKOUT, "1.0.0");

      assertThat(result.rows()).extracting(MatrixRow::providerVersion).containsExactly("7a7a7a");
      assertThat(result.deployable()).isFalse();
    }

    @Test
    void everyReleasedVersionIsCheckedAlongsideTheDeployedOne() {
      PactVersion other = f.publish("1.0.0", f.pact(INDEXER, INVENTORY, "an event"));
      f.verify(INVENTORY, "old", INDEXER, other, true);
      f.store.recordRelease(INVENTORY, "old", PROD);

      CanIDeployResult result = canIDeploy(CHECKOUT, "1.0.0");

      assertThat(result.rows())
          .extracting(MatrixRow::providerVersion, MatrixRow::allowed)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("4f5e6d", true),
              org.assertj.core.groups.Tuple.tuple("old", false));
      assertThat(result.deployable()).isFalse();
    }

    @Test
    void anIgnoredPartnerIsShownButAllowsIt() {
      f.publish("1.3.0", f.pact(CHECKOUT, "paypal-orders", "create an order"));

      CanIDeployResult result =
          f.store.canIDeploy(CHECKOUT, "1.3.0", Target.environment(PROD), Set.of("paypal-orders"));

      assertThat(result.deployable()).isTrue();
      assertThat(reasons(result))
          .containsExactly(
              "ignored paypal-orders: no version of paypal-orders is deployed to or released in"
                  + " production");
    }
  }

  @Nested
  class AsProvider {

    PactVersion checkoutPact;
    PactVersion indexerPact;

    @BeforeEach
    void twoConsumersInProduction() {
      checkoutPact = f.publish("c1", f.pact(CHECKOUT, INVENTORY, "a request for a product"));
      indexerPact = f.publish("i1", f.messagePact(INDEXER, INVENTORY, "a StockChanged event"));
      f.verify(INVENTORY, "p1", CHECKOUT, checkoutPact, true);
      f.verify(INVENTORY, "p1", INDEXER, indexerPact, true);
      f.deploy(CHECKOUT, "c1", PROD);
      f.deploy(INDEXER, "i1", PROD);
      f.deploy(INVENTORY, "p1", PROD);
    }

    @Test
    void aProviderWithTwoConsumersNeedsBothPactsVerified() {
      f.verify(INVENTORY, "p2", CHECKOUT, checkoutPact, true);

      CanIDeployResult result = canIDeploy(INVENTORY, "p2");

      assertThat(result.deployable()).isFalse();
      assertThat(result.rows())
          .extracting(MatrixRow::consumer, MatrixRow::consumerVersion, MatrixRow::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(INDEXER, "i1", MatrixRow.Status.UNVERIFIED),
              org.assertj.core.groups.Tuple.tuple(CHECKOUT, "c1", MatrixRow.Status.VERIFIED));
      assertThat(result.rows().get(0).reason())
          .as("a message pact is a pact like any other: messages are checked as HTTP is")
          .isEqualTo(
              "no verification of pact "
                  + indexerPact.shortHash()
                  + " (catalog-indexer i1 is in production) by inventory-service p2");
    }

    @Test
    void bothConsumersVerifiedAllowIt() {
      assertThat(canIDeploy(INVENTORY, "p1").deployable()).isTrue();
      assertThat(canIDeploy(INVENTORY, "p1").summary())
          .isEqualTo(
              "inventory-service p1 can be deployed to production: all 2 integrations are verified");
    }

    @Test
    void aMessageVerificationThatFailedBlocksIt() {
      f.verify(INVENTORY, "p3", CHECKOUT, checkoutPact, true);
      f.verify(INVENTORY, "p3", INDEXER, indexerPact, false);

      CanIDeployResult result = canIDeploy(INVENTORY, "p3");

      assertThat(result.deployable()).isFalse();
      assertThat(result.rows().get(0).status()).isEqualTo(MatrixRow.Status.FAILED);
    }

    @Test
    void aConsumerDeployedWithAnOlderPactNeedsThatPactVerified() {
      // checkout-service c2 has a newer pact, which p4 verified; c1, with the old one, is deployed
      PactVersion newer =
          f.publish("c2", f.pact(CHECKOUT, INVENTORY, "a request for a product", "a search"));
      f.verify(INVENTORY, "p4", CHECKOUT, newer, true, true);
      f.verify(INVENTORY, "p4", INDEXER, indexerPact, true);

      CanIDeployResult result = canIDeploy(INVENTORY, "p4");

      assertThat(result.deployable()).isFalse();
      assertThat(reasons(result))
          .contains(
              "no verification of pact "
                  + checkoutPact.shortHash()
                  + " (checkout-service c1 is in production) by inventory-service p4 (it verified"
                  + " checkout-service's pact "
                  + newer.shortHash()
                  + " instead)");
    }

    @Test
    void aConsumerWhoseDeployedVersionHasNoPactWithItIsNoIntegration() {
      f.publish("c3", f.pact(CHECKOUT, "paypal-orders", "create an order"));
      f.deploy(CHECKOUT, "c3", PROD);
      f.verify(INVENTORY, "p5", INDEXER, indexerPact, true);

      CanIDeployResult result = canIDeploy(INVENTORY, "p5");

      assertThat(result.rows()).extracting(MatrixRow::consumer).containsExactly(INDEXER);
      assertThat(result.deployable()).isTrue();
    }
  }

  @Nested
  class BothConsumerAndProvider {

    @Test
    void aPacticipantThatIsBothIsCheckedOnBothSides() {
      // inventory-service consumes catalog-indexer's search API and provides checkout-service's
      PactVersion upstream = f.publish("p1", f.pact(INVENTORY, INDEXER, "a search"));
      PactVersion downstream =
          f.publish("c1", f.pact(CHECKOUT, INVENTORY, "a request for a product"));
      f.verify(INDEXER, "i1", INVENTORY, upstream, true);
      f.deploy(INDEXER, "i1", PROD);
      f.deploy(CHECKOUT, "c1", PROD);

      CanIDeployResult before = canIDeploy(INVENTORY, "p1");
      f.verify(INVENTORY, "p1", CHECKOUT, downstream, true);
      CanIDeployResult after = canIDeploy(INVENTORY, "p1");

      assertThat(before.rows())
          .extracting(MatrixRow::consumer, MatrixRow::provider, MatrixRow::allowed)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(INVENTORY, INDEXER, true),
              org.assertj.core.groups.Tuple.tuple(CHECKOUT, INVENTORY, false));
      assertThat(before.deployable()).isFalse();
      assertThat(after.deployable()).isTrue();
    }
  }

  @Nested
  class EmptyEnvironment {

    @Test
    void aConsumerCannotGoWhereItsProviderIsNot() {
      PactVersion pact = f.publish("1.0.0", f.pact(CHECKOUT, INVENTORY, "a request for a product"));
      f.verify(INVENTORY, "4f5e6d", CHECKOUT, pact, true);

      CanIDeployResult result = canIDeploy(CHECKOUT, "1.0.0");

      assertThat(result.deployable()).isFalse();
      assertThat(result.rows())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.status()).isEqualTo(MatrixRow.Status.MISSING);
                assertThat(r.providerVersion()).isNull();
                assertThat(r.reason())
                    .isEqualTo(
                        "no version of inventory-service is deployed to or released in production");
              });
    }

    @Test
    void aProviderGoesFirst() {
      PactVersion pact = f.publish("1.0.0", f.pact(CHECKOUT, INVENTORY, "a request for a product"));
      f.verify(INVENTORY, "4f5e6d", CHECKOUT, pact, true);

      CanIDeployResult result = canIDeploy(INVENTORY, "4f5e6d");

      assertThat(result.deployable()).isTrue();
      assertThat(result.rows()).isEmpty();
      assertThat(result.summary())
          .isEqualTo(
              "inventory-service 4f5e6d can be deployed to production: it has no integration with"
                  + " a version in production");
    }
  }

  // environments are known by what was deployed or released to them: in a store that knows some,
  // a name none was recorded to (a typo) must not pass the gate as an empty environment; a no
  // stands, naming what is missing there
  @Nested
  class UnknownEnvironment {

    @Test
    void aNameNoDeploymentOrReleaseWasRecordedToIsRefusedNamingTheKnownOnes() {
      PactVersion pact = f.publish("1.0.0", f.pact(CHECKOUT, INVENTORY, "a request for a product"));
      f.verify(INVENTORY, "4f5e6d", CHECKOUT, pact, true);
      f.deploy(CHECKOUT, "1.0.0", PROD);
      f.deploy(INVENTORY, "4f5e6d", "staging");

      assertThatThrownBy(
              () -> f.store.canIDeploy(INVENTORY, "4f5e6d", Target.environment("prodution")))
          .isInstanceOf(StoreException.class)
          .hasMessage(
              "unknown environment 'prodution': the store at "
                  + dir.resolve("store")
                  + " has deployments or releases to production, staging only (a new environment"
                  + " is known once a deployment or release to it is recorded)");
      assertThat(canIDeploy(INVENTORY, "4f5e6d").deployable()).isTrue();
      assertThat(reasons(f.store.canIDeploy(CHECKOUT, "1.0.0", Target.environment("prodution"))))
          .containsExactly(
              "no version of inventory-service is deployed to or released in prodution");
    }
  }

  @Test
  void aStoreFolderThatDoesNotExistIsNamedAsMissing() {
    FileContractStore missing = FileContractStore.open(dir.resolve("no-such-store"), dir);

    assertThatThrownBy(() -> missing.canIDeploy(INVENTORY, "4f5e6d", Target.environment(PROD)))
        .isInstanceOf(StoreException.class)
        .hasMessage(dir.resolve("no-such-store") + ": no such store folder");
  }

  @Nested
  class Latest {

    @Test
    void theLatestVersionOfEachPartnerCounts() {
      PactVersion pact = f.publish("1.0.0", f.pact(CHECKOUT, INVENTORY, "a request for a product"));
      f.verify(INVENTORY, "old", CHECKOUT, pact, true);
      f.verify(INVENTORY, "new", CHECKOUT, pact, false);

      CanIDeployResult result = f.store.canIDeploy(CHECKOUT, "1.0.0", Target.latest());

      assertThat(result.rows()).extracting(MatrixRow::providerVersion).containsExactly("new");
      assertThat(result.deployable()).isFalse();
      assertThat(result.summary())
          .startsWith("checkout-service 1.0.0 cannot be deployed with the latest versions");
    }

    @Test
    void aProviderIsCheckedAgainstEachConsumersLatestPact() {
      PactVersion first = f.publish("1.0.0", f.pact(CHECKOUT, INVENTORY, "a"));
      PactVersion second = f.publish("1.1.0", f.pact(CHECKOUT, INVENTORY, "a", "b"));
      f.verify(INVENTORY, "p1", CHECKOUT, first, true);

      CanIDeployResult result = f.store.canIDeploy(INVENTORY, "p1", Target.latest());

      assertThat(result.rows())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.consumerVersion()).isEqualTo("1.1.0");
                assertThat(r.pactVersion()).isEqualTo(second);
              });
      assertThat(result.deployable()).isFalse();
    }
  }

  @Nested
  class BadInput {

    @Test
    void anUnknownPacticipantIsNamed() {
      f.publish("1.0.0", f.pact(CHECKOUT, INVENTORY, "a"));

      assertThatThrownBy(() -> canIDeploy("nobody", "1"))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("unknown pacticipant 'nobody': the store at ");
    }

    @Test
    void aVersionNeverPublishedIsNamed() {
      f.publish("1.0.0", f.pact(CHECKOUT, INVENTORY, "a"));

      assertThatThrownBy(() -> canIDeploy(CHECKOUT, "9.9.9"))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("checkout-service version 9.9.9 was never published or verified");
    }

    @Test
    void aNameThatCannotNameAFileIsRefusedBeforeAnyLookup() {
      assertThatThrownBy(() -> canIDeploy("../etc", "1"))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("pacticipant name '../etc' cannot name a store folder");
      assertThatThrownBy(() -> f.store.recordDeployment(CHECKOUT, "1/2", PROD))
          .hasMessageContaining("version '1/2' cannot name a store file");
    }
  }
}
