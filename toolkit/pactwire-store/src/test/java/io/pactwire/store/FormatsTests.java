package io.pactwire.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.store.internal.Formats;
import io.pactwire.testsupport.Golden;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix and can-i-deploy as people and CI read them: text, JSON and Markdown. */
class FormatsTests {

  @TempDir Path dir;
  StoreFixture f;

  /**
   * checkout-service 1.1.0 against production: inventory-service verified its pact, payments failed
   * one interaction, shipping verified an older pact, and no notifications is deployed.
   */
  @BeforeEach
  void oneRowOfEachKind() {
    f = new StoreFixture(dir);
    PactVersion old = f.publish("1.0.0", f.pact("checkout-service", "shipping", "a quote"));
    f.verify("shipping", "s1", "checkout-service", old, true);
    f.publish(
        "1.1.0",
        f.pact("checkout-service", "inventory-service", "a request for a product"),
        f.pact("checkout-service", "payments", "a payment", "a refund"),
        f.pact("checkout-service", "shipping", "a quote", "a label"),
        f.pact("checkout-service", "notifications", "an email"));
    PactVersion inventory =
        PactVersion.of(f.pacts.resolve("checkout-service-inventory-service.json"));
    PactVersion payments = PactVersion.of(f.pacts.resolve("checkout-service-payments.json"));
    f.verify("inventory-service", "4f5e6d", "checkout-service", inventory, true);
    f.verify("payments", "q1", "checkout-service", payments, true, false);
    f.deploy("inventory-service", "4f5e6d", "production");
    f.deploy("payments", "q1", "production");
    f.deploy("shipping", "s1", "production");
  }

  @Nested
  class CanIDeploy {

    CanIDeployResult result() {
      return f.store.canIDeploy("checkout-service", "1.1.0", Target.environment("production"));
    }

    @Test
    void text() {
      Golden.assertMatches("can-i-deploy.txt", Formats.text(result()));
    }

    @Test
    void json() {
      Golden.assertMatches("can-i-deploy.json", Formats.json(result()));
    }

    @Test
    void markdown() {
      Golden.assertMatches("can-i-deploy.md", Formats.markdown(result()));
    }

    @Test
    void theRowsCoverEveryStatus() {
      assertThat(result().rows())
          .extracting(MatrixRow::status)
          .containsExactlyInAnyOrder(MatrixRow.Status.values());
    }
  }

  @Nested
  class MatrixOfTheStore {

    Matrix matrix() {
      return f.store.matrix(new MatrixQuery(null, null, null, 100));
    }

    @Test
    void text() {
      Golden.assertMatches("matrix.txt", Formats.text(matrix()));
    }

    @Test
    void json() {
      Golden.assertMatches("matrix.json", Formats.json(matrix()));
    }

    @Test
    void markdown() {
      Golden.assertMatches("matrix.md", Formats.markdown(matrix()));
    }

    @Test
    void aLimitSaysHowManyRowsAreLeftOut() {
      Matrix two = f.store.matrix(new MatrixQuery(null, null, null, 2));

      assertThat(two.rows()).hasSize(2);
      assertThat(two.truncated()).isEqualTo(matrix().rows().size() - 2);
      assertThat(Formats.text(two)).endsWith("more rows: raise --limit to see them)\n");
    }

    @Test
    void aPacticipantAndVersionNarrowIt() {
      Matrix shipping = f.store.matrix(new MatrixQuery("shipping", "s1", null, 100));

      assertThat(shipping.rows())
          .extracting(MatrixRow::consumerVersion, MatrixRow::providerVersion, MatrixRow::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("1.0.0", "s1", MatrixRow.Status.VERIFIED));
    }

    @Test
    void anEnvironmentKeepsTheVersionsDeployedThere() {
      f.deploy("checkout-service", "1.0.0", "production");

      Matrix production = f.store.matrix(new MatrixQuery(null, null, "production", 100));

      assertThat(production.rows())
          .extracting(MatrixRow::consumerVersion, MatrixRow::provider, MatrixRow::providerVersion)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("1.0.0", "shipping", "s1"));
    }

    // as can-i-deploy refuses it: a misspelt environment showed no rows, exit 0
    @Test
    void anEnvironmentNothingWasDeployedToIsRefusedWhereOthersAreKnown() {
      f.deploy("checkout-service", "1.0.0", "production");

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> f.store.matrix(new MatrixQuery(null, null, "prodution", 100)))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("unknown environment 'prodution'")
          .hasMessageContaining("has deployments or releases to production only");
    }
  }

  @Nested
  class Changes {

    @Test
    void textJsonAndNames() {
      PactVersion a = PactVersion.of(f.pacts.resolve("checkout-service-payments.json"));
      PactVersion b = PactVersion.of(f.pacts.resolve("checkout-service-shipping.json"));
      List<Change> changes =
          List.of(
              new Change("payments", "checkout-service", "checkout-service-payments.json", null, a),
              new Change("shipping", "checkout-service", "checkout-service-shipping.json", a, b));

      Golden.assertMatches("changed.txt", Formats.text(changes));
      Golden.assertMatches("changed.json", Formats.json(changes));
      assertThat(Formats.names(changes)).isEqualTo("payments\nshipping\n");
      assertThat(Formats.text(List.of()))
          .isEqualTo("no pact changed: no provider must verify again\n");
    }
  }
}
