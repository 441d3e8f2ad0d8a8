package io.pactwire.openapi.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Json;
import io.pactwire.openapi.internal.MediaTypes;
import io.pactwire.openapi.internal.SchemaPreparer;
import io.pactwire.openapi.internal.SchemaValidator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the HTTP checks ask of the spec about an operation: its content types, the response of a
 * status, its security schemes, and its schemas prepared (once per content) and validated.
 */
final class OperationSpec {

  private final JsonNode oas;
  private final boolean swagger2;
  private final SchemaValidator validator;
  private final Map<String, ObjectNode> prepared = new ConcurrentHashMap<>();
  private final Map<Content, ObjectNode> preparedByContent = new ConcurrentHashMap<>();

  /**
   * A schema as a key by its content (deep equality), for one direction. Written out: a record's
   * generated equals and hashCode bootstrap a method-handle chain on first use, 6% of the CPU of a
   * CLI run.
   */
  private record Content(boolean response, JsonNode schema) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Content c && c.response == response && c.schema.equals(schema);
    }

    @Override
    public int hashCode() {
      return 31 * schema.hashCode() + (response ? 1 : 0);
    }
  }

  /** The response's content type as negotiated with the request's Accept, and its schema. */
  record ResponseContent(String contentType, JsonNode schema) {}

  OperationSpec(JsonNode oas, SchemaValidator validator) {
    this.oas = oas;
    this.swagger2 = oas.has("swagger");
    this.validator = validator;
  }

  JsonNode oas() {
    return oas;
  }

  boolean swagger2() {
    return swagger2;
  }

  /** Follows a {@code $ref} of the spec. */
  JsonNode deref(JsonNode node) {
    return Json.deref(node, oas);
  }

  ObjectNode prepare(String id, JsonNode schema, boolean response) {
    // operations that share a schema (every PayPal order response refers to one "order") share
    // one prepared copy, and so one compiled schema; locations still come from the id
    return prepared.computeIfAbsent(
        id + "|" + response,
        k ->
            preparedByContent.computeIfAbsent(
                new Content(response, schema),
                c -> {
                  ObjectNode p = SchemaPreparer.prepare(schema, oas);
                  return response ? SchemaPreparer.forResponse(p) : p;
                }));
  }

  /** The violations of {@code value} against a request-side schema at {@code schemaId}. */
  List<SchemaValidator.Violation> violations(String schemaId, JsonNode schema, JsonNode value) {
    return validator.validate(schemaId + "|false", prepare(schemaId, schema, false), value);
  }

  /** The findings of {@code value} against a schema of the operation, one per violation. */
  List<Finding> validate(
      HttpInteraction h,
      Route r,
      Findings.Validated what,
      String schemaId,
      JsonNode schema,
      boolean response,
      JsonNode value,
      String mockPrefix) {
    List<Finding> out = new ArrayList<>();
    ObjectNode p = prepare(schemaId, schema, response);
    for (SchemaValidator.Violation v : validator.validate(schemaId + "|" + response, p, value)) {
      out.add(
          Findings.incompatible(what, v.message())
              .at(
                  h.at(mockPrefix + v.instanceSuffix(), v.valueIn(value)),
                  r.at(schemaId + ".schema." + v.schemaDotted(), v.schemaValue())));
    }
    return out;
  }

  static JsonNode parameterSchema(JsonNode p) {
    if (p.has("schema")) {
      return p.get("schema");
    }
    ObjectNode s = ((ObjectNode) p).deepCopy();
    s.remove(List.of("name", "in", "description", "required"));
    return s;
  }

  JsonNode securitySchemes() {
    return swagger2
        ? oas.path("securityDefinitions")
        : oas.path("components").path("securitySchemes");
  }

  /**
   * The names of API keys the operation's security reads from {@code in} (header names in lower
   * case): such headers and query parameters are not unknown.
   */
  Set<String> apiKeys(Route r, String in) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode requirement : r.operation().path("security")) {
      for (Iterator<String> it = requirement.fieldNames(); it.hasNext(); ) {
        JsonNode scheme = deref(securitySchemes().path(it.next()));
        if ("apiKey".equals(scheme.path("type").asText())
            && in.equals(scheme.path("in").asText())) {
          String name = scheme.path("name").asText();
          names.add("header".equals(in) ? name.toLowerCase(Locale.ROOT) : name);
        }
      }
    }
    return names;
  }

  List<String> requestContentTypes(Route r) {
    if (r.operation().has("consumes")) {
      return strings(r.operation().get("consumes"));
    }
    return keys(deref(r.operation().path("requestBody")).path("content"));
  }

  List<String> responseContentTypes(Route r, JsonNode response) {
    if (r.operation().has("produces")) {
      return strings(r.operation().get("produces"));
    }
    return keys(deref(response == null ? Json.NODES.objectNode() : response).path("content"));
  }

  /** Every content type that some response of the operation produces. */
  List<String> allResponseContentTypes(Route r) {
    if (r.operation().has("produces")) {
      return strings(r.operation().get("produces"));
    }
    List<String> all = new ArrayList<>();
    for (JsonNode response : r.operation().path("responses")) {
      all.addAll(keys(deref(response).path("content")));
    }
    return all;
  }

  static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(x -> out.add(x.asText()));
    return out;
  }

  static List<String> keys(JsonNode o) {
    List<String> out = new ArrayList<>();
    if (o != null) {
      o.fieldNames().forEachRemaining(out::add);
    }
    return out;
  }

  static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  /** The content type a request body is read as: its own, as the operation names it. */
  String requestContentType(HttpInteraction h, Route r) {
    String requestContentType = h.requestHeaders().getOrDefault("content-type", "");
    return requestContentType.isEmpty()
        ? "application/json"
        : firstNonNull(
            MediaTypes.match(requestContentType, requestContentTypes(r)), requestContentType);
  }

  ResponseContent negotiate(Route r, JsonNode response, HttpInteraction h) {
    JsonNode deref = deref(response);
    List<String> produces = responseContentTypes(r, response);
    String contentType =
        firstNonNull(
            MediaTypes.match(
                h.requestHeaders().getOrDefault("accept", "application/json"), produces),
            produces.isEmpty() ? "application/json" : produces.get(0));
    JsonNode schema = deref.get("schema");
    if (schema == null) {
      JsonNode content = deref.path("content");
      String key = MediaTypes.match(contentType, keys(content));
      if (key != null) {
        schema = content.get(key).get("schema");
      }
    }
    return new ResponseContent(contentType, schema);
  }

  JsonNode response(Route r, int status) {
    String key = responseKey(r, status);
    return key == null ? null : r.operation().path("responses").get(key);
  }

  /**
   * The key of {@code responses} that describes a status: the status itself, its range ({@code
   * 2XX}) or {@code default}; locations name it, so that they point at what the spec says.
   */
  static String responseKey(Route r, int status) {
    JsonNode responses = r.operation().path("responses");
    for (String key :
        List.of(String.valueOf(status), (status / 100) + "XX", (status / 100) + "xx", "default")) {
      if (responses.has(key)) {
        return key;
      }
    }
    return null;
  }

  /**
   * The location of the response of a status, such as {@code [root].paths./p.get.responses.200}.
   */
  static String responseLocation(Route r, int status) {
    return r.location() + ".responses." + responseKey(r, status);
  }
}
