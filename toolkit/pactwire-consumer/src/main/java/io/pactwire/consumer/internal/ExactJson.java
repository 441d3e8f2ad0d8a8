package io.pactwire.consumer.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeMap;

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

  /**
   * Nodes whose objects keep their keys sorted, as a pact file has them, however they are filled
   * (read, built or copied).
   */
  static final JsonNodeFactory SORTED_NODES =
      new JsonNodeFactory() {
        @Override
        public ObjectNode objectNode() {
          return new ObjectNode(this, new TreeMap<>());
        }
      };

  /** As {@link #MAPPER}, reading objects with their keys sorted. */
  static final ObjectMapper SORTED =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .nodeFactory(SORTED_NODES)
          .build();

  private ExactJson() {}
}
