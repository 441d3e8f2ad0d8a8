package io.pactwire.core.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.core.internal.store.PactVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a publishing verifier adds to the contract store: immutable records, one per pact. */
class ResultsWriterStoreTests {

  static final String PACT =
      """
      {"consumer": {"name": "checkout-service"}, "provider": {"name": "inventory-service"},
       "interactions": [{"description": "a request", "request": {"method": "GET", "path": "/"},
                         "response": {"status": 200}}]}
      """;

  @TempDir Path dir;

  @Test
  void anUnknownProviderVersionIsRefusedAsTheBrokerRefusesIt() throws Exception {
    Path store = dir.resolve("pacts");
    Path pact = Files.createDirectories(store).resolve("checkout-service-inventory-service.json");
    Files.writeString(pact, PACT);
    String sha =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pact)));
    ResultsWriter writer =
        new ResultsWriter(
            new ReportSettings(dir.resolve("reports"), true, () -> store, null, "unknown", "main"));
    List<VerifiedInteraction> passed =
        List.of(
            new VerifiedInteraction(
                "inventory-service",
                "checkout-service",
                pact,
                sha,
                new InteractionResult("a request", List.of(), true, null, List.of(), null)));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> writer.write(passed, Instant.parse("2026-12-01T09:00:00Z")))
        .hasMessage(
            "the verification of checkout-service's pact by inventory-service is not recorded in"
                + " the contract store at "
                + store
                + ": the provider version is unknown (give --provider-version, or"
                + " pactwire.provider.version)");
    assertThat(store.resolve("verifications")).doesNotExist();
  }

  @Test
  void eachRunAddsOneRecordPerPactAndRewritesNone() throws Exception {
    Path store = dir.resolve("pacts");
    Path pact = Files.createDirectories(store).resolve("checkout-service-inventory-service.json");
    Files.writeString(pact, PACT);
    String sha =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pact)));
    ResultsWriter writer =
        new ResultsWriter(
            new ReportSettings(dir.resolve("reports"), true, () -> store, null, "1.4.2", "main"));
    List<VerifiedInteraction> passed =
        List.of(
            new VerifiedInteraction(
                "inventory-service",
                "checkout-service",
                pact,
                sha,
                new InteractionResult("a request", List.of(), true, null, List.of(), null)));
    List<VerifiedInteraction> failed =
        List.of(
            new VerifiedInteraction(
                "inventory-service",
                "checkout-service",
                pact,
                sha,
                new InteractionResult("a request", List.of(), false, "boom", List.of(), null)));

    writer.write(passed, Instant.parse("2026-12-01T09:00:00Z"));
    List<Path> first = records(store);
    String firstText = Files.readString(first.get(0));
    writer.write(failed, Instant.parse("2026-12-01T09:01:00Z"));
    List<Path> both = records(store);

    assertThat(first).hasSize(1);
    assertThat(both).hasSize(2).contains(first.get(0));
    assertThat(Files.readString(first.get(0))).as("never rewritten").isEqualTo(firstText);
    String version = PactVersions.of(pact);
    assertThat(store.relativize(first.get(0)).toString())
        .startsWith(
            "verifications/inventory-service/1.4.2/checkout-service/"
                + version.substring(0, 16)
                + "-");
    JsonNode record = new ObjectMapper().readTree(first.get(0).toFile());
    assertThat(record.path("pactVersion").asText()).isEqualTo(version);
    assertThat(record.path("provider").asText()).isEqualTo("inventory-service");
    assertThat(record.path("providerVersion").asText()).isEqualTo("1.4.2");
    assertThat(record.path("branch").asText()).isEqualTo("main");
    assertThat(record.path("consumer").asText()).isEqualTo("checkout-service");
    assertThat(record.path("success").asBoolean()).isTrue();
    assertThat(record.path("interactions").path(0).path("description").asText())
        .isEqualTo("a request");
    assertThat(record.toString())
        .as("no failure texts or exchanges in the store")
        .doesNotContain("boom", "exchange");
    assertThat(dir.resolve("reports/results/inventory-service.json"))
        .as("the reports folder keeps its merged results")
        .exists();
  }

  @Test
  void withoutPublishingTheStoreIsLeftAlone() throws IOException {
    Path store = dir.resolve("pacts");
    ResultsWriter writer =
        new ResultsWriter(
            new ReportSettings(dir.resolve("reports"), false, () -> store, null, "1.4.2", "main"));
    writer.write(
        List.of(
            new VerifiedInteraction(
                "inventory-service",
                "checkout-service",
                null,
                null,
                new InteractionResult("a request", List.of(), true, null, List.of(), null))),
        Instant.now());

    assertThat(store).doesNotExist();
  }

  private static List<Path> records(Path store) throws IOException {
    try (Stream<Path> walk = Files.walk(store.resolve("verifications"))) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
