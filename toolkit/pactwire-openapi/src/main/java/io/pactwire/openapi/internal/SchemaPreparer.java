package io.pactwire.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns an OpenAPI schema into a self-contained JSON Schema: referenced schemas are copied in at
 * their own pointers (so that error locations read like the spec's), {@code nullable}, boolean
 * {@code exclusiveMinimum}/{@code exclusiveMaximum} and {@code discriminator} are translated, and
 * {@code allOf} is merged, because OpenAPI means "the union of" where JSON Schema means "each of".
 */
public final class SchemaPreparer {

  private SchemaPreparer() {}

  /** Returns a self-contained copy of {@code schema}, resolving {@code $ref}s in {@code doc}. */
  public static ObjectNode prepare(JsonNode schema, JsonNode doc) {
    ObjectNode root =
        schema != null && schema.isObject()
            ? ((ObjectNode) schema).deepCopy()
            : Json.NODES.objectNode();
    root.remove("description");
    root.remove("example");
    transform(root, doc);
    Deque<String> toAdd = new ArrayDeque<>();
    Set<String> added = new LinkedHashSet<>();
    collectRefs(root, toAdd, added);
    while (!toAdd.isEmpty()) {
      String ref = toAdd.poll();
      if (!added.add(ref)) {
        continue;
      }
      JsonNode target = Json.at(doc, ref);
      ObjectNode sub =
          target != null && target.isObject()
              ? ((ObjectNode) target).deepCopy()
              : Json.NODES.objectNode();
      sub.remove("description");
      sub.remove("example");
      transform(sub, doc);
      collectRefs(sub, toAdd, added);
      Json.set(root, ref, sub);
    }
    ObjectNode flat = (ObjectNode) flatten(root, root);
    for (String ref : added) {
      JsonNode at = Json.at(root, ref);
      if (at != null) {
        Json.set(flat, ref, flatten(at, root));
      }
    }
    return flat;
  }

  /**
   * Makes a response schema strict the way a stub must be: objects admit no undeclared properties,
   * and {@code required} is dropped, because a pact shows only the fields its consumer uses.
   */
  public static ObjectNode forResponse(ObjectNode prepared) {
    traverseDeref(
        prepared,
        prepared,
        s -> {
          JsonNode ap = s.get("additionalProperties");
          if ((ap == null || (ap.isBoolean() && ap.booleanValue()))
              && !s.has("oneOf")
              && !s.has("allOf")
              && !s.has("anyOf")
              && "object".equals(s.path("type").asText(null))) {
            s.put("additionalProperties", false);
          }
        });
    traverseDeref(
        prepared,
        prepared,
        s -> {
          if (!s.has("oneOf")) {
            s.remove("required");
          }
        });
    return prepared;
  }

  private static void transform(ObjectNode schema, JsonNode doc) {
    traverse(
        schema,
        s -> {
          JsonNode disc = s.get("discriminator");
          if (disc != null && disc.path("propertyName").isTextual() && s.has("oneOf")) {
            Set<String> req = new LinkedHashSet<>();
            s.path("required").forEach(r -> req.add(r.asText()));
            req.add(disc.get("propertyName").asText());
            s.set("required", Json.array(new ArrayList<>(req)));
          }
          if (disc != null && !s.has("oneOf")) {
            s.remove("discriminator");
          }
        });
    traverse(
        schema,
        s -> {
          boolean nullable = s.path("nullable").asBoolean(false);
          if (s.has("$ref")) {
            if (nullable && !s.has("type")) {
              JsonNode t = Json.deref(s, doc).get("type");
              if (t != null) {
                s.set("type", t.deepCopy());
              }
            }
            return;
          }
          if (nullable && !s.has("type")) {
            s.put("type", "object");
          }
          if (nullable && !s.get("type").isArray()) {
            ArrayNode types = Json.NODES.arrayNode();
            types.add(s.get("type")).add("null");
            s.set("type", types);
          }
        });
    traverse(
        schema,
        s -> {
          convertExclusive(s, "exclusiveMaximum", "maximum");
          convertExclusive(s, "exclusiveMinimum", "minimum");
        });
  }

  private static void convertExclusive(ObjectNode s, String exclusive, String bound) {
    JsonNode e = s.get(exclusive);
    if (e != null && e.isBoolean()) {
      if (e.booleanValue() && s.has(bound)) {
        s.set(exclusive, s.get(bound));
        s.remove(bound);
      } else {
        s.remove(exclusive);
      }
    }
  }

  /** Visits sub-schemas depth-first, children before parents. */
  static void traverse(JsonNode schema, Consumer<ObjectNode> visitor) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    for (String k : List.of("allOf", "oneOf", "anyOf")) {
      schema.path(k).forEach(s -> traverse(s, visitor));
    }
    schema.path("properties").forEach(s -> traverse(s, visitor));
    traverse(schema.get("not"), visitor);
    traverse(schema.get("items"), visitor);
    traverse(schema.get("additionalProperties"), visitor);
    visitor.accept((ObjectNode) schema);
  }

  private static void traverseDeref(JsonNode root, JsonNode schema, Consumer<ObjectNode> visitor) {
    traverseDeref(root, schema, new HashSet<>(), visitor);
  }

  private static void traverseDeref(
      JsonNode root, JsonNode schema, Set<String> visited, Consumer<ObjectNode> visitor) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    String ref = schema.path("$ref").asText(null);
    if (ref != null) {
      if (!visited.add(ref)) {
        return;
      }
    }
    JsonNode s = Json.deref(schema, root);
    if (!s.isObject()) {
      return;
    }
    for (String k : List.of("allOf", "oneOf", "anyOf")) {
      s.path(k).forEach(x -> traverseDeref(root, x, visited, visitor));
    }
    s.path("properties").forEach(x -> traverseDeref(root, x, visited, visitor));
    traverseDeref(root, s.get("not"), visited, visitor);
    traverseDeref(root, s.get("items"), visited, visitor);
    traverseDeref(root, s.get("additionalProperties"), visited, visitor);
    visitor.accept((ObjectNode) s);
  }

  private static void collectRefs(JsonNode node, Deque<String> toAdd, Set<String> added) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
        String r = ref.asText();
        if (!added.contains(r) && !toAdd.contains(r)) {
          toAdd.add(r);
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!"$ref".equals(e.getKey())) {
          collectRefs(e.getValue(), toAdd, added);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, toAdd, added));
    }
  }

  private static JsonNode flatten(JsonNode s, JsonNode root) {
    if (!s.isObject()) {
      return s;
    }
    ObjectNode o = (ObjectNode) s;
    if (o.has("allOf") && o.get("allOf").isArray()) {
      ObjectNode merged = o.deepCopy();
      merged.remove("allOf");
      for (JsonNode branch : o.get("allOf")) {
        JsonNode b = branch;
        if (b.isObject() && b.has("$ref")) {
          ObjectNode others = ((ObjectNode) b).deepCopy();
          String ref = others.remove("$ref").asText();
          JsonNode target = Json.at(root, ref);
          if (target != null && target.isObject()) {
            others.setAll(((ObjectNode) target).deepCopy());
          }
          b = others;
        }
        JsonNode flat = inlinePropertyRefs(flatten(b.deepCopy(), root), root);
        merge(merged, flat);
      }
      return merged;
    }
    if (o.has("properties") && o.get("properties").isObject()) {
      ObjectNode props = (ObjectNode) o.get("properties");
      List<String> names = new ArrayList<>();
      props.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        props.set(n, flatten(props.get(n), root));
      }
      return o;
    }
    for (String key : List.of("oneOf", "anyOf", "not", "items", "additionalProperties")) {
      JsonNode v = o.get(key);
      if (v != null) {
        ObjectNode copy = o.deepCopy();
        if (v.isArray()) {
          ArrayNode a = Json.NODES.arrayNode();
          v.forEach(x -> a.add(flatten(x.deepCopy(), root)));
          copy.set(key, a);
        } else {
          copy.set(key, flatten(v.deepCopy(), root));
        }
        return copy;
      }
    }
    return o;
  }

  private static JsonNode inlinePropertyRefs(JsonNode s, JsonNode root) {
    if (!s.isObject() || !s.path("properties").isObject()) {
      return s;
    }
    ObjectNode props = (ObjectNode) s.get("properties");
    List<String> names = new ArrayList<>();
    props.fieldNames().forEachRemaining(names::add);
    for (String n : names) {
      JsonNode p = props.get(n);
      if (p.isObject() && p.size() == 1 && p.has("$ref")) {
        JsonNode target = Json.at(root, p.get("$ref").asText());
        if (target != null) {
          props.set(n, flatten(target.deepCopy(), root));
        }
      }
    }
    return s;
  }

  private static void merge(ObjectNode into, JsonNode from) {
    if (!from.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = into.get(e.getKey());
      JsonNode v = e.getValue();
      if (existing != null && existing.isObject() && v.isObject()) {
        merge((ObjectNode) existing, v);
      } else if (existing != null && existing.isArray() && v.isArray()) {
        Set<JsonNode> union = new LinkedHashSet<>();
        existing.forEach(union::add);
        v.forEach(union::add);
        ArrayNode a = Json.NODES.arrayNode();
        union.forEach(a::add);
        into.set(e.getKey(), a);
      } else if (!(v.isBoolean() && existing instanceof BooleanNode && false)) {
        into.set(e.getKey(), v.deepCopy());
      }
    }
  }
}
