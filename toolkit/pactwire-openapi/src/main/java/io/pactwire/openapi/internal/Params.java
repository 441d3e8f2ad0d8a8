package io.pactwire.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Parameter parsing (query strings, simple-style values) and string-to-type coercion. */
public final class Params {

  private static final java.util.regex.Pattern BRACKETED =
      java.util.regex.Pattern.compile("\\[([^\\]]*)\\]");

  private Params() {}

  /** Parses a query string; {@code comma} splits values on commas, as {@code style: form}. */
  public static ObjectNode parseQuery(String query, boolean comma) {
    ObjectNode out = Json.NODES.objectNode();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String part : query.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = decode(eq < 0 ? part : part.substring(0, eq));
      String v = eq < 0 ? "" : decode(part.substring(eq + 1));
      JsonNode value =
          comma && v.contains(",") ? Json.array(List.of(v.split(",", -1))) : TextNode.valueOf(v);
      List<String> path = keyPath(k, comma);
      put(out, path, value);
    }
    return out;
  }

  private static List<String> keyPath(String key, boolean nested) {
    List<String> path = new ArrayList<>();
    if (!nested) {
      path.add(key);
      return path;
    }
    int b = key.indexOf('[');
    String head = b > 0 ? key.substring(0, b) : key;
    for (String s : head.split("\\.", -1)) {
      path.add(s);
    }
    if (b > 0) {
      java.util.regex.Matcher m = BRACKETED.matcher(key.substring(b));
      while (m.find()) {
        path.add(m.group(1));
      }
    }
    return path;
  }

  private static void put(ObjectNode into, List<String> path, JsonNode value) {
    ObjectNode n = into;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode next = n.get(path.get(i));
      if (next == null || !next.isObject()) {
        next = n.putObject(path.get(i));
      }
      n = (ObjectNode) next;
    }
    String last = path.get(path.size() - 1);
    JsonNode existing = n.get(last);
    if (existing == null) {
      n.set(last, value);
    } else {
      ArrayNode a = Json.NODES.arrayNode();
      if (existing.isArray()) {
        a.addAll((ArrayNode) existing);
      } else {
        a.add(existing);
      }
      if (value.isArray()) {
        a.addAll((ArrayNode) value);
      } else {
        a.add(value);
      }
      n.set(last, a);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** Parses a header or path value: {@code a=1,b=2} as an object, {@code 1,2} as a list. */
  public static JsonNode parseValue(String value) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty()) {
      return TextNode.valueOf(value);
    }
    if (value.contains("=")) {
      return parseQuery(value.replace(",", "&"), true);
    }
    if (value.contains(",")) {
      return Json.array(List.of(value.split(",", -1)));
    }
    return TextNode.valueOf(value);
  }

  /** Coerces strings to the schema's types, as a validator with type coercion would. */
  public static JsonNode coerce(JsonNode value, JsonNode schema, JsonNode root) {
    if (value == null || schema == null) {
      return value;
    }
    JsonNode s = Json.deref(schema, root);
    List<String> types = new ArrayList<>();
    JsonNode t = s.get("type");
    if (t != null && t.isArray()) {
      t.forEach(x -> types.add(x.asText()));
    } else if (t != null) {
      types.add(t.asText());
    }
    if (value.isArray() && (types.contains("array") || s.has("items"))) {
      ArrayNode a = Json.NODES.arrayNode();
      value.forEach(x -> a.add(coerce(x, s.get("items"), root)));
      return a;
    }
    if (value.isObject() && s.has("properties")) {
      ObjectNode o = Json.NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        o.set(e.getKey(), coerce(e.getValue(), s.get("properties").get(e.getKey()), root));
      }
      return o;
    }
    if (!value.isTextual() || types.contains("string")) {
      return value;
    }
    String text = value.asText();
    for (String type : types) {
      switch (type) {
        case "integer" -> {
          try {
            return Json.NODES.numberNode(Long.parseLong(text.trim()));
          } catch (NumberFormatException e) {
            // fall through to the next type
          }
        }
        case "number" -> {
          try {
            if (!text.isBlank()) {
              BigDecimal d = new BigDecimal(text.trim());
              return d.scale() <= 0
                  ? Json.NODES.numberNode(d.toBigIntegerExact())
                  : Json.NODES.numberNode(d);
            }
          } catch (NumberFormatException | ArithmeticException e) {
            // fall through to the next type
          }
        }
        case "boolean" -> {
          if ("true".equals(text) || "false".equals(text)) {
            return Json.NODES.booleanNode(Boolean.parseBoolean(text));
          }
        }
        case "null" -> {
          if (text.isEmpty()) {
            return NullNode.getInstance();
          }
        }
        default -> {}
      }
    }
    return value;
  }
}
