package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.consumer.testcases.FormatsTestCase;
import io.pactwire.core.PactFiles;
import io.pactwire.core.PactsDirectory;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.OpenApiCheck;
import io.pactwire.testsupport.EngineRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Response strings that are dates, times and ids are captured with the matcher for their format,
 * and values pinned with {@link PactStub}'s matchers with theirs: pact-jvm, verifying a provider,
 * passes other values of the format and fails values of another, and pactwire-openapi holds them to
 * a spec's {@code format}.
 */
class InferredFormatsTests {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path SPEC = Path.of("src/test/resources/formats/openapi.yaml");
  static final String REQUEST_ID = "7c0e2f4a-9b1d-4c3e-8f5a-6b7c8d9e0f1a";

  @TempDir static Path pacts;
  static Path pactFile;
  static Pact pact;
  static JsonNode rules;

  @BeforeAll
  static void capture() throws IOException {
    EngineRuns.run(FormatsTestCase.class, PactsDirectory.PROPERTY, pacts)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1));
    pactFile = pacts.resolve("checkout-service-formats-service.json");
    pact = PactFiles.read(pactFile);
    rules = JSON.readTree(pactFile.toFile()).at("/interactions/0/response/matchingRules");
  }

  private static JsonNode only(String category, String key) {
    JsonNode group = rules.path(category).path(key);
    assertThat(group.path("matchers")).as(key).hasSize(1);
    return group.path("matchers").get(0);
  }

  @Test
  void inferTheMatcherOfEachStringsFormat() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(
        "$.createdAt", "{\"format\":\"yyyy-MM-dd'T'HH:mm:ssXXX\",\"match\":\"timestamp\"}");
    expected.put(
        "$.updatedAt", "{\"format\":\"yyyy-MM-dd'T'HH:mm:ss.SSSXXX\",\"match\":\"timestamp\"}");
    expected.put("$.localAt", "{\"format\":\"yyyy-MM-dd'T'HH:mm:ss\",\"match\":\"timestamp\"}");
    expected.put("$.day", "{\"format\":\"yyyy-MM-dd\",\"match\":\"date\"}");
    expected.put("$.at", "{\"format\":\"HH:mm:ss\",\"match\":\"time\"}");
    expected.put(
        "$.id",
        "{\"match\":\"regex\",\"regex\":\"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
            + "-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\"}");
    // Strings that only look like a date or a time keep the type matcher.
    expected.put("$.notADate", "{\"match\":\"type\"}");
    expected.put("$.notATime", "{\"match\":\"type\"}");
    expected.put("$.name", "{\"match\":\"type\"}");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(only("body", e.getKey())).as(e.getKey()).isEqualTo(JSON.readTree(e.getValue()));
    }
  }

  @Test
  void writeWhatPactStubPins() throws IOException {
    assertThat(only("body", "$.shipsOn"))
        .isEqualTo(JSON.readTree("{\"format\":\"dd.MM.yyyy\",\"match\":\"date\"}"));
    assertThat(only("body", "$.opensAt"))
        .isEqualTo(JSON.readTree("{\"format\":\"HH:mm\",\"match\":\"time\"}"));
    assertThat(only("body", "$.price")).isEqualTo(JSON.readTree("{\"match\":\"decimal\"}"));
    assertThat(only("body", "$.stock")).isEqualTo(JSON.readTree("{\"match\":\"integer\"}"));
    assertThat(only("header", "X-Request-Id").path("match").asText()).isEqualTo("regex");
  }

  @Test
  void areTheMatchersPactJvmWritesItself() throws IOException {
    JsonNode written =
        JSON.valueToTree(
            pact.getInteractions()
                .get(0)
                .asSynchronousRequestResponse()
                .getResponse()
                .getMatchingRules()
                .toMap(PactSpecVersion.V4));

    assertThat(written).isEqualTo(rules);
  }

  @Nested
  class VerifiedByPactJvm {

    private List<Mismatch> verify(Map<String, Object> changes, String requestId)
        throws IOException {
      ObjectNode body = (ObjectNode) JSON.readTree(FormatsTestCase.BODY);
      changes.forEach((field, value) -> body.set(field, JSON.valueToTree(value)));
      Response actual =
          new Response(
              200,
              Map.of(
                  "Content-Type", List.of("application/json"), "X-Request-Id", List.of(requestId)),
              OptionalBody.body(JSON.writeValueAsString(body), ContentType.getJSON()));
      return ResponseMatching.responseMismatches(
          pact, pact.getInteractions().get(0).asSynchronousRequestResponse(), actual);
    }

    @Test
    void passTheExample() throws IOException {
      assertThat(verify(Map.of(), REQUEST_ID)).isEmpty();
    }

    @Test
    void passOtherValuesOfEachFormat() throws IOException {
      Map<String, Object> others = new LinkedHashMap<>();
      others.put("createdAt", "2027-01-31T23:59:59+05:30");
      others.put("updatedAt", "1999-12-31T00:00:00.999Z");
      others.put("localAt", "2027-01-31T00:00:00");
      others.put("day", "2027-01-31");
      others.put("at", "23:59:59");
      others.put("id", "00000000-0000-0000-0000-00000000ABCD");
      others.put("notADate", "anything");
      others.put("notATime", "at all");
      others.put("shipsOn", "31.01.2027");
      others.put("opensAt", "23:05");
      others.put("price", 3.5);
      others.put("stock", 0);

      assertThat(verify(others, "AAAAAAAA-0000-4000-8000-000000000000")).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        textBlock =
            """
            createdAt | yesterday
            # Another format of the same instant.
            createdAt | 2026-12-06 10:15:30Z
            # A fraction the example does not show: the format is the example's.
            createdAt | 2026-12-06T10:15:30.5Z
            updatedAt | 2026-12-06T10:15:30+01:00
            localAt   | 2026-12-06
            day       | 06/12/2026
            at        | 10:15
            id        | not-a-uuid
            id        | 3f2b8c1e7d4a4e6b9a0c5d1e2f3a4b5c
            shipsOn   | 2026-12-06
            opensAt   | 8.30
            """)
    void failAValueOfAnotherFormat(String field, String value) throws IOException {
      List<Mismatch> mismatches = verify(Map.of(field, value), REQUEST_ID);

      assertThat(mismatches)
          .extracting(Mismatch::description)
          .anySatisfy(d -> assertThat(d).contains(value));
    }

    @Test
    void failAnIntegerWherePactStubPinnedADecimalAndTheOtherWayRound() throws IOException {
      assertThat(verify(Map.of("price", 24), REQUEST_ID)).hasSize(1);
      assertThat(verify(Map.of("stock", 12.5), REQUEST_ID)).hasSize(1);
    }

    @Test
    void failAHeaderThatIsNoUuid() throws IOException {
      assertThat(verify(Map.of(), "request-1")).hasSize(1);
    }
  }

  @Nested
  class CheckedAgainstAnOpenApiSpec {

    @Test
    void passWhereTheSpecHasTheFormatsTheyMatch() {
      List<Finding> findings = OpenApiCheck.of(SPEC).check(pactFile);

      assertThat(findings).filteredOn(Finding::isError).isEmpty();
    }

    @Test
    void failATimestampWithoutOffsetWhereTheSpecWantsADateTime(@TempDir Path dir)
        throws IOException {
      Path spec = dir.resolve("openapi.yaml");
      Files.writeString(
          spec,
          Files.readString(SPEC)
              .replace("localAt: {type: string}", "localAt: {type: string, format: date-time}"));

      List<Finding> findings = OpenApiCheck.of(spec).check(pactFile);

      // The example itself fails the format, and so does what its matcher admits.
      assertThat(findings)
          .filteredOn(f -> f.code().equals("response.body.matcher.incompatible"))
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.message())
                      .contains("timestamp matcher 'yyyy-MM-dd'T'HH:mm:ss' admits"));
    }
  }
}
