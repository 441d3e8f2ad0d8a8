package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.cli.PactwireCommandTests.Run;
import io.pactwire.store.FileContractStore;
import io.pactwire.store.PactVersion;
import io.pactwire.store.Verification;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store commands run in-process as {@code Main} runs them: exit codes, output, and bad input
 * that is one line on standard error, exit 2, with nothing written.
 */
class StoreCommandsTests {

  static final String PACT =
      """
      {"consumer": {"name": "checkout-service"}, "provider": {"name": "inventory-service"},
       "interactions": [{"description": "a request for a product",
         "request": {"method": "GET", "path": "/products/1"}, "response": {"status": 200}}],
       "metadata": {"pactSpecification": {"version": "3.0.0"}}}
      """;

  @TempDir Path dir;
  Path store;
  Path pact;

  @BeforeEach
  void pacts() throws IOException {
    store = Files.createDirectories(dir.resolve("pacts"));
    pact = Files.writeString(store.resolve("checkout-service-inventory-service.json"), PACT);
  }

  Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--store");
    all.add(store.toString());
    return PactwireCommandTests.run(all.toArray(String[]::new));
  }

  /** Publishes checkout-service 1.0.0 and records inventory-service 2.0.0's verdict on it. */
  void publishedAndVerified(boolean success) {
    assertThat(run("publish", "--consumer-version", "1.0.0", "--branch", "main").exit()).isZero();
    FileContractStore.open(store)
        .recordVerification(
            new Verification(
                "inventory-service",
                "2.0.0",
                "main",
                "checkout-service",
                PactVersion.of(pact),
                success,
                Instant.now(),
                List.of(new Verification.InteractionVerdict("a request for a product", success))));
  }

  List<String> storeFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(store)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> store.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "publish",
        "record-deployment",
        "record-release",
        "can-i-deploy",
        "matrix",
        "changed",
        "completion"
      })
  void everyCommandHasHelp(String command) {
    Run r = PactwireCommandTests.run(command, "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("Usage: pactwire " + command);
  }

  @Nested
  class TheGate {

    @Test
    void publishPrintsEachPactVersion() throws IOException {
      Run r = run("publish", "--consumer-version", "1.0.0", "--branch", "main");

      assertThat(r.exit()).isZero();
      assertThat(r.out())
          .isEqualTo(
              "published checkout-service 1.0.0 (main): pact "
                  + PactVersion.of(pact).shortHash()
                  + " for inventory-service\n");
      assertThat(storeFiles())
          .anyMatch(
              n ->
                  n.startsWith(
                      Path.of("publications", "checkout-service", "1.0.0", "inventory-service@")
                          .toString()));
    }

    @Test
    void canIDeployExitsZeroWhenVerifiedAndOneWhenNot() {
      publishedAndVerified(true);
      assertThat(
              run(
                      "record-deployment",
                      "--pacticipant",
                      "inventory-service",
                      "--version",
                      "2.0.0",
                      "--environment",
                      "production")
                  .exit())
          .isZero();

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
              "1.0.0",
              "--to-environment",
              "staging");

      assertThat(yes.exit()).as(yes.out()).isZero();
      assertThat(yes.out())
          .endsWith(
              "yes: checkout-service 1.0.0 can be deployed to production: its one integration is verified\n");
      assertThat(no.exit()).isEqualTo(1);
      assertThat(no.out())
          .contains("no version of inventory-service is deployed to or released in staging");
    }

    @Test
    void canIDeployPrintsJsonAndMarkdown() throws IOException {
      publishedAndVerified(false);
      run(
          "record-deployment",
          "--pacticipant",
          "inventory-service",
          "--version",
          "2.0.0",
          "--environment",
          "production");

      Run json =
          run(
              "can-i-deploy",
              "--pacticipant",
              "checkout-service",
              "--version",
              "1.0.0",
              "--to-environment",
              "production",
              "--format",
              "json");
      Run markdown =
          run(
              "can-i-deploy",
              "--pacticipant",
              "checkout-service",
              "--version",
              "1.0.0",
              "--to-environment",
              "production",
              "--format",
              "markdown");

      assertThat(json.exit()).isEqualTo(1);
      JsonNode answer = new ObjectMapper().readTree(json.out());
      assertThat(answer.path("deployable").asBoolean()).isFalse();
      assertThat(answer.path("rows").path(0).path("status").asText()).isEqualTo("failed");
      assertThat(markdown.exit()).isEqualTo(1);
      assertThat(markdown.out())
          .startsWith("### ❌ checkout-service 1.0.0 cannot be deployed to production");
    }

    @Test
    void canIDeployLatestAndMatrix() {
      publishedAndVerified(true);

      Run latest =
          run(
              "can-i-deploy",
              "--pacticipant",
              "checkout-service",
              "--version",
              "1.0.0",
              "--latest");
      Run matrix = run("matrix", "--pacticipant", "inventory-service");

      assertThat(latest.exit()).as(latest.out()).isZero();
      assertThat(matrix.exit()).isZero();
      assertThat(matrix.out().lines())
          .hasSize(2)
          .last()
          .asString()
          .startsWith(
              "checkout-service  1.0.0    inventory-service  2.0.0    "
                  + PactVersion.of(pact).shortHash()
                  + "  verified");
    }

    @Test
    void canIDeployNeedsATarget() {
      publishedAndVerified(true);

      Run r = run("can-i-deploy", "--pacticipant", "checkout-service", "--version", "1.0.0");

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err())
          .contains("Missing required argument")
          .contains("--to-environment=E")
          .contains("--latest");
    }

    @Test
    void recordReleaseRecordsOnce() throws IOException {
      publishedAndVerified(true);

      Run r =
          run(
              "record-release",
              "--pacticipant",
              "checkout-service",
              "--version",
              "1.0.0",
              "--environment",
              "app-store");

      assertThat(r.exit()).isZero();
      assertThat(r.out()).startsWith("recorded: checkout-service 1.0.0 released to app-store at ");
      assertThat(storeFiles())
          .filteredOn(
              n -> n.startsWith(Path.of("releases", "app-store", "checkout-service").toString()))
          .hasSize(1);
    }

    @Test
    void completionPrintsABashScriptForEveryCommand() {
      Run r = PactwireCommandTests.run("completion");

      assertThat(r.exit()).isZero();
      assertThat(r.out())
          .contains("complete -F _complete_pactwire")
          .contains("can-i-deploy")
          .contains("record-deployment")
          .contains("--to-environment");
    }
  }

  /** One line naming the file or the name, exit 2, and not one file written. */
  @Nested
  class BadInput {

    void refused(Run r, String line) throws IOException {
      assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
      assertThat(r.err()).as("one line").hasLineCount(1).startsWith(line);
      assertThat(r.out()).isEmpty();
    }

    void corruptThePublication() throws IOException {
      Path record = store.resolve("publications/checkout-service/1.0.0/inventory-service.json");
      Files.writeString(record, "{\"consumer\": \"checkout-service\",");
    }

    @Test
    void publishOfAnUnreadablePact() throws IOException {
      Path bad =
          Files.writeString(store.resolve("broken-pact.json"), "{\"consumer\": {\"name\": 7}}");

      refused(
          run("publish", "--consumer-version", "1.0.0"),
          "pactwire publish: " + bad + ":$.consumer.name: ");
      assertThat(storeFiles())
          .containsExactlyInAnyOrder("broken-pact.json", "checkout-service-inventory-service.json");
    }

    @Test
    void publishOverACorruptRecord() throws IOException {
      publishedAndVerified(true);
      corruptThePublication();
      List<String> before = storeFiles();

      refused(
          run("publish", "--consumer-version", "1.0.0"),
          "pactwire publish: corrupt store record "
              + store.resolve("publications/checkout-service/1.0.0/inventory-service.json")
              + ":");
      assertThat(storeFiles()).isEqualTo(before);
    }

    @Test
    void recordDeploymentOfAnUnknownPacticipant() throws IOException {
      publishedAndVerified(true);
      List<String> before = storeFiles();

      refused(
          run(
              "record-deployment",
              "--pacticipant",
              "nobody",
              "--version",
              "1",
              "--environment",
              "production"),
          "pactwire record-deployment: unknown pacticipant 'nobody'");
      assertThat(storeFiles()).isEqualTo(before);
    }

    @Test
    void recordDeploymentOfAVersionNeverPublished() throws IOException {
      publishedAndVerified(true);
      List<String> before = storeFiles();

      refused(
          run(
              "record-deployment",
              "--pacticipant",
              "checkout-service",
              "--version",
              "9.9.9",
              "--environment",
              "production"),
          "pactwire record-deployment: checkout-service version 9.9.9 was never published or verified");
      assertThat(storeFiles()).isEqualTo(before);
    }

    @Test
    void recordReleaseOfAVersionNeverPublished() throws IOException {
      publishedAndVerified(true);
      List<String> before = storeFiles();

      refused(
          run(
              "record-release",
              "--pacticipant",
              "checkout-service",
              "--version",
              "9.9.9",
              "--environment",
              "app-store"),
          "pactwire record-release: checkout-service version 9.9.9 was never published or verified");
      assertThat(storeFiles()).isEqualTo(before);
    }

    @Test
    void recordReleaseOfAnUnknownPacticipant() throws IOException {
      List<String> before = storeFiles();

      refused(
          run(
              "record-release",
              "--pacticipant",
              "nobody",
              "--version",
              "1",
              "--environment",
              "app-store"),
          "pactwire record-release: unknown pacticipant 'nobody'");
      assertThat(storeFiles()).isEqualTo(before);
    }

    @Test
    void canIDeployOverACorruptRecord() throws IOException {
      publishedAndVerified(true);
      corruptThePublication();
      List<String> before = storeFiles();

      refused(
          run(
              "can-i-deploy",
              "--pacticipant",
              "checkout-service",
              "--version",
              "1.0.0",
              "--latest"),
          "pactwire can-i-deploy: corrupt store record "
              + store.resolve("publications/checkout-service/1.0.0/inventory-service.json")
              + ":1:33: malformed JSON");
      assertThat(storeFiles()).isEqualTo(before);
    }

    @Test
    void canIDeployOfAnUnknownPacticipantAndVersion() throws IOException {
      publishedAndVerified(true);

      refused(
          run("can-i-deploy", "--pacticipant", "nobody", "--version", "1", "--latest"),
          "pactwire can-i-deploy: unknown pacticipant 'nobody'");
      refused(
          run(
              "can-i-deploy",
              "--pacticipant",
              "inventory-service",
              "--version",
              "3.0.0",
              "--latest"),
          "pactwire can-i-deploy: inventory-service version 3.0.0 was never published or verified");
    }

    @Test
    void matrixOverACorruptRecordAndOfAnUnknownPacticipant() throws IOException {
      publishedAndVerified(true);
      corruptThePublication();

      refused(run("matrix"), "pactwire matrix: corrupt store record ");
      refused(
          run("matrix", "--pacticipant", "nobody"),
          "pactwire matrix: unknown pacticipant 'nobody'");
      refused(
          run("matrix", "--pacticipant", "checkout-service", "--version", "2.0.0"),
          "pactwire matrix: checkout-service version 2.0.0 was never published or verified");
    }

    @Test
    void changedOutsideGitOrWithAnUnknownRevision() {
      Run r = run("changed", "--since", "HEAD~1");

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err())
          .hasLineCount(1)
          .startsWith("pactwire changed: git rev-parse failed in " + store);
    }
  }

  @Nested
  class ConcurrentProcesses {

    @Test
    void processesPublishingAtOnceLoseNothing() throws Exception {
      int processes = 4;
      int consumers = 5;
      for (int c = 0; c < consumers; c++) {
        Files.writeString(
            store.resolve("consumer-" + c + "-inventory-service.json"),
            PACT.replace("checkout-service", "consumer-" + c));
      }
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<Process> running = new ArrayList<>();
      for (int p = 0; p < processes; p++) {
        running.add(
            new ProcessBuilder(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "publish",
                    "--store",
                    store.toString(),
                    "--consumer-version",
                    "v" + (p % 2), // two processes each publish every version: no conflict, no loss
                    "--branch",
                    "main")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("err-" + p + ".txt").toFile())
                .start());
      }
      for (Process p : running) {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
            .as(Files.readString(dir.resolve("err-" + running.indexOf(p) + ".txt")))
            .isZero();
      }

      List<String> records =
          storeFiles().stream().filter(n -> n.startsWith("publications" + File.separator)).toList();
      assertThat(records).hasSize(2 * (consumers + 1));
      for (String record : records) {
        assertThat(
                new ObjectMapper()
                    .readTree(store.resolve(record).toFile())
                    .path("pactVersion")
                    .asText())
            .as(record)
            .hasSize(64);
      }
      assertThat(storeFiles()).noneMatch(n -> n.endsWith(".tmp"));
    }
  }
}
