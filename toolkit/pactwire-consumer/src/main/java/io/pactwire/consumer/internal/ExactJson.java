package io.pactwire.consumer.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads JSON with its numbers as written: {@code 24.90} stays {@code 24.90}, not the double 24.9,
 * so that a pact shows the example the stub served (pactwire-core writes decimals with their
 * scale).
 */
public final class ExactJson {

  /** A mapper that reads decimals as {@code BigDecimal}, trailing zeros kept. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private ExactJson() {}
}
