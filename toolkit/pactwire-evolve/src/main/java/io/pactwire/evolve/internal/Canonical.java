package io.pactwire.evolve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.internal.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** JSON text with object keys sorted, so that key order never makes two values differ. */
final class Canonical {

  private Canonical() {}

  static String text(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, new ArrayList<>(), at -> false, out);
    return out.toString();
  }

  /**
   * The text of the value at {@code at} (its path's steps, as a pact's rules are looked up), with
   * {@code *} for each value inside it that {@code governed} says a rule governs: the value as
   * pact-jvm compares it by equality, the examples under a rule being no part of it.
   */
  static void write(
      JsonNode node,
      List<JsonPath.Segment> at,
      Predicate<List<JsonPath.Segment>> governed,
      StringBuilder out) {
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(e.getKey(), out).append(':');
        at.add(new JsonPath.Field(e.getKey()));
        item(e.getValue(), at, governed, out);
        at.remove(at.size() - 1);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      at.add(new JsonPath.AnyIndex());
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        item(node.get(i), at, governed, out);
      }
      at.remove(at.size() - 1);
      out.append(']');
    } else {
      out.append(scalar(node));
    }
  }

  private static void item(
      JsonNode node,
      List<JsonPath.Segment> at,
      Predicate<List<JsonPath.Segment>> governed,
      StringBuilder out) {
    if (governed.test(at)) {
      out.append('*');
    } else {
      write(node, at, governed, out);
    }
  }

  /** A scalar's JSON text; a number in its shortest form, so that 24.90 and 24.9 are one value. */
  static String scalar(JsonNode node) {
    if (node.isNumber() && !node.isIntegralNumber()) {
      java.math.BigDecimal d = node.decimalValue().stripTrailingZeros();
      if (Math.abs(d.scale()) > 100) {
        // 1e400 keeps its exponent: written plain it has as many digits as the exponent says
        return d.toString();
      }
      return d.scale() <= 0 ? d.setScale(1).toPlainString() : d.toPlainString();
    }
    if (node.isTextual()) {
      return quote(node.textValue(), new StringBuilder(node.textValue().length() + 2)).toString();
    }
    if (node.isNumber() || node.isBoolean() || node.isNull()) {
      return node.asText();
    }
    return node.toString();
  }

  /** A string as JSON text; Jackson's TextNode.toString serialises through an ObjectMapper. */
  static StringBuilder quote(String text, StringBuilder out) {
    out.append('"');
    if (plain(text)) {
      // most texts of a pact: nothing to escape, so no copy made of them to escape
      out.append(text);
    } else {
      out.append(ESCAPER.quoteAsString(text));
    }
    return out.append('"');
  }

  // whether JSON text of the string is the string itself: none of the characters the encoder
  // escapes (a control character, a quotation mark, a reverse solidus)
  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** {@code text} as JSON text. */
  static String quote(String text) {
    return quote(text, new StringBuilder(text.length() + 2)).toString();
  }

  private static final com.fasterxml.jackson.core.io.JsonStringEncoder ESCAPER =
      com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance();
}
