package io.pactwire.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StringFormatsTests {

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          2026-12-06T10:15:30Z             | timestamp | yyyy-MM-dd'T'HH:mm:ssXXX
          2026-12-06T10:15:30+01:00        | timestamp | yyyy-MM-dd'T'HH:mm:ssXXX
          2026-12-06T10:15:30-05:30        | timestamp | yyyy-MM-dd'T'HH:mm:ssXXX
          2026-12-06T10:15:30.1Z           | timestamp | yyyy-MM-dd'T'HH:mm:ss.SXXX
          2026-12-06T10:15:30.123456+01:00 | timestamp | yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX
          # No offset: a local date-time.
          2026-12-06T10:15:30              | timestamp | yyyy-MM-dd'T'HH:mm:ss
          2026-12-06                       | date      | yyyy-MM-dd
          2024-02-29                       | date      | yyyy-MM-dd
          10:15:30                         | time      | HH:mm:ss
          23:59:59.999                     | time      | HH:mm:ss.SSS
          """)
  void givesADateOrTimeTheMatcherOfItsFormat(String value, String match, String format) {
    assertThat(StringFormats.matcher(value))
        .hasValueSatisfying(
            m -> {
              assertThat(m.path("match").asText()).isEqualTo(match);
              assertThat(m.path("format").asText()).isEqualTo(format);
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c",
        "3F2B8C1E-7D4A-4E6B-9A0C-5D1E2F3A4B5C",
        "00000000-0000-0000-0000-000000000000"
      })
  void givesAUuidTheUuidRegex(String value) {
    assertThat(StringFormats.matcher(value))
        .hasValueSatisfying(
            m -> {
              assertThat(m.path("match").asText()).isEqualTo("regex");
              assertThat(value).matches(m.path("regex").asText());
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Dates and times that do not exist.
        "2026-13-45",
        "2026-02-30",
        "2025-02-29",
        "2026-12-06T24:00:00Z",
        "25:00:00",
        "10:61:00",
        // Other shapes.
        "10:15",
        "2026-12",
        "2026-12-06 10:15:30",
        "2026-12-06T10:15Z",
        "2026-12-06T10:15:30+0100",
        "2026-12-06t10:15:30z",
        " 2026-12-06",
        "2026-12-06T10:15:30.1234567890Z",
        "3f2b8c1e7d4a4e6b9a0c5d1e2f3a4b5c",
        "3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5g",
        "{3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c}",
        "SKU-1001",
        ""
      })
  void givesAStringThatOnlyLooksLikeOneNoMatcher(String value) {
    assertThat(StringFormats.matcher(value)).isEmpty();
  }

  @Test
  void refusesAPinnedRuleThatIsNoMatcherNamingTheStubAndTheValue() throws Exception {
    var stub =
        new ObjectMapper()
            .readTree(
                """
                {"name": "an order", "request": {"method": "GET", "urlPath": "/orders/1"},
                 "response": {"status": 200},
                 "metadata": {"pact": {"rules": {"$.createdAt": "timestamp"}}}}
                """);

    assertThatThrownBy(
            () ->
                InteractionBuilder.build(
                    stub,
                    new ExampleRequest("GET", "/orders/1", Map.of(), Map.of(), null),
                    new ExampleResponse(
                        200,
                        Map.of("Content-Type", List.of("application/json")),
                        "{\"createdAt\": \"2026-12-06T10:15:30Z\"}"),
                    CaptureSettings.of(List.of(), List.of()),
                    List.of(),
                    "T#t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "stub 'an order': pact rule for '$.createdAt' is not a matcher like {\"match\":"
                + " \"timestamp\", \"format\": \"yyyy-MM-dd'T'HH:mm:ssXXX\"}: \"timestamp\"");
  }
}
