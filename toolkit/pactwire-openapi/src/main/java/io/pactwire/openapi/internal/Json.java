package io.pactwire.openapi.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.pactwire.core.internal.JsonTrees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Jackson helpers shared by the checkers. */
public final class Json {

  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // jackson-core's parser alone: building it costs nothing, while the first ObjectMapper costs
  // a CLI run 50 ms of start-up (its date format initialises the JDK's calendars and locales).
  // Specs and pacts are read with it, so that reading starts at once and the ObjectMapper the
  // schema validator needs is initialised on another thread meanwhile.
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** Reads JSON as {@code ObjectMapper.readTree} does: floats as doubles; null for no content. */
  public static JsonNode readTree(byte[] json) throws IOException {
    return readTree(json, null);
  }

  /**
   * Reads JSON as {@link #readTree(byte[])} does, adding the text of every {@code $ref} field to
   * {@code refs} on the way, so that a spec's references can be checked without walking it again.
   */
  public static JsonNode readTree(byte[] json, Set<String> refs) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      return readTree(p, false, refs);
    }
  }

  /**
   * Reads a spec as {@link #readTree(byte[], Set)} does, refusing a repeated key (the tree would
   * keep only the last one) and placing a nesting or number-length limit at the parser's location
   * (Jackson reports those without one).
   */
  public static JsonNode readSpecTree(byte[] json, Set<String> refs) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      try {
        return readTree(p, false, refs);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        if (e.getLocation() == null) {
          throw new com.fasterxml.jackson.core.JsonParseException(p, e.getOriginalMessage(), e);
        }
        throw e;
      }
    }
  }

  /** Reads JSON as {@link #readTree(byte[])} does. */
  public static JsonNode readTree(String json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      return readTree(p, false, null);
    }
  }

  /**
   * Reads JSON keeping each decimal as written ({@code 24.90} stays {@code 24.90}), as pact files
   * are read; null for no content.
   */
  public static JsonNode readExactTree(String json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      return readTree(p, true, null);
    }
  }

  private static JsonNode readTree(JsonParser p, boolean exactDecimals, Set<String> refs)
      throws IOException {
    return JsonTrees.read(p, exactDecimals, Text::of, refs);
  }

  /** The YAML reader, built on first use: most specs handed to the CLI are JSON. */
  public static YAMLMapper yaml() {
    return Yaml.MAPPER;
  }

  private static final class Yaml {
    static final YAMLMapper MAPPER = new YAMLMapper();
  }

  /**
   * A text node that prints itself as JSON directly. {@code TextNode.toString()} goes through an
   * ObjectWriter, which costs microseconds a call until compiled; the schema validator prints each
   * value of every {@code enum} it compiles (thousands in a vendor's spec), so on a short CLI run
   * that was 7% of the CPU. Equal to, and printed as, the {@code TextNode} of the same text.
   */
  static final class Text extends TextNode {

    private Text(String value) {
      super(value);
    }

    static TextNode of(String value) {
      return value.isEmpty() ? TextNode.valueOf(value) : new Text(value);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(_value.length() + 2);
      appendQuoted(b, _value);
      return b.toString();
    }
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
