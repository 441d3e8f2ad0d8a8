package io.pactwire.evolve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  // a string's JSON text is what Jackson writes for it, whether or not it has anything to escape
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain text",
        "café, 5 €, 日本",
        "a \"quoted\" word",
        "a back\\slash",
        "a line\nbreak and a\ttab",
        "\u0000\u001f",
        "\u007f and \u2028 pass as they are",
        "a surrogate pair 😀"
      })
  void quotesAStringAsJacksonWritesIt(String text) throws JsonProcessingException {
    assertThat(Canonical.quote(text)).isEqualTo(MAPPER.writeValueAsString(text));
  }
}
