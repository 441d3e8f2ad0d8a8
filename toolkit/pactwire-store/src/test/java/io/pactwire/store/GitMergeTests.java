package io.pactwire.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store is committed with the code: two branches that each add records (the same consumer
 * version published, the same version released to one environment) merge with git, no conflict.
 */
class GitMergeTests {

  static final String CHECKOUT = "checkout-service";
  static final String INVENTORY = "inventory-service";

  @TempDir Path dir;
  StoreFixture f;
  Path pact;

  @BeforeEach
  void repository() throws Exception {
    f = new StoreFixture(dir);
    git("init", "-q", "-b", "main");
    pact = f.pact(CHECKOUT, INVENTORY, "a request for a product");
    PactVersion version = f.publish("1.0.0", pact);
    f.verify(INVENTORY, "4f5e6d", CHECKOUT, version, true);
    commit("1.0.0 published and verified");
  }

  @Test
  void twoBranchesThatRecordTheSameEventsMergeWithoutAConflict() throws Exception {
    git("checkout", "-q", "-b", "feature");
    f.store.publish("2.0.0", "feature", List.of(pact));
    f.store.recordRelease(CHECKOUT, "1.0.0", "app-store");
    f.deploy(INVENTORY, "4f5e6d", "production");
    commit("feature: 2.0.0 published, 1.0.0 released");
    git("checkout", "-q", "main");
    f.store.publish("2.0.0", "main", List.of(pact));
    f.store.recordRelease(CHECKOUT, "1.0.0", "app-store");
    f.deploy(INVENTORY, "4f5e6d", "production");
    commit("main: 2.0.0 published, 1.0.0 released");

    git("merge", "-q", "--no-edit", "feature");

    assertThat(git("status", "--porcelain")).isEmpty();
    assertThat(f.files())
        .filteredOn(n -> n.startsWith("publications/checkout-service/2.0.0/"))
        .hasSize(2);
    assertThat(f.store.canIDeploy(CHECKOUT, "2.0.0", Target.environment("production")).rows())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(MatrixRow.Status.VERIFIED));
    assertThat(f.store.matrix(new MatrixQuery(CHECKOUT, "2.0.0", null, 100)).rows()).hasSize(1);
    assertThat(f.store.recordRelease(CHECKOUT, "1.0.0", "app-store").releasedAt())
        .as("the earliest release record stands")
        .isEqualTo(
            f.files().stream()
                .filter(n -> n.startsWith("releases/"))
                .map(n -> io.pactwire.store.internal.Records.release(f.store.folder().resolve(n)))
                .map(Release::releasedAt)
                .min(java.util.Comparator.naturalOrder())
                .orElseThrow());
  }

  @Test
  void aTemporaryFileAWriterLeftBehindIsNotCommitted() throws Exception {
    Files.writeString(
        f.store.folder().resolve("publications").resolve(".inventory-service.json.1.x.tmp"), "{");

    assertThat(git("status", "--porcelain")).isEmpty();
  }

  private void commit(String message) throws Exception {
    git("add", "-A");
    git("commit", "-q", "-m", message);
  }

  /** Runs git in the repository; fails the test with its output unless it exits 0. */
  private String git(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=Pactwire Tests",
                "-c",
                "user.email=tests@pactwire.invalid",
                "-c",
                "commit.gpgsign=false",
                "-c",
                "core.hooksPath=/dev/null"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
    return output;
  }
}
