package io.pactwire.stubs.internal;

import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pact's tree, as core's checking reader reads it, as pact-jvm's JSON value: what pact-jvm's own
 * parser reads from the tree's text ({@code tree.toString()}), without writing and parsing that
 * text. Writing it through Jackson's mapper and parsing it back was a tenth of a stub server's
 * start-up.
 */
final class PactJvmJson {

  private PactJvmJson() {}

  /**
   * The value of a tree the checking reader read: keys in their order, strings as they are, and
   * each number an integer or a decimal as pact-jvm's parser tells them apart in the text Jackson
   * writes for it (a decimal has a point or an exponent). Such a tree holds no other kind of node
   * (its decimals are exact, never a double that could be NaN).
   */
  static JsonValue of(JsonNode tree) {
    switch (tree.getNodeType()) {
      case OBJECT -> {
        Map<String, JsonValue> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : tree.properties()) {
          entries.put(entry.getKey(), of(entry.getValue()));
        }
        return new JsonValue.Object(entries);
      }
      case ARRAY -> {
        List<JsonValue> values = new ArrayList<>(tree.size());
        for (JsonNode value : tree) {
          values.add(of(value));
        }
        return new JsonValue.Array(values);
      }
      case STRING -> {
        return new JsonValue.StringValue(tree.textValue().toCharArray());
      }
      case NUMBER -> {
        char[] digits = tree.asText().toCharArray();
        for (char c : digits) {
          if (c == '.' || c == 'e' || c == 'E') {
            return new JsonValue.Decimal(digits);
          }
        }
        return new JsonValue.Integer(digits);
      }
      case BOOLEAN -> {
        return tree.booleanValue() ? JsonValue.True.INSTANCE : JsonValue.False.INSTANCE;
      }
      case NULL -> {
        return JsonValue.Null.INSTANCE;
      }
      default -> throw new IllegalArgumentException("not a pact's JSON: " + tree.getNodeType());
    }
  }
}
