package io.pactwire.consumer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matching rules of a request or a response, kept as the V4 JSON a pact holds them in: a
 * category ({@code path}, {@code query}, {@code header}, {@code body}) maps names or JSON paths to
 * matchers that must all pass. Building pact-jvm's rule objects only to serialise them cost capture
 * more than working out the rules.
 */
final class MatchingRules {

  private final Map<String, Category> categories = new LinkedHashMap<>();

  /** The category of this name, created on first use. */
  Category category(String name) {
    return categories.computeIfAbsent(name, n -> new Category());
  }

  /** {@code {"body": {"$.a": {"combine": "AND", "matchers": [...]}}, ...}}; null when empty. */
  ObjectNode json() {
    ObjectNode json = null;
    for (Map.Entry<String, Category> category : categories.entrySet()) {
      if (!category.getValue().matchers.isEmpty()) {
        json = json == null ? ExactJson.SORTED_NODES.objectNode() : json;
        json.set(category.getKey(), category.getValue().json());
      }
    }
    return json;
  }

  /** One category's matchers, by name or JSON path ({@code ""} for the path category's own). */
  static final class Category {

    private final Map<String, List<ObjectNode>> matchers = new LinkedHashMap<>();

    /** Adds a matcher to those at {@code key}. */
    void addRule(String key, ObjectNode matcher) {
      matchers.computeIfAbsent(key, k -> new ArrayList<>()).add(matcher);
    }

    /** Puts {@code matcher} in the place of the matchers at {@code key}. */
    void setRule(String key, ObjectNode matcher) {
      List<ObjectNode> only = new ArrayList<>();
      only.add(matcher);
      matchers.put(key, only);
    }

    private ObjectNode json() {
      ObjectNode json = ExactJson.SORTED_NODES.objectNode();
      matchers.forEach(
          (key, list) -> {
            ObjectNode group = ExactJson.SORTED_NODES.objectNode();
            group.put("combine", "AND");
            group.putArray("matchers").addAll(list);
            if (key.isEmpty()) {
              json.setAll(group);
            } else {
              json.set(key, group);
            }
          });
      return json;
    }
  }

  // ---------------------------------------------------------------- matchers

  static ObjectNode equality() {
    return matcher("equality");
  }

  static ObjectNode type() {
    return matcher("type");
  }

  /** {@code type} with a minimum size: every element is checked against the first. */
  static ObjectNode minType(int min) {
    return matcher("type").put("min", min);
  }

  static ObjectNode integer() {
    return matcher("integer");
  }

  static ObjectNode number() {
    return matcher("number");
  }

  static ObjectNode regex(String regex) {
    return matcher("regex").put("regex", regex);
  }

  /** {@code timestamp} with a date-time format as Java's {@code DateTimeFormatter} reads it. */
  static ObjectNode timestamp(String format) {
    return matcher("timestamp").put("format", format);
  }

  static ObjectNode date(String format) {
    return matcher("date").put("format", format);
  }

  static ObjectNode time(String format) {
    return matcher("time").put("format", format);
  }

  /** A matcher given as JSON (a stub's pinned rule), with its keys sorted as a pact has them. */
  static ObjectNode copy(JsonNode matcher) {
    ObjectNode copy = ExactJson.SORTED_NODES.objectNode();
    matcher.properties().forEach(e -> copy.set(e.getKey(), e.getValue().deepCopy()));
    return copy;
  }

  private static ObjectNode matcher(String match) {
    return ExactJson.SORTED_NODES.objectNode().put("match", match);
  }
}
