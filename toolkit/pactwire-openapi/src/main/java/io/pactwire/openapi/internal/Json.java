package io.pactwire.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;

/** Jackson helpers shared by the checkers. */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** The YAML reader, built on first use: most specs handed to the CLI are JSON. */
  public static YAMLMapper yaml() {
    return Yaml.MAPPER;
  }

  private static final class Yaml {
    static final YAMLMapper MAPPER = new YAMLMapper();
  }

  /** Splits a {@code #/a/b} reference or {@code /a/b} pointer into unescaped segments. */
  public static List<String> split(String pointer) {
    String p = pointer;
    if (p.startsWith("#")) {
      p = p.substring(1);
    }
    List<String> out = new ArrayList<>();
    if (p.isEmpty()) {
      return out;
    }
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    for (String s : p.split("/", -1)) {
      String u = s.replace("~1", "/").replace("~0", "~");
      if (u.contains("%")) {
        try {
          u =
              java.net.URLDecoder.decode(
                  u.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ignored) {
          // keep as is
        }
      }
      out.add(u);
    }
    return out;
  }

  /** Returns the node at a {@code #/a/b} reference, or null. */
  public static JsonNode at(JsonNode root, String ref) {
    JsonNode n = root;
    for (String s : split(ref)) {
      if (n == null) {
        return null;
      }
      if (n.isArray()) {
        try {
          n = n.get(Integer.parseInt(s));
        } catch (NumberFormatException e) {
          return null;
        }
      } else {
        n = n.get(s);
      }
    }
    return n;
  }

  /** Sets the node at a {@code #/a/b} reference, creating objects on the way. */
  public static void set(ObjectNode root, String ref, JsonNode value) {
    List<String> parts = split(ref);
    if (parts.isEmpty()) {
      return;
    }
    JsonNode n = root;
    for (int i = 0; i < parts.size() - 1; i++) {
      String s = parts.get(i);
      JsonNode next = n.isObject() ? n.get(s) : null;
      if (next == null || !(next.isObject())) {
        if (!n.isObject()) {
          return;
        }
        next = ((ObjectNode) n).putObject(s);
      }
      n = next;
    }
    if (n.isObject()) {
      ((ObjectNode) n).set(parts.get(parts.size() - 1), value);
    }
  }

  /** Follows a chain of {@code $ref}s in {@code doc}; returns the node itself when it has none. */
  public static JsonNode deref(JsonNode node, JsonNode doc) {
    JsonNode n = node;
    for (int i = 0; i < 32 && n != null && n.isObject() && n.path("$ref").isTextual(); i++) {
      String ref = n.get("$ref").asText();
      if (!ref.startsWith("#")) {
        return n;
      }
      JsonNode target = at(doc, ref);
      if (target == null) {
        return n;
      }
      n = target;
    }
    return n == null ? node : n;
  }

  public static TextNode text(String s) {
    return s == null ? null : TextNode.valueOf(s);
  }

  public static ArrayNode array(List<String> values) {
    ArrayNode a = NODES.arrayNode();
    values.forEach(a::add);
    return a;
  }
}
