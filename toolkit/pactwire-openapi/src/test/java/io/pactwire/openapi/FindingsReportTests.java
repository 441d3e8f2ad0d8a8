package io.pactwire.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three renderings of findings, for the reference corpus's {@code oas/response-header} case
 * (errors and warnings across several interactions). Text and JUnit XML are compared with golden
 * files; run with {@code -Dpactwire.updateGolden=true} to rewrite them after a deliberate change.
 */
class FindingsReportTests {

  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final String PACT_NAME = "oas/response-header/pact.json";
  static List<Finding> findings;
  static Path caseDir;

  @BeforeAll
  static void check() {
    caseDir = Corpora.require("openapi-pact-comparator/oas/response-header");
    findings = OpenApiCheck.of(caseDir.resolve("oas.yaml")).check(caseDir.resolve("pact.json"));
  }

  static void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("pactwire.updateGolden")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void textMatchesTheGoldenFile() throws IOException {
    assertGolden("response-header.txt", FindingsReport.text(PACT_NAME, findings));
  }

  @Test
  void junitXmlMatchesTheGoldenFile() throws IOException {
    assertGolden("response-header.junit.xml", FindingsReport.junit(PACT_NAME, findings));
  }

  @Test
  void jsonHasTheReferenceShapeAndMessages() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode actual = json.readTree(FindingsReport.json(findings));
    JsonNode expected = json.readTree(caseDir.resolve("results.json").toFile());

    assertThat(actual.isArray()).isTrue();
    List<String> fields = new ArrayList<>();
    actual.get(0).fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("code", "message", "mockDetails", "specDetails", "type");
    assertThat(messages(actual)).containsExactlyInAnyOrderElementsOf(messages(expected));
    assertThat(actual.get(0).path("mockDetails").path("interactionState").asText())
        .isEqualTo("[none]");
  }

  private static List<String> messages(JsonNode findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> out.add(f.path("code").asText() + " " + f.path("message").asText()));
    return out;
  }
}
