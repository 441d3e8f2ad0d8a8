package io.pactwire.evolve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  // a decimal in its shortest plain form, unless its exponent is large: 1e9999999 written plain is
  // ten million digits (and 1e999999999 more than BigDecimal can write plain)
  @ParameterizedTest
  @CsvSource({
    "24.90, 24.9",
    "3, 3.0",
    "1e5, 100000.0",
    "1.5e-7, 0.00000015",
    "1e100, 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0",
    "1e101, 1E+101",
    "1e9999999, 1E+9999999",
    "-2.5e-999999999, -2.5E-999999999"
  })
  void writesADecimalInItsShortestFormKeepingALargeExponent(String written, String text) {
    assertThat(Canonical.scalar(DecimalNode.valueOf(new BigDecimal(written)))).isEqualTo(text);
  }
}
