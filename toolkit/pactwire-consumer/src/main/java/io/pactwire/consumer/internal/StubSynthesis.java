package io.pactwire.consumer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.internal.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Synthesises an example exchange from a stub's own patterns, where no real request exists. */
public final class StubSynthesis {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** An example exchange, or why there is none. */
  public sealed interface Result {

    /** An example request the stub matches, and the stub's response. */
    record Example(ExampleRequest request, ExampleResponse response) implements Result {}

    /** No example: the reason, as a phrase that follows the stub's name. */
    record Impossible(String reason) implements Result {}
  }

  private static final class NoExample extends RuntimeException {
    NoExample(String reason) {
      super(reason, null, false, false);
    }
  }

  private StubSynthesis() {}

  /**
   * Synthesises the example.
   *
   * @param mappingDir the folder of the mapping file, for {@code bodyFileName} (in {@code
   *     ../__files/}); {@code null} for none
   */
  public static Result synthesise(JsonNode stub, Path mappingDir) {
    try {
      return new Result.Example(
          request(stub.path("request")), response(stub.path("response"), mappingDir));
    } catch (NoExample e) {
      return new Result.Impossible(e.getMessage());
    }
  }

  private static ExampleRequest request(JsonNode pattern) {
    String method = pattern.path("method").asText("ANY");
    if (method.equals("ANY")) {
      method = "GET";
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    String path = "/";
    if (pattern.hasNonNull("url")) {
      String url = pattern.get("url").asText();
      int q = url.indexOf('?');
      path = q < 0 ? url : url.substring(0, q);
      if (q >= 0) {
        for (String pair : url.substring(q + 1).split("&")) {
          int eq = pair.indexOf('=');
          query
              .computeIfAbsent(eq < 0 ? pair : pair.substring(0, eq), k -> new ArrayList<>())
              .add(eq < 0 ? "" : pair.substring(eq + 1));
        }
      }
    } else if (pattern.hasNonNull("urlPath")) {
      path = pattern.get("urlPath").asText();
    } else if (pattern.hasNonNull("urlPathTemplate")) {
      Matcher m = Pattern.compile("\\{([^}/]+)}").matcher(pattern.get("urlPathTemplate").asText());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        JsonNode param = pattern.path("pathParameters").path(m.group(1));
        String value =
            param.isMissingNode() ? m.group(1) : value(param, "path parameter " + m.group(1));
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      path = out.toString();
    } else {
      for (String key : new String[] {"urlPathPattern", "urlPattern"}) {
        if (pattern.hasNonNull(key)) {
          path = pathExample(pattern.get(key).asText(), key);
        }
      }
    }
    final String where = "query parameter ";
    pattern
        .path("queryParameters")
        .fields()
        .forEachRemaining(
            e -> {
              if (!InteractionBuilder.isAbsent(e.getValue())) {
                query.put(e.getKey(), List.of(value(e.getValue(), where + e.getKey())));
              }
            });
    Map<String, List<String>> headers = new LinkedHashMap<>();
    pattern
        .path("headers")
        .fields()
        .forEachRemaining(
            e -> {
              if (!InteractionBuilder.isAbsent(e.getValue())) {
                headers.put(e.getKey(), List.of(value(e.getValue(), "header " + e.getKey())));
              }
            });
    if (pattern.has("basicAuthCredentials")) {
      String credentials =
          pattern.get("basicAuthCredentials").path("username").asText()
              + ":"
              + pattern.get("basicAuthCredentials").path("password").asText();
      headers.put(
          "Authorization",
          List.of(
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
    }
    List<String> cookies = new ArrayList<>();
    pattern
        .path("cookies")
        .properties()
        .forEach(
            e -> {
              if (!InteractionBuilder.isAbsent(e.getValue())) {
                try {
                  cookies.add(e.getKey() + "=" + value(e.getValue(), "cookie " + e.getKey()));
                } catch (NoExample none) {
                  // a cookie pattern with no example (doesNotMatch, and/or) is left out, as
                  // every cookie was before cookies were read
                }
              }
            });
    if (!cookies.isEmpty()) {
      headers.put("Cookie", List.of(String.join("; ", cookies)));
    }
    String body = body(pattern.path("bodyPatterns"), headers);
    return new ExampleRequest(method, path, query, headers, body);
  }

  private static String pathExample(String regex, String key) {
    Optional<String> example = RegexExamples.example(regex);
    if (example.isPresent() && !example.get().startsWith("/")) {
      String slashed = "/" + example.get();
      example =
          Pattern.compile(regex).matcher(slashed).matches()
              ? Optional.of(slashed)
              : Optional.empty();
    }
    return example.orElseThrow(
        () ->
            new NoExample(
                "has no example path for its " + key + " " + regex + ": capture it from a test"));
  }

  private static String value(JsonNode pattern, String what) {
    if (pattern.hasNonNull("equalTo")) {
      return pattern.get("equalTo").asText();
    }
    if (pattern.hasNonNull("contains")) {
      return pattern.get("contains").asText();
    }
    if (pattern.hasNonNull("matches")) {
      String regex = pattern.get("matches").asText();
      return RegexExamples.example(regex)
          .orElseThrow(
              () ->
                  new NoExample(
                      "has no example for the "
                          + what
                          + " regex "
                          + regex
                          + ": capture it from a test"));
    }
    String operator = pattern.fieldNames().hasNext() ? pattern.fieldNames().next() : "(none)";
    throw new NoExample(
        "matches its "
            + what
            + " with "
            + operator
            + ", which gives no example: capture it from a test");
  }

  private static String body(JsonNode bodyPatterns, Map<String, List<String>> headers) {
    if (bodyPatterns.isEmpty()) {
      return null;
    }
    JsonNode json = null;
    String text = null;
    for (JsonNode p : bodyPatterns) {
      if (p.has("equalToJson")) {
        json =
            merge(
                json,
                withPlaceholderExamples(
                    InteractionBuilder.expectedJson(p.get("equalToJson")).deepCopy()));
      } else if (p.has("matchesJsonPath")) {
        JsonNode jp = p.get("matchesJsonPath");
        String expression = jp.isTextual() ? jp.asText() : jp.path("expression").asText();
        Optional<JsonPath> path = JsonPath.tryParse(expression).filter(JsonPath::isConcrete);
        if (path.isEmpty()) {
          throw new NoExample(
              "matches its body with the JSONPath filter "
                  + expression
                  + ", which gives no example: capture it from a test");
        }
        JsonNode leaf =
            jp.isObject() && (jp.has("equalTo") || jp.has("matches") || jp.has("contains"))
                ? NODES.textNode(value(jp, "JSONPath " + expression))
                : NODES.textNode("string");
        json = merge(json, objectAt(path.get(), leaf));
      } else if (p.has("matchesJsonSchema")) {
        json = merge(json, fromSchema(InteractionBuilder.expectedJson(p.get("matchesJsonSchema"))));
      } else if (p.has("equalToXml") || p.has("matchesXPath")) {
        throw new NoExample(
            "matches an XML body ("
                + (p.has("equalToXml") ? "equalToXml" : "matchesXPath")
                + "), which Pactwire does not turn into Pact rules");
      } else if (p.has("binaryEqualTo")) {
        throw new NoExample("matches a binary body (binaryEqualTo)");
      } else {
        text = value(p, "body");
      }
    }
    if (json != null) {
      headers.putIfAbsent("Content-Type", List.of("application/json"));
      return json.toString();
    }
    return text;
  }

  private static JsonNode withPlaceholderExamples(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        object.set(key, withPlaceholderExamples(object.get(key)));
      }
      return object;
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, withPlaceholderExamples(array.get(i)));
      }
      return array;
    }
    String text = node.isTextual() ? node.asText() : "";
    if (text.startsWith("${json-unit.regex}")) {
      String regex = text.substring("${json-unit.regex}".length());
      return NODES.textNode(
          RegexExamples.example(regex)
              .orElseThrow(() -> new NoExample("has no example for the json-unit regex " + regex)));
    }
    return switch (text) {
      case "${json-unit.any-string}" -> NODES.textNode("string");
      case "${json-unit.any-number}" -> NODES.numberNode(1);
      case "${json-unit.any-boolean}" -> NODES.booleanNode(true);
      case "${json-unit.ignore}", "${json-unit.ignore-element}" -> NODES.textNode("ignored");
      default -> node;
    };
  }

  private static JsonNode objectAt(JsonPath path, JsonNode leaf) {
    List<JsonPath.Segment> steps = path.segments();
    JsonNode node = leaf;
    for (int i = steps.size() - 1; i >= 0; i--) {
      node =
          steps.get(i) instanceof JsonPath.Field field
              ? NODES.objectNode().set(field.name(), node)
              : NODES.arrayNode().add(node);
    }
    return node;
  }

  private static JsonNode merge(JsonNode into, JsonNode from) {
    if (into == null) {
      return from;
    }
    if (into.isObject() && from.isObject()) {
      from.fields()
          .forEachRemaining(
              e ->
                  ((ObjectNode) into)
                      .set(
                          e.getKey(),
                          into.has(e.getKey())
                              ? merge(into.get(e.getKey()), e.getValue())
                              : e.getValue()));
      return into;
    }
    return into;
  }

  static JsonNode fromSchema(JsonNode schema) {
    if (schema.has("enum") && schema.get("enum").size() > 0) {
      return schema.get("enum").get(0);
    }
    if (schema.has("const")) {
      return schema.get("const");
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    return switch (type) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        schema
            .path("properties")
            .fields()
            .forEachRemaining(e -> object.set(e.getKey(), fromSchema(e.getValue())));
        yield object;
      }
      case "array" -> NODES.arrayNode().add(fromSchema(schema.path("items")));
      case "integer" -> NODES.numberNode(1);
      case "number" -> NODES.numberNode(1.5);
      case "boolean" -> NODES.booleanNode(true);
      case "null" -> NODES.nullNode();
      default -> {
        String pattern = schema.path("pattern").asText("");
        if (!pattern.isEmpty()) {
          // an example the pattern (and so the rule built from it) accepts
          yield NODES.textNode(
              RegexExamples.example(pattern)
                  .or(() -> RegexExamples.example(InteractionBuilder.wholeStringRegex(pattern)))
                  .orElseThrow(
                      () ->
                          new NoExample("has no example for the JSON schema pattern " + pattern)));
        }
        yield NODES.textNode(
            schema.path("format").asText("").equals("date-time")
                ? "2026-01-01T00:00:00Z"
                : "string");
      }
    };
  }

  private static ExampleResponse response(JsonNode definition, Path mappingDir) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    definition
        .path("headers")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> values = new ArrayList<>();
              if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
              } else {
                values.add(e.getValue().asText());
              }
              headers.put(e.getKey(), values);
            });
    String body = null;
    if (definition.has("jsonBody")) {
      body = definition.get("jsonBody").toString();
    } else if (definition.hasNonNull("body")) {
      body = definition.get("body").asText();
    } else if (definition.hasNonNull("base64Body")) {
      byte[] bytes = Base64.getDecoder().decode(definition.get("base64Body").asText());
      body = new String(bytes, StandardCharsets.UTF_8);
      if (!java.util.Arrays.equals(bytes, body.getBytes(StandardCharsets.UTF_8))) {
        throw new NoExample(
            "returns a binary body (base64Body), which a JSON pact cannot hold as text");
      }
    } else if (definition.hasNonNull("bodyFileName")) {
      String name = definition.get("bodyFileName").asText();
      Path file = mappingDir == null ? null : mappingDir.resolveSibling("__files").resolve(name);
      if (file == null || !Files.isRegularFile(file)) {
        throw new NoExample(
            "returns the body file "
                + name
                + " (bodyFileName), which is not in ../__files beside the mapping: capture it from a test");
      }
      try {
        body = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new NoExample("returns the body file " + file + ", which cannot be read: " + e);
      }
    }
    return new ExampleResponse(definition.path("status").asInt(200), headers, body);
  }
}
