package io.pactwire.openapi.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.openapi.internal.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A sub-schema and its path from the prepared schema's root, found by walking a rule's path through
 * {@code items}, {@code properties} and {@code additionalProperties}, following references.
 */
record Located(JsonNode schema, List<String> path) {

  private static Located deref(JsonNode root, Located l) {
    JsonNode n = l.schema;
    List<String> path = l.path;
    for (int i = 0; i < 32 && n != null && n.path("$ref").isTextual(); i++) {
      String ref = n.get("$ref").asText();
      n = Json.at(root, ref);
      path = Json.split(ref);
    }
    return n == null ? null : new Located(n, path);
  }

  /** The sub-schema at {@code path} below the root, or null when the schema has none there. */
  static Located locate(JsonNode root, List<String> path) {
    Located l = deref(root, new Located(root, List.of()));
    for (String segment : path) {
      if (l == null) {
        return null;
      }
      l = child(root, l, segment);
    }
    return l;
  }

  /** The sub-schema of {@code parent} at one segment ({@code *} or an index for items). */
  static Located child(JsonNode root, Located parent, String segment) {
    if (parent == null) {
      return null;
    }
    Located l = deref(root, parent);
    if (l == null) {
      return null;
    }
    List<String> path = new ArrayList<>(l.path);
    boolean index = "*".equals(segment) || segment.matches("\\d+");
    if (index && l.schema.has("items")) {
      path.add("items");
      return deref(root, new Located(l.schema.get("items"), path));
    }
    if (l.schema.path("properties").has(segment)) {
      path.add("properties");
      path.add(segment);
      return deref(root, new Located(l.schema.get("properties").get(segment), path));
    }
    if (l.schema.path("additionalProperties").isObject()) {
      path.add("additionalProperties");
      return deref(root, new Located(l.schema.get("additionalProperties"), path));
    }
    return null;
  }
}
