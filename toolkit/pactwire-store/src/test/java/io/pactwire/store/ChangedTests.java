package io.pactwire.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which providers must verify again: pacts compared by version with a git revision. */
class ChangedTests {

  @TempDir Path repo;
  StoreFixture f;

  @BeforeEach
  void aRepositoryWithTwoPacts() throws Exception {
    git("init", "-q", "-b", "main");
    f = new StoreFixture(repo);
    f.pact("checkout-service", "inventory-service", "a request for a product");
    f.messagePact("catalog-indexer", "inventory-service", "a StockChanged event");
    f.pact("checkout-service", "payments", "a payment");
    git("add", "-A");
    git("commit", "-q", "-m", "pacts");
  }

  @Test
  void nothingChangedNamesNoProvider() {
    assertThat(f.store.changed("HEAD")).isEmpty();
  }

  @Test
  void aPactRewrittenInAnotherOrderIsNoChange() throws IOException {
    Path file = f.pacts.resolve("checkout-service-inventory-service.json");
    String text = Files.readString(file);
    // the same contract, keys in another order
    Files.writeString(
        file,
        text.replace(
            "{\"consumer\": {\"name\": \"checkout-service\"}, \"provider\": {\"name\": \"inventory-service\"},",
            "{\"provider\": {\"name\": \"inventory-service\"}, \"consumer\": {\"name\": \"checkout-service\"},"));
    assertThat(Files.readString(file)).isNotEqualTo(text);

    assertThat(f.store.changed("HEAD")).isEmpty();
  }

  @Test
  void aChangedPactAndANewOneNameTheirProviders() {
    PactVersion before = PactVersion.of(f.pacts.resolve("checkout-service-inventory-service.json"));
    Path changed =
        f.pact("checkout-service", "inventory-service", "a request for a product", "a search");
    Path added = f.pact("checkout-service", "shipping", "a quote");

    List<Change> changes = f.store.changed("HEAD");

    assertThat(changes)
        .containsExactly(
            new Change(
                "inventory-service",
                "checkout-service",
                "checkout-service-inventory-service.json",
                before,
                PactVersion.of(changed)),
            new Change(
                "shipping",
                "checkout-service",
                "checkout-service-shipping.json",
                null,
                PactVersion.of(added)));
  }

  @Test
  void aRevisionAfterTheChangeSeesNone() throws Exception {
    f.pact("checkout-service", "payments", "a payment", "a refund");
    git("commit", "-q", "-am", "payments changed");

    assertThat(f.store.changed("HEAD~1")).extracting(Change::provider).containsExactly("payments");
    assertThat(f.store.changed("HEAD")).isEmpty();
  }

  @Test
  void anUnknownRevisionIsNamed() {
    assertThatThrownBy(() -> f.store.changed("no-such-branch"))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("unknown git revision 'no-such-branch'");
  }

  @Test
  void anUnreadablePactIsNamed() throws IOException {
    Path bad = f.write("broken.json", "[1, 2");

    assertThatThrownBy(() -> f.store.changed("HEAD"))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(bad.toString() + ":");
  }

  private void git(String... args) throws Exception {
    String[] command = new String[args.length + 7];
    command[0] = "git";
    command[1] = "-C";
    command[2] = repo.toString();
    command[3] = "-c";
    command[4] = "user.name=test";
    command[5] = "-c";
    command[6] = "user.email=test@example.com";
    System.arraycopy(args, 0, command, 7, args.length);
    Process p = new ProcessBuilder(command).inheritIO().start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", args)).isZero();
  }
}
