package io.pactwire.openapi.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.openapi.internal.Json;
import io.pactwire.openapi.internal.Params;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which keyword of a schema a value fails: enum, const, pattern, length, format and number ranges,
 * for a string as a body reads it or as a header, query or path parameter reads it.
 */
final class Violations {

  /** The keywords by which a schema may be narrower than its type. */
  static final List<String> NARROWING =
      List.of(
          "enum",
          "const",
          "format",
          "pattern",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "multipleOf");

  private Violations() {}

  /** The keyword of {@code schema} that a string value fails, or null. */
  static String violation(JsonNode schema, String value) {
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode e : schema.get("enum")) {
        found |= e.isTextual() && e.asText().equals(value);
      }
      if (!found) {
        return "enum";
      }
    }
    if (schema.has("const") && !schema.get("const").asText().equals(value)) {
      return "const";
    }
    if (schema.has("pattern")) {
      try {
        if (!Pattern.compile(schema.get("pattern").asText()).matcher(value).find()) {
          return "pattern";
        }
      } catch (PatternSyntaxException ignored) {
        // an ECMA pattern Java cannot read decides nothing
      }
    }
    int length = value.codePointCount(0, value.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      return "minLength";
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      return "maxLength";
    }
    if (schema.has("format") && !formatOk(schema.get("format").asText(), value)) {
      return "format";
    }
    return null;
  }

  private static boolean formatOk(String format, String value) {
    try {
      switch (format) {
        case "date-time" -> OffsetDateTime.parse(value);
        case "date" -> LocalDate.parse(value);
        case "uuid" -> {
          return value.matches(
              "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        }
        case "email" -> {
          return value.matches("[^@\\s]+@[^@\\s]+");
        }
        default -> {
          return true;
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The keyword a header, query or path value fails, read as the schema's type reads it (as {@link
   * Params#coerce} does before validation), or null.
   */
  static String parameterViolation(JsonNode schema, String value) {
    String type = schema.path("type").asText("string");
    switch (type) {
      case "integer", "number" -> {
        BigDecimal n;
        try {
          n =
              "integer".equals(type)
                  ? new BigDecimal(new BigInteger(value.trim()))
                  : new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
          return "type";
        }
        return numberViolation(schema, n);
      }
      case "boolean" -> {
        return "true".equals(value) || "false".equals(value) ? null : "type";
      }
      case "string" -> {
        return violation(schema, value);
      }
      default -> {
        return null;
      }
    }
  }

  private static String numberViolation(JsonNode schema, BigDecimal n) {
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode e : schema.get("enum")) {
        found |= e.isNumber() && e.decimalValue().compareTo(n) == 0;
      }
      if (!found) {
        return "enum";
      }
    }
    JsonNode c = schema.get("const");
    if (c != null && !(c.isNumber() && c.decimalValue().compareTo(n) == 0)) {
      return "const";
    }
    if (number(schema, "minimum") && n.compareTo(schema.get("minimum").decimalValue()) < 0) {
      return "minimum";
    }
    if (number(schema, "maximum") && n.compareTo(schema.get("maximum").decimalValue()) > 0) {
      return "maximum";
    }
    if (number(schema, "exclusiveMinimum")
        && n.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
      return "exclusiveMinimum";
    }
    if (number(schema, "exclusiveMaximum")
        && n.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
      return "exclusiveMaximum";
    }
    if (number(schema, "multipleOf")
        && schema.get("multipleOf").decimalValue().signum() != 0
        && n.remainder(schema.get("multipleOf").decimalValue()).signum() != 0) {
      return "multipleOf";
    }
    return null;
  }

  private static boolean number(JsonNode schema, String keyword) {
    return schema.path(keyword).isNumber();
  }

  /** The keyword by which a string parameter's schema is narrower than any string, or null. */
  static String narrowing(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual() && !"string".equals(type.asText())) {
      return "type";
    }
    for (String k : NARROWING) {
      if (schema.has(k) && applies(k, TextNode.valueOf(""))) {
        return k;
      }
    }
    return null;
  }

  /** Whether a keyword constrains a value like {@code example} (a length constrains no number). */
  static boolean applies(String keyword, JsonNode example) {
    return switch (keyword) {
      case "format", "pattern", "minLength", "maxLength" -> example.isTextual();
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" ->
          example.isNumber();
      default -> true;
    };
  }

  /** Whether the schema admits strings (it has no type, or string among its types). */
  static boolean isString(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null || (type.isTextual() && "string".equals(type.asText()))) {
      return true;
    }
    for (JsonNode t : type.isArray() ? type : Json.NODES.arrayNode()) {
      if ("string".equals(t.asText())) {
        return true;
      }
    }
    return false;
  }
}
