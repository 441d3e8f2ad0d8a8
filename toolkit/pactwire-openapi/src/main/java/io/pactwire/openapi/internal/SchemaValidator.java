package io.pactwire.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates values against prepared schemas with networknt's JSON Schema 2019-09 validator. */
public final class SchemaValidator {

  /** One failed assertion, with ajv-style message and paths relative to the prepared schema. */
  public record Violation(
      String keyword,
      List<String> instancePath,
      List<String> schemaPath,
      String message,
      JsonNode schemaValue,
      List<String> evaluationPath) {

    /** The instance path as {@code .a.0.b} (empty at the root). */
    public String instanceSuffix() {
      StringBuilder b = new StringBuilder();
      instancePath.forEach(p -> b.append('.').append(p));
      return b.toString();
    }

    /** The part of {@code value} the violation is about (null when it is absent). */
    public JsonNode valueIn(JsonNode value) {
      JsonNode at = value;
      for (String s : instancePath) {
        at = at == null ? null : at.isArray() ? at.get(Integer.parseInt(s)) : at.get(s);
      }
      return at;
    }

    /** The schema path as {@code properties.a.type}. */
    public String schemaDotted() {
      return String.join(".", schemaPath);
    }
  }

  private final JsonSchemaFactory factory = Factory.INSTANCE;
  private final SchemaValidatorsConfig config = Factory.CONFIG;
  // interactions are checked in parallel; networknt schemas are thread-safe once built
  private final Map<String, Compiled> cache = new java.util.concurrent.ConcurrentHashMap<>();

  // callers that prepare one schema for several ids hand in the same object: compile it once
  private final Map<Identity, Compiled> compiled = new java.util.concurrent.ConcurrentHashMap<>();

  private record Compiled(ObjectNode prepared, JsonSchema schema) {}

  /** A prepared schema as a key by identity: equal content is not asked for, and costs a walk. */
  private record Identity(ObjectNode node) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity i && i.node == node;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(node);
    }
  }

  /**
   * Thread-safe, and the costliest object of the validator to build: one per process, built on
   * first use (by the warm-up thread, when there is one), not when this class is loaded.
   */
  private static final class Factory {
    static final JsonSchemaFactory INSTANCE =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909);
    static final SchemaValidatorsConfig CONFIG =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            // a $ref is compiled when a value first reaches it, not with the schema: a pact
            // exercises a small part of a vendor's schema (PayPal's order: 92 KB prepared)
            .preloadJsonSchema(false)
            .build();
  }

  private static final java.util.concurrent.atomic.AtomicBoolean WARMING =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Once per process, builds the factory and runs the common keywords on a throw-away schema on a
   * daemon thread, so that this overlaps reading the spec; a check that gets there first simply
   * waits for the classes it shares.
   */
  public static void warmUpInBackground() {
    if (!WARMING.compareAndSet(false, true)) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                new SchemaValidator()
                    .validate(
                        "warm-up",
                        (ObjectNode) Json.readTree(WARM_UP_SCHEMA),
                        Json.readTree(WARM_UP_VALUE));
              } catch (java.io.IOException | RuntimeException e) {
                // only a head start: the check itself reports whatever goes wrong
              }
            },
            "pactwire-validator-warm-up");
    t.setDaemon(true);
    t.start();
  }

  // a value that conforms: one that fails would also load and format error messages, which a
  // passing check never needs and a failing one loads when it gets there
  static final String WARM_UP_SCHEMA =
      """
      {"type": "object", "additionalProperties": false, "required": ["a"],
       "properties": {
         "a": {"type": "string", "pattern": "^[0-9]{4}-", "minLength": 1, "maxLength": 30,
               "format": "date-time", "enum": ["2026-01-01T00:00:00Z"]},
         "b": {"type": ["integer", "null"], "minimum": 0, "maximum": 9, "multipleOf": 1},
         "c": {"type": "array", "items": {"$ref": "#/$defs/d"}, "minItems": 1},
         "e": {"oneOf": [{"type": "number"}, {"type": "boolean"}]},
         "f": {"anyOf": [{"const": 1}, {"allOf": [{"type": "object"}]}]}},
       "$defs": {"d": {"type": "object", "properties": {"g": {"type": "string"}}}}}
      """;
  static final String WARM_UP_VALUE =
      """
      {"a": "2026-01-01T00:00:00Z", "b": 1, "c": [{"g": "x"}], "e": 1, "f": 1}
      """;

  /** Validates {@code value}; {@code id} caches the compiled {@code prepared} schema. */
  public List<Violation> validate(String id, ObjectNode prepared, JsonNode value) {
    Compiled c =
        cache.computeIfAbsent(
            id,
            k ->
                compiled.computeIfAbsent(
                    new Identity(prepared),
                    p -> new Compiled(prepared, factory.getSchema(prepared, config))));
    JsonNode discriminated = discriminator(c.prepared, value);
    if (discriminated != null) {
      return List.of(
          new Violation(
              "discriminator",
              List.of(),
              List.of("discriminator"),
              "value of tag \""
                  + c.prepared.path("discriminator").path("propertyName").asText()
                  + "\" must be in oneOf",
              c.prepared.get("discriminator"),
              List.of()));
    }
    Set<ValidationMessage> errors = c.schema.validate(value);
    List<Violation> out = new ArrayList<>();
    Set<String> ifAdded = new LinkedHashSet<>();
    for (ValidationMessage e : errors) {
      List<String> instance = segments(e.getInstanceLocation());
      List<String> schemaPath = segments(e.getSchemaLocation().getFragment());
      String keyword = e.getType();
      if (keyword == null && !schemaPath.isEmpty()) {
        keyword = schemaPath.get(schemaPath.size() - 1);
      }
      JsonNode schemaValue = at(c.prepared, schemaPath);
      String property = e.getProperty();
      if ("required".equals(keyword)
          && property == null
          && e.getArguments() != null
          && e.getArguments().length > 0) {
        property = String.valueOf(e.getArguments()[0]);
      }
      if ("required".equals(keyword)
          && property != null
          && !instance.isEmpty()
          && instance.get(instance.size() - 1).equals(property)) {
        instance = instance.subList(0, instance.size() - 1);
      }
      if ("additionalProperties".equals(keyword)
          && property != null
          && !instance.isEmpty()
          && instance.get(instance.size() - 1).equals(property)) {
        instance = instance.subList(0, instance.size() - 1);
      }
      out.add(
          new Violation(
              keyword,
              instance,
              schemaPath,
              message(keyword, property, schemaValue, e),
              schemaValue,
              segments(e.getEvaluationPath())));
      int then = schemaPath.lastIndexOf("then");
      int otherwise = schemaPath.lastIndexOf("else");
      int branch = Math.max(then, otherwise);
      if (branch >= 0) {
        List<String> ifPath = new ArrayList<>(schemaPath.subList(0, branch));
        ifPath.add("if");
        String which = schemaPath.get(branch);
        if (ifAdded.add(String.join("/", ifPath) + "|" + String.join("/", instance))) {
          out.add(
              new Violation(
                  "if",
                  instance,
                  ifPath,
                  "must match \"" + which + "\" schema",
                  at(c.prepared, ifPath),
                  List.of()));
        }
      }
    }
    return dedupe(collapseBranches(out, c.prepared));
  }

  /**
   * Replaces the errors of every branch of a failed {@code anyOf}/{@code oneOf} with one error at
   * the combinator: a value that matches none of 68 branches is one finding, not 136.
   */
  private static List<Violation> collapseBranches(List<Violation> in, JsonNode prepared) {
    Map<String, List<Violation>> groups = new java.util.LinkedHashMap<>();
    List<Object> order = new ArrayList<>();
    Map<String, List<String>> combinatorSchemaPath = new java.util.HashMap<>();
    for (Violation v : in) {
      int k = combinator(v.evaluationPath);
      if (k < 0) {
        order.add(v);
        continue;
      }
      String key = String.join("/", v.evaluationPath.subList(0, k + 1));
      if (k == v.evaluationPath.size() - 1) {
        combinatorSchemaPath.put(key, v.schemaPath);
      }
      if (!groups.containsKey(key)) {
        order.add(key);
      }
      groups.computeIfAbsent(key, x -> new ArrayList<>()).add(v);
    }
    List<Violation> out = new ArrayList<>();
    for (Object o : order) {
      if (o instanceof Violation v) {
        out.add(v);
        continue;
      }
      List<Violation> group = groups.get((String) o);
      List<String> evaluation = List.of(((String) o).split("/", -1));
      List<String> schemaPath = combinatorSchemaPath.getOrDefault((String) o, evaluation);
      List<String> instance = group.get(0).instancePath;
      for (Violation v : group) {
        int n = 0;
        while (n < instance.size()
            && n < v.instancePath.size()
            && instance.get(n).equals(v.instancePath.get(n))) {
          n++;
        }
        instance = instance.subList(0, n);
      }
      String keyword = schemaPath.get(schemaPath.size() - 1);
      out.add(
          new Violation(
              keyword,
              instance,
              schemaPath,
              "anyOf".equals(keyword)
                  ? "must match a schema in anyOf"
                  : "must match exactly one schema in oneOf",
              at(prepared, schemaPath),
              evaluation));
    }
    return out;
  }

  private static int combinator(List<String> path) {
    for (int i = 0; i < path.size(); i++) {
      String s = path.get(i);
      if (("anyOf".equals(s) || "oneOf".equals(s))
          && (i == path.size() - 1 || path.get(i + 1).matches("\\d+"))) {
        return i;
      }
    }
    return -1;
  }

  private static List<Violation> dedupe(List<Violation> in) {
    List<Violation> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Violation v : in) {
      if (seen.add(v.keyword + v.instancePath + v.schemaPath + v.message)) {
        out.add(v);
      }
    }
    return out;
  }

  /** Returns the discriminator node when {@code value}'s tag selects none of the root's oneOf. */
  private static JsonNode discriminator(ObjectNode prepared, JsonNode value) {
    JsonNode d = prepared.get("discriminator");
    if (d == null || !prepared.has("oneOf") || !value.isObject()) {
      return null;
    }
    String property = d.path("propertyName").asText();
    JsonNode tag = value.get(property);
    if (tag == null || !tag.isTextual()) {
      return d;
    }
    String t = tag.asText();
    if (d.path("mapping").has(t)) {
      return null;
    }
    for (JsonNode branch : prepared.get("oneOf")) {
      String ref = branch.path("$ref").asText("");
      if (ref.endsWith("/" + t)) {
        return null;
      }
    }
    return d;
  }

  private static List<String> segments(JsonNodePath path) {
    List<String> out = new ArrayList<>();
    if (path == null) {
      return out;
    }
    for (int i = 0; i < path.getNameCount(); i++) {
      out.add(String.valueOf(path.getElement(i)));
    }
    return out;
  }

  private static JsonNode at(JsonNode root, List<String> path) {
    JsonNode n = root;
    for (String s : path) {
      if (n == null) {
        return null;
      }
      n = n.isArray() ? n.get(parse(s)) : n.get(s);
    }
    return n;
  }

  private static int parse(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String message(String keyword, String property, JsonNode v, ValidationMessage e) {
    if (keyword == null) {
      return e.getMessage();
    }
    return switch (keyword) {
      case "type" -> "must be " + (v != null && v.isArray() ? join(v) : text(v));
      case "required" -> "must have required property '" + property + "'";
      case "additionalProperties" -> "must NOT have additional properties - " + property;
      case "enum" -> "must be equal to one of the allowed values";
      case "const" -> "must be equal to constant";
      case "minLength" -> "must NOT have fewer than " + text(v) + " characters";
      case "maxLength" -> "must NOT have more than " + text(v) + " characters";
      case "minItems" -> "must NOT have fewer than " + text(v) + " items";
      case "maxItems" -> "must NOT have more than " + text(v) + " items";
      case "minProperties" -> "must NOT have fewer than " + text(v) + " properties";
      case "maxProperties" -> "must NOT have more than " + text(v) + " properties";
      case "minimum" -> "must be >= " + text(v);
      case "maximum" -> "must be <= " + text(v);
      case "exclusiveMinimum" -> "must be > " + text(v);
      case "exclusiveMaximum" -> "must be < " + text(v);
      case "multipleOf" -> "must be multiple of " + text(v);
      case "pattern" -> "must match pattern \"" + text(v) + "\"";
      case "format" -> "must match format \"" + text(v) + "\"";
      case "uniqueItems" -> "must NOT have duplicate items";
      case "oneOf" -> "must match exactly one schema in oneOf";
      case "anyOf" -> "must match a schema in anyOf";
      case "not" -> "must NOT be valid";
      case "false" -> "boolean schema is false";
      default -> e.getMessage();
    };
  }

  /** The keyword's value as text; a scalar's without toString(), which needs an ObjectMapper. */
  private static String text(JsonNode v) {
    return v == null ? "" : v.isValueNode() ? v.asText() : String.valueOf(v);
  }

  private static String join(JsonNode array) {
    List<String> s = new ArrayList<>();
    array.forEach(x -> s.add(x.asText()));
    return String.join(",", s);
  }
}
