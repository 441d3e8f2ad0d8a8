package io.pactwire.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's files: one immutable record per event, where the layout says. */
class FileStoreTests {

  @TempDir Path dir;
  StoreFixture f;

  @BeforeEach
  void store() {
    f = new StoreFixture(dir);
  }

  @Nested
  class Layout {

    @Test
    void eachEventIsOneFileNamedForIt() throws IOException {
      PactVersion pact = f.publish("1.0.0", f.pact("checkout-service", "inventory-service", "a"));
      f.verify("inventory-service", "4f5e6d", "checkout-service", pact, true);
      f.deploy("inventory-service", "4f5e6d", "production");
      f.store.recordRelease("checkout-service", "1.0.0", "app-store");

      List<String> files = f.files();
      assertThat(files).hasSize(4);
      assertThat(files.get(0))
          .as("a deployment: by environment and pacticipant, named by its time and a nonce")
          .matches(
              "deployments/production/inventory-service/20261201T090003\\.000Z-[0-9a-z]{6}\\.json");
      assertThat(files.get(1))
          .as("a publication: by consumer and its version, named by provider, time and nonce")
          .matches(
              "publications/checkout-service/1.0.0/inventory-service@20261201T090001\\.000Z-[0-9a-z]{6}\\.json");
      assertThat(files.get(2))
          .as("a release: by environment and pacticipant, named by its time and a nonce")
          .matches("releases/app-store/checkout-service/20261201T090004\\.000Z-[0-9a-z]{6}\\.json");
      assertThat(files.get(3))
          .as("a verification: by provider, its version and consumer, named by pact, time, nonce")
          .matches(
              "verifications/inventory-service/4f5e6d/checkout-service/"
                  + pact.hash().substring(0, 16)
                  + "-20261201T090002\\.000Z-[0-9a-z]{6}\\.json");
      JsonNode publication =
          new ObjectMapper().readTree(f.store.folder().resolve(files.get(1)).toFile());
      assertThat(publication.path("pactVersion").asText()).isEqualTo(pact.hash());
      assertThat(publication.path("branch").asText()).isEqualTo("main");
      assertThat(publication.path("pactFile").asText())
          .isEqualTo("checkout-service-inventory-service.json");
    }

    @Test
    void publishingTheSamePactAgainWritesNothing() {
      Path pact = f.pact("checkout-service", "inventory-service", "a");
      f.publish("1.0.0", pact);
      List<String> before = f.files();

      f.publish("1.0.0", pact);

      assertThat(f.files()).isEqualTo(before);
    }

    @Test
    void aVersionCannotPublishADifferentPactAndNothingIsWritten() {
      f.publish("1.0.0", f.pact("checkout-service", "inventory-service", "a"));
      List<String> before = f.files();
      Path other = f.pact("checkout-service", "payments", "pay");
      Path changed = f.pact("checkout-service", "inventory-service", "a", "b");

      assertThatThrownBy(() -> f.store.publish("1.0.0", null, List.of(other, changed)))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("checkout-service 1.0.0 already published pact ")
          .hasMessageEndingWith(": a changed pact is published by a new consumer version");
      assertThat(f.files()).as("not even the other, good pact").isEqualTo(before);
    }

    @Test
    void twoDifferentPactsForOneProviderInOnePublicationAreNamedAndNothingIsWritten()
        throws Exception {
      String pact = Files.readString(f.pact("checkout-service", "inventory-service", "a"));
      Path first = f.write("first.json", pact);
      Path second = f.write("second.json", pact.replace("\"field\": 1", "\"field\": 2"));

      assertThatThrownBy(() -> f.store.publish("1.0.0", null, List.of(first, second)))
          .isInstanceOf(StoreException.class)
          .hasMessage(
              first
                  + " and "
                  + second
                  + " are different pacts of checkout-service for inventory-service: a consumer"
                  + " version publishes one pact for each provider (nothing was published)");
      assertThat(f.store.folder().resolve("publications")).doesNotExist();
    }

    @Test
    void anUnreadablePactIsNamedAndNothingIsWritten() {
      Path good = f.pact("checkout-service", "inventory-service", "a");
      Path bad = f.write("broken.json", "{\"consumer\": ");

      assertThatThrownBy(() -> f.store.publish("1.0.0", null, List.of(good, bad)))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith(bad + ":1:")
          .hasMessageContaining("malformed JSON");
      assertThat(f.files()).isEmpty();
    }

    @Test
    void aReleaseRecordedTwiceKeepsTheFirstRecord() {
      f.publish("1.0.0", f.pact("checkout-service", "inventory-service", "a"));
      Release first = f.store.recordRelease("checkout-service", "1.0.0", "app-store");
      Release again = f.store.recordRelease("checkout-service", "1.0.0", "app-store");

      assertThat(again).isEqualTo(first);
      assertThat(f.files()).hasSize(2);
    }
  }

  @Nested
  class CorruptRecords {

    /** The one record the store holds in {@code folder}. */
    Path onlyRecord(String folder) throws IOException {
      try (var files = Files.list(f.store.folder().resolve(folder))) {
        return files.findFirst().orElseThrow();
      }
    }

    @Test
    void aCorruptRecordIsNamedWithItsFileAndField() throws IOException {
      f.publish("1.0.0", f.pact("checkout-service", "inventory-service", "a"));
      Path record = onlyRecord("publications/checkout-service/1.0.0");
      Files.writeString(
          record,
          Files.readString(record)
              .replaceAll("\"pactVersion\" : \"\\w+\"", "\"pactVersion\" : \"abc\""));

      assertThatThrownBy(
              () -> f.store.canIDeploy("checkout-service", "1.0.0", Target.environment("prod")))
          .isInstanceOf(StoreException.class)
          .hasMessage(
              "corrupt store record "
                  + record
                  + ":$.pactVersion: a pact version is 64 hex digits (40 from a Pact Broker), not 'abc'");
    }

    // as the docs say of every record and deployment command: one line, nothing written
    @Test
    void aCorruptPublicationIsNamedByRecordDeploymentAndReleaseAndNothingIsWritten()
        throws IOException {
      f.publish("1.0.0", f.pact("checkout-service", "inventory-service", "a"));
      Path record = onlyRecord("publications/checkout-service/1.0.0");
      Files.writeString(record, "garbage");

      assertThatThrownBy(() -> f.store.recordDeployment("checkout-service", "1.0.0", "prod"))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("corrupt store record " + record);
      assertThatThrownBy(() -> f.store.recordRelease("checkout-service", "1.0.0", "prod"))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("corrupt store record " + record);
      assertThat(f.store.folder().resolve("deployments")).doesNotExist();
      assertThat(f.store.folder().resolve("releases")).doesNotExist();
    }

    // a record that says another version than its folder's was counted for the folder's version
    // and shown as its own: can-i-deploy answered for one version from another's record
    @Test
    void aRecordThatSaysAnotherVersionThanItsFolderIsNamed() throws IOException {
      f.publish("1.0.0", f.pact("checkout-service", "inventory-service", "a"));
      Path record = onlyRecord("publications/checkout-service/1.0.0");
      Files.writeString(
          record,
          Files.readString(record)
              .replace("\"consumerVersion\" : \"1.0.0\"", "\"consumerVersion\" : \"9.9.9\""));

      assertThatThrownBy(
              () -> f.store.canIDeploy("checkout-service", "1.0.0", Target.environment("prod")))
          .isInstanceOf(StoreException.class)
          .hasMessage(
              "corrupt store record "
                  + record
                  + ":$.consumerVersion: is '9.9.9', but the record is filed under '1.0.0' (moved"
                  + " or edited by hand: the store files a record by what it says)");
    }

    @Test
    void aRecordThatIsNotJsonIsNamedWithLineAndColumn() throws IOException {
      PactVersion pact = f.publish("1.0.0", f.pact("checkout-service", "inventory-service", "a"));
      f.verify("inventory-service", "p1", "checkout-service", pact, true);
      f.deploy("checkout-service", "1.0.0", "prod");
      Path dir = f.store.folder().resolve("deployments/prod/checkout-service");
      Path record;
      try (var files = Files.list(dir)) {
        record = files.findFirst().orElseThrow();
      }
      Files.writeString(record, "{\n  \"version\": \n");

      assertThatThrownBy(
              () -> f.store.canIDeploy("inventory-service", "p1", Target.environment("prod")))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("corrupt store record " + record + ":3:")
          .hasMessageContaining("malformed JSON");
    }
  }

  @Nested
  class ConcurrentWriters {

    @Test
    void threadsPublishingAndVerifyingAtOnceLoseNothing() throws Exception {
      int writers = 8;
      int each = 25;
      List<Path> pacts = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        pacts.add(f.pact("consumer-" + w, "inventory-service", "a"));
      }
      PactVersion shared = PactVersion.of(pacts.get(0));
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          int writer = w;
          done.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < each; i++) {
                      f.store.publish("v" + i, null, List.of(pacts.get(writer)));
                      // every writer records the same provider version's verification of one pact
                      f.verify("inventory-service", "p1", "consumer-0", shared, true);
                    }
                    return null;
                  }));
        }
        for (Future<?> d : done) {
          d.get();
        }
      } finally {
        pool.shutdown();
      }

      List<String> files = f.files();
      assertThat(files.stream().filter(n -> n.startsWith("publications/"))).hasSize(writers * each);
      assertThat(files.stream().filter(n -> n.startsWith("verifications/")))
          .as("one record per verification, none overwritten")
          .hasSize(writers * each);
      assertThat(files).noneMatch(n -> n.contains("/.")).noneMatch(n -> n.endsWith(".tmp"));
      for (String file : files) {
        assertThat(new ObjectMapper().readTree(f.store.folder().resolve(file).toFile()).isObject())
            .as(file)
            .isTrue();
      }
    }

    // jobs of several branches publish one version at once: one record is written, and each job
    // reports that record (its branch), not the one it would have written
    @Test
    void parallelPublishersOfOneVersionEachReportTheRecordThatWasKept() throws Exception {
      Path pact = f.pact("web", "inventory-service", "a");
      int jobs = 6;
      ExecutorService pool = Executors.newFixedThreadPool(jobs);
      List<Publication> reported = new ArrayList<>();
      try {
        List<Future<List<Publication>>> done = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
          String branch = "b" + j;
          done.add(pool.submit(() -> f.store.publish("c5", branch, List.of(pact))));
        }
        for (Future<List<Publication>> d : done) {
          reported.addAll(d.get());
        }
      } finally {
        pool.shutdown();
      }

      List<String> records = f.files().stream().filter(n -> n.startsWith("publications/")).toList();
      assertThat(records).hasSize(1);
      String kept =
          new ObjectMapper()
              .readTree(f.store.folder().resolve(records.get(0)).toFile())
              .path("branch")
              .asText();
      assertThat(reported).hasSize(jobs).allSatisfy(p -> assertThat(p.branch()).isEqualTo(kept));
    }
  }
}
