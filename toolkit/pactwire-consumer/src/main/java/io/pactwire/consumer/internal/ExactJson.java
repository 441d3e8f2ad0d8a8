package io.pactwire.consumer.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
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

  /**
   * The first JSON value of {@code text}, read as {@link #SORTED} reads it (ExactJsonTests compares
   * them), or null for none: a tree built from the parser's tokens, without the deserialiser
   * lookups around each value, which cost a capture, which reads every body it records, a tenth of
   * its time.
   *
   * @throws IOException for text that is not JSON
   */
  static JsonNode readSorted(String text) throws IOException {
    try (JsonParser parser = SORTED.getFactory().createParser(text)) {
      JsonToken token = parser.nextToken();
      return token == null ? null : value(parser, token);
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = SORTED_NODES.objectNode();
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = SORTED_NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        return array;
      }
      case VALUE_STRING -> {
        return TextNode.valueOf(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> IntNode.valueOf(parser.getIntValue());
          case LONG -> LongNode.valueOf(parser.getLongValue());
          default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return DecimalNode.valueOf(parser.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return BooleanNode.TRUE;
      }
      case VALUE_FALSE -> {
        return BooleanNode.FALSE;
      }
      case VALUE_NULL -> {
        return NullNode.getInstance();
      }
      default -> throw new JsonParseException(parser, "unexpected " + token);
    }
  }
}
