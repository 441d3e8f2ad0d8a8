package io.pactwire.openapi.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Findings.Validated;
import io.pactwire.openapi.internal.Interactions;
import io.pactwire.openapi.internal.Json;
import io.pactwire.openapi.internal.MediaTypes;
import io.pactwire.openapi.internal.Params;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's body against the schema of its content type (OpenAPI's {@code requestBody} or Swagger
 * 2.0's {@code body} parameter); form and multipart bodies are read into fields first.
 */
final class RequestBodyCheck {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=(.*)");
  private static final Pattern PART_NAME = Pattern.compile("name=\"([^\"]*)\"");

  private final OperationSpec spec;

  RequestBodyCheck(OperationSpec spec) {
    this.spec = spec;
  }

  void check(HttpInteraction h, Route r, List<Finding> out) {
    String requestContentType = h.requestHeaders().getOrDefault("content-type", "");
    String contentType = spec.requestContentType(h, r);
    JsonNode bodyParameter = null;
    for (JsonNode p : r.operation().path("parameters")) {
      if ("body".equals(p.path("in").asText())) {
        bodyParameter = p;
      }
    }
    JsonNode requestBody = spec.deref(r.operation().path("requestBody"));
    JsonNode content = requestBody.path("content");
    JsonNode schema = null;
    String key = MediaTypes.match(contentType, OperationSpec.keys(content));
    if (key != null && content.get(key).has("schema")) {
      schema = content.get(key).get("schema");
    } else if (bodyParameter != null && bodyParameter.has("schema")) {
      schema = bodyParameter.get("schema");
    }
    boolean required =
        requestBody.path("required").asBoolean(false)
            || (bodyParameter != null && bodyParameter.path("required").asBoolean(false));
    if (!required && h.requestBody() == null) {
      return;
    }
    boolean validatable = MediaTypes.validatable(contentType, true);
    if (!validatable && h.requestBody() == null) {
      return;
    }
    String contentLocation = r.location() + ".requestBody.content";
    JsonNode specContent = r.operation().path("requestBody").get("content");
    if (!validatable) {
      if (h.validRequest()) {
        out.add(
            Findings.requestBodyUnvalidatable(contentType)
                .at(h.at(".request.body", h.requestBody()), r.at(contentLocation, specContent)));
      }
      return;
    }
    if (schema != null && h.validRequest()) {
      JsonNode value = parseBody(h.requestBody(), requestContentType);
      String schemaId = r.location() + ".requestBody.content." + contentType;
      out.addAll(
          spec.validate(
              h,
              r,
              Validated.REQUEST_BODY,
              schemaId,
              schema,
              false,
              value == null ? NullNode.getInstance() : value,
              ".request.body"));
    }
    if (Interactions.truthy(h.requestBody()) && schema == null && h.validRequest()) {
      out.add(
          Findings.requestBodyUnknown()
              .at(h.at(".request.body", h.requestBody()), r.at(contentLocation, specContent)));
    }
  }

  /** A form or multipart body as an object of its fields; any other body as it is. */
  private static JsonNode parseBody(JsonNode body, String contentType) {
    if (body == null || !body.isTextual()) {
      return body;
    }
    if (contentType.contains("application/x-www-form-urlencoded")) {
      return Params.parseQuery(body.asText(), true);
    }
    if (contentType.contains("multipart/form-data")) {
      Matcher m = BOUNDARY.matcher(contentType);
      if (m.find()) {
        ObjectNode parts = Json.NODES.objectNode();
        String boundary = "--" + m.group(1);
        for (String part : body.asText().split(Pattern.quote(boundary))) {
          Matcher name = PART_NAME.matcher(part);
          int split = part.indexOf("\r\n\r\n");
          int len = 4;
          if (split < 0) {
            split = part.indexOf("\n\n");
            len = 2;
          }
          if (name.find() && split >= 0) {
            String data = part.substring(split + len).replaceAll("\\r?\\n$", "");
            parts.put(name.group(1), data);
          }
        }
        return parts;
      }
    }
    return body;
  }
}
