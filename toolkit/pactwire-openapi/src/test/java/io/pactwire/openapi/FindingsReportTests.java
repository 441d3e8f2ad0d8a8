package io.pactwire.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.pactwire.testsupport.Corpora;
import io.pactwire.testsupport.Golden;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three renderings of findings, for the reference corpus's {@code oas/response-header} case
 * (errors and warnings across several interactions). Text and JUnit XML are compared with golden
 * files; run with {@code -Dpactwire.updateGolden=true} to rewrite them after a deliberate change.
 */
class FindingsReportTests {

  static final String PACT_NAME = "oas/response-header/pact.json";
  static List<Finding> findings;
  static Path caseDir;

  @BeforeAll
  static void check() {
    caseDir =
        Corpora.require(
            "openapi-pact-comparator/oas/response-header", "findings report golden files");
    findings = OpenApiCheck.of(caseDir.resolve("oas.yaml")).check(caseDir.resolve("pact.json"));
  }

  @Test
  void textMatchesTheGoldenFile() throws IOException {
    Golden.assertMatches("response-header.txt", FindingsReport.text(PACT_NAME, findings));
  }

  @Test
  void junitXmlMatchesTheGoldenFile() throws IOException {
    Golden.assertMatches("response-header.junit.xml", FindingsReport.junit(PACT_NAME, findings));
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

  @Test
  void jsonIsWhatObjectMapperPrintsForTheFindings() throws IOException {
    // FindingsReport writes with jackson-core alone; the bytes must be ObjectMapper's
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
    printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    ObjectWriter mapper = new ObjectMapper().writer(printer);
    JsonNode values =
        new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .readTree(
                """
                {"o": {"a": [1, 12345678901, 123456789012345678901234567890, 2.5, 24.90, true,
                  false, null, "t\\"\\u00e9\\u0001", [], {}], "e": {}}, "s": "x"}
                """);
    List<Finding> all = new ArrayList<>(findings);
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      JsonNode v = it.next().getValue();
      all.add(
          new Finding(
              "code",
              "message with \"quotes\" and \u00fcnicode",
              new Finding.MockDetails("d", null, "[root].interactions[0]", v),
              new Finding.SpecDetails("[root].paths", "/p", "get", v.get("a")),
              Finding.Type.WARNING));
    }
    all.add(new Finding("bare", "no details", null, null, Finding.Type.INFO));
    all.add(
        new Finding("nodes", "one", new Finding.MockDetails(null, null, null, null), null, null));

    for (List<Finding> list : List.of(findings, all, List.<Finding>of())) {
      assertThat(FindingsReport.json(list))
          .isEqualTo(mapper.writeValueAsString(list).replace("\r\n", "\n") + "\n");
    }
  }

  private static List<String> messages(JsonNode findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> out.add(f.path("code").asText() + " " + f.path("message").asText()));
    return out;
  }

  // a hand-written pact may hold a real credential: the JSON report says where, not what
  @Test
  void theCredentialsOfAPactAreRedactedWhereverTheyAreInTheValue() {
    java.util.Set<String> found = new java.util.TreeSet<>();
    com.fasterxml.jackson.databind.node.ObjectNode headers =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    headers.put("x-api-key", "KEY-123456");
    headers.put("accept", "application/json");

    assertThat(
            FindingsReport.withoutCredentials(
                    "[root].interactions[0].request.query.access_token.2",
                    com.fasterxml.jackson.databind.node.TextNode.valueOf("TOKEN-654321"),
                    found)
                .textValue())
        .isEqualTo("<redacted>");
    assertThat(
            FindingsReport.withoutCredentials(
                    "[root].interactions[0].request.body.password",
                    com.fasterxml.jackson.databind.node.IntNode.valueOf(123456789),
                    found)
                .textValue())
        .isEqualTo("<redacted>");
    assertThat(
            FindingsReport.withoutCredentials(
                "[root].interactions[0].request.headers", headers, found))
        .hasToString("{\"x-api-key\":\"<redacted>\",\"accept\":\"application/json\"}");
    assertThat(found).containsExactlyInAnyOrder("TOKEN-654321", "123456789", "KEY-123456");
  }
}
