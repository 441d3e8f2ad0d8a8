package io.pactwire.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads interactions out of a pact's JSON tree, whatever its specification version. */
public final class Interactions {

  private Interactions() {}

  /** The kind of an interaction, from its {@code type} (absent before V4 means HTTP). */
  public enum Kind {
    HTTP,
    ASYNC,
    SYNC,
    SKIP
  }

  public static Kind kind(JsonNode interaction) {
    JsonNode type = interaction.get("type");
    if (type == null || type.isNull()) {
      return interaction.has("request")
          ? Kind.HTTP
          : interaction.has("contents") ? Kind.ASYNC : Kind.SKIP;
    }
    return switch (type.asText().toLowerCase(Locale.ROOT)) {
      case "synchronous/http" -> Kind.HTTP;
      case "asynchronous/messages" -> Kind.ASYNC;
      case "synchronous/messages" -> Kind.SYNC;
      default -> Kind.SKIP;
    };
  }

  public static String state(JsonNode interaction) {
    JsonNode s = interaction.get("providerState");
    if (s != null && s.isTextual() && !s.asText().isEmpty()) {
      return s.asText();
    }
    JsonNode states = interaction.path("providerStates");
    if (states.isArray() && !states.isEmpty() && states.get(0).path("name").isTextual()) {
      return states.get(0).get("name").asText();
    }
    return "[none]";
  }

  public static String description(JsonNode interaction) {
    JsonNode d = interaction.get("description");
    return d == null || d.isNull() ? null : d.asText();
  }

  /** Headers with lower-cased names, multiple values joined by commas. */
  public static Map<String, String> headers(JsonNode headers) {
    Map<String, String> out = new LinkedHashMap<>();
    if (headers == null || !headers.isObject()) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey().toLowerCase(Locale.ROOT), flatten(e.getValue()));
    }
    return out;
  }

  static String flatten(JsonNode v) {
    if (v.isArray()) {
      StringBuilder b = new StringBuilder();
      for (JsonNode x : v) {
        if (b.length() > 0) {
          b.append(',');
        }
        b.append(clean(x.asText()));
      }
      return b.toString();
    }
    return clean(v.asText());
  }

  private static final java.util.regex.Pattern CONTROL =
      java.util.regex.Pattern.compile("[\\r\\n\\u0000]");

  private static String clean(String s) {
    return CONTROL.matcher(s).replaceAll("");
  }

  /** A query as a string, whether the pact holds a string (V2) or a map of lists (V3, V4). */
  public static String query(JsonNode query) {
    if (query == null || query.isNull()) {
      return "";
    }
    if (query.isTextual()) {
      return query.asText();
    }
    StringBuilder b = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      b.append('&').append(e.getKey()).append('=').append(flatten(e.getValue()));
    }
    return b.length() == 0 ? "" : b.substring(1);
  }

  /** The body: V4's {@code {content, contentType, encoded}} unwrapped; null when absent. */
  public static JsonNode body(JsonNode body, boolean v4) {
    if (body == null || body.isMissingNode()) {
      return null;
    }
    if (!v4 || !body.isObject() || !(body.has("content") || body.has("contentType"))) {
      return body;
    }
    JsonNode content = body.has("content") ? body.get("content") : TextNode.valueOf("");
    JsonNode encoded = body.get("encoded");
    if (encoded == null || encoded.isNull() || (encoded.isBoolean() && !encoded.booleanValue())) {
      return content;
    }
    String enc = encoded.asText();
    try {
      if ("json".equalsIgnoreCase(enc)) {
        return Json.readTree(content.asText());
      }
      if ("base64".equalsIgnoreCase(enc)) {
        return TextNode.valueOf(
            new String(Base64.getDecoder().decode(content.asText()), StandardCharsets.UTF_8));
      }
      return content;
    } catch (Exception e) {
      return content;
    }
  }

  public static boolean isV4(JsonNode pact) {
    return io.pactwire.core.internal.PactReader.isV4(
        io.pactwire.core.internal.PactReader.specificationVersion(pact.path("metadata")));
  }

  /** JavaScript truthiness of a body, which decides whether the reference checks it. */
  public static boolean truthy(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return false;
    }
    if (v.isTextual()) {
      return !v.asText().isEmpty();
    }
    if (v.isNumber()) {
      return v.asDouble() != 0;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    return true;
  }
}
