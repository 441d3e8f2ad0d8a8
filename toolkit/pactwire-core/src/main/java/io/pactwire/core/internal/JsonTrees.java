package io.pactwire.core.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way Pactwire reads a JSON tree from jackson-core's parser alone, without an ObjectMapper:
 * pacts (decimals as written) and specs (decimals as doubles, {@code $ref}s collected on the way).
 */
public final class JsonTrees {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern OPENED_AT =
      Pattern.compile(
          "\\((?:for (Array|Object) starting|start marker) at \\[Source: .*?; line: (\\d+), column:"
              + " (\\d+)]\\)");
  private static final Pattern SOURCE = Pattern.compile(" ?\\(?\\[Source: .*?]\\)?");

  private JsonTrees() {}

  /**
   * Jackson's words for why a text is not JSON, its first line, without the notes about its own
   * settings it adds where it names a place ("[Source: REDACTED
   * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 160]"): an array or
   * object left open is named by the line and column where it was opened.
   */
  public static String problem(JsonProcessingException e) {
    String problem = e.getOriginalMessage().lines().findFirst().orElse("");
    Matcher opened = OPENED_AT.matcher(problem);
    StringBuilder out = new StringBuilder();
    while (opened.find()) {
      String what =
          opened.group(1) == null
              ? ""
              : "for the " + opened.group(1).toLowerCase(Locale.ROOT) + " ";
      opened.appendReplacement(
          out,
          Matcher.quoteReplacement(
              "(" + what + "opened at " + opened.group(2) + ":" + opened.group(3) + ")"));
    }
    opened.appendTail(out);
    return SOURCE.matcher(out).replaceAll("");
  }

  /**
   * The tree {@code ObjectMapper.readTree} builds with default settings (a repeated key keeps its
   * last value in its first place), or with {@code USE_BIG_DECIMAL_FOR_FLOATS} and trailing zeros
   * kept when {@code exactDecimals}. Iterative, so depth costs no stack. Null for no content.
   *
   * <p>A parser with {@code STRICT_DUPLICATE_DETECTION} enabled has a repeated key refused here,
   * with the parser's feature off while it reads (and on again after): the tree's own map finds the
   * repeat as the key is put in it, where the parser's detection kept a second set of every
   * object's keys (a twentieth of reading a store of pacts).
   *
   * @param text makes each string's node
   * @param refs when not null, gets the text of every {@code $ref} field
   */
  public static JsonNode read(
      JsonParser p,
      boolean exactDecimals,
      Function<String, ? extends JsonNode> text,
      Set<String> refs)
      throws IOException {
    boolean unique = p.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    if (unique) {
      p.disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }
    try {
      return read(p, exactDecimals, text, refs, unique);
    } finally {
      if (unique) {
        // as the caller left it, for what it reads next
        p.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
      }
    }
  }

  private static JsonNode read(
      JsonParser p,
      boolean exactDecimals,
      Function<String, ? extends JsonNode> text,
      Set<String> refs,
      boolean unique)
      throws IOException {
    Deque<ContainerNode<?>> open = new ArrayDeque<>();
    JsonNode root = null;
    String field = null;
    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
      JsonNode value;
      switch (t) {
        case FIELD_NAME -> {
          field = p.currentName();
          continue;
        }
        case END_OBJECT, END_ARRAY -> {
          open.pop();
          if (open.isEmpty()) {
            return root;
          }
          continue;
        }
        case START_OBJECT -> value = NODES.objectNode();
        case START_ARRAY -> value = NODES.arrayNode();
        case VALUE_STRING -> value = text.apply(p.getText());
        case VALUE_NUMBER_INT ->
            value =
                switch (p.getNumberType()) {
                  case INT -> NODES.numberNode(p.getIntValue());
                  case LONG -> NODES.numberNode(p.getLongValue());
                  default -> NODES.numberNode(p.getBigIntegerValue());
                };
        case VALUE_NUMBER_FLOAT ->
            value =
                exactDecimals && !p.isNaN()
                    ? DecimalNode.valueOf(p.getDecimalValue())
                    : NODES.numberNode(p.getDoubleValue());
        case VALUE_TRUE -> value = NODES.booleanNode(true);
        case VALUE_FALSE -> value = NODES.booleanNode(false);
        case VALUE_NULL -> value = NODES.nullNode();
        default -> value = NODES.pojoNode(p.getEmbeddedObject());
      }
      ContainerNode<?> parent = open.peek();
      if (parent == null) {
        root = value;
      } else if (parent instanceof ObjectNode object) {
        if (object.replace(field, value) != null && unique) {
          // the parser's own words for it, at the repeated key's value
          throw new JsonParseException(
              p, "Duplicate field '" + field + "'", p.currentTokenLocation());
        }
        if (refs != null && t == JsonToken.VALUE_STRING && "$ref".equals(field)) {
          refs.add(value.textValue());
        }
      } else {
        ((ArrayNode) parent).add(value);
      }
      if (value instanceof ContainerNode<?> container) {
        open.push(container);
      } else if (parent == null) {
        return root;
      }
    }
    if (!open.isEmpty()) {
      // the parser reports an unclosed document itself; this is only a guard
      throw new JsonParseException(p, "Unexpected end-of-input: expected close marker");
    }
    return root;
  }
}
