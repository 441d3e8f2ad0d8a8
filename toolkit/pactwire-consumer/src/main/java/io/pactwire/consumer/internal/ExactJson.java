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
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
      if (token == null) {
        return null;
      }
      JsonNode tree = tree(parser, token, SORTED_NODES, true);
      if (tree == null) {
        throw new JsonParseException(parser, "unexpected " + parser.currentToken());
      }
      return tree;
    }
  }

  /**
   * The value starting at {@code token}, built with {@code nodes} as Jackson's tree reader builds
   * it: decimals as {@code BigDecimal} when {@code exactDecimals} (as with {@code
   * USE_BIG_DECIMAL_FOR_FLOATS}, trailing zeros kept), else by the parser's number type. Null for a
   * token no JSON text has (an object a token buffer embeds), for the caller to read otherwise.
   */
  static JsonNode tree(
      JsonParser parser, JsonToken token, JsonNodeFactory nodes, boolean exactDecimals)
      throws IOException {
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
          String name = parser.currentName();
          JsonNode value = tree(parser, parser.nextToken(), nodes, exactDecimals);
          if (value == null) {
            return null;
          }
          object.set(name, value);
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          JsonNode value = tree(parser, t, nodes, exactDecimals);
          if (value == null) {
            return null;
          }
          array.add(value);
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> nodes.numberNode(parser.getIntValue());
          case LONG -> nodes.numberNode(parser.getLongValue());
          default -> nodes.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        if (exactDecimals) {
          return DecimalNode.valueOf(parser.getDecimalValue());
        }
        return switch (parser.getNumberType()) {
          case BIG_DECIMAL -> nodes.numberNode(parser.getDecimalValue());
          case FLOAT -> nodes.numberNode(parser.getFloatValue());
          default -> nodes.numberNode(parser.getDoubleValue());
        };
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      default -> {
        return null;
      }
    }
  }
}
