package io.pactwire.openapi.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.Finding.SpecDetails;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.MediaTypes;
import io.pactwire.openapi.internal.SchemaValidator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks HTTP interactions against an OpenAPI 3.x or Swagger 2.0 document: finds the operation of
 * an interaction, then runs the checks of its path, security, request headers, query, request body
 * and response; and tells the matching-rule checks which schema a body, header or parameter has.
 */
public final class HttpChecker {

  private final OperationSpec spec;
  private final Routes routes;
  private final PathCheck path;
  private final SecurityCheck security;
  private final RequestHeaderCheck requestHeaders;
  private final QueryCheck query;
  private final RequestBodyCheck requestBody;
  private final ResponseCheck response;

  public HttpChecker(JsonNode oas, SchemaValidator validator) {
    this.spec = new OperationSpec(oas, validator);
    this.routes = new Routes(oas);
    this.path = new PathCheck(spec);
    this.security = new SecurityCheck(spec);
    this.requestHeaders = new RequestHeaderCheck(spec);
    this.query = new QueryCheck(spec);
    this.requestBody = new RequestBodyCheck(spec);
    this.response = new ResponseCheck(spec);
  }

  /** Checks one interaction, adding findings to {@code out}. */
  public void check(HttpInteraction h, List<Finding> out) {
    Routes.Found found = routes.find(h);
    if (found == null) {
      out.add(
          Findings.pathOrMethodUnknown(h.method(), h.path())
              .at(
                  h.at(".request.path", TextNode.valueOf(h.path())),
                  new SpecDetails("[root].paths", null, null, null)));
      return;
    }
    Route r = found.route();
    List<Finding> pathFindings = new ArrayList<>();
    path.check(h, r, found.params(), pathFindings);
    if (!pathFindings.isEmpty()) {
      out.addAll(pathFindings);
      return;
    }
    security.check(h, r, out);
    List<Finding> headerFindings = new ArrayList<>();
    requestHeaders.check(h, r, headerFindings);
    out.addAll(headerFindings);
    query.check(h, r, out);
    if (headerFindings.stream()
        .noneMatch(f -> f.code().equals(Findings.REQUEST_CONTENT_TYPE_INCOMPATIBLE))) {
      requestBody.check(h, r, out);
    }
    response.check(h, r, out);
  }

  /** A body's schema, prepared, with the location the reference reports it under. */
  public record BodySchema(String schemaId, ObjectNode prepared) {}

  /**
   * Returns the prepared schema for the request or response body of an interaction, or null when
   * the spec defines none (the findings of {@link #check} then say why).
   */
  public BodySchema bodySchema(HttpInteraction h, boolean response) {
    Routes.Found found = routes.find(h);
    if (found == null) {
      return null;
    }
    Route r = found.route();
    if (!response) {
      String contentType = spec.requestContentType(h, r);
      JsonNode schema = null;
      JsonNode content = spec.deref(r.operation().path("requestBody")).path("content");
      String key = MediaTypes.match(contentType, OperationSpec.keys(content));
      if (key != null && content.get(key).has("schema")) {
        schema = content.get(key).get("schema");
      }
      for (JsonNode p : r.operation().path("parameters")) {
        if (schema == null && "body".equals(p.path("in").asText()) && p.has("schema")) {
          schema = p.get("schema");
        }
      }
      if (schema == null) {
        return null;
      }
      String schemaId = r.location() + ".requestBody.content." + contentType;
      return new BodySchema(schemaId, spec.prepare(schemaId, schema, false));
    }
    JsonNode res = spec.response(r, h.status());
    if (res == null) {
      return null;
    }
    OperationSpec.ResponseContent negotiated = spec.negotiate(r, res, h);
    JsonNode schema = negotiated.schema();
    if (schema == null) {
      return null;
    }
    String schemaId =
        OperationSpec.responseLocation(r, h.status()) + ".content." + negotiated.contentType();
    return new BodySchema(schemaId, spec.prepare(schemaId, schema, true));
  }

  /** A parameter's or header's schema, prepared, and where the spec declares that schema. */
  public record Declared(String location, ObjectNode prepared) {}

  /**
   * The schema of a request header, query or path parameter ({@code in} "header", "query" or
   * "path") or of a response header ({@code in} "response-header") of the operation an interaction
   * names; header names are compared without case. Null when the spec declares none: a header that
   * a security scheme requires, or the Content-Type of a response, has no schema to check.
   */
  public Declared declared(HttpInteraction h, String in, String name) {
    Routes.Found found = routes.find(h);
    if (found == null) {
      return null;
    }
    Route r = found.route();
    if ("response-header".equals(in)) {
      JsonNode response = spec.response(r, h.status());
      if (response == null || "content-type".equalsIgnoreCase(name)) {
        return null;
      }
      JsonNode headers = spec.deref(response).path("headers");
      for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equalsIgnoreCase(name)) {
          JsonNode header = spec.deref(e.getValue());
          JsonNode schema = header.has("schema") ? header.get("schema") : header;
          String id = OperationSpec.responseLocation(r, h.status()) + ".headers." + e.getKey();
          return new Declared(
              id + (header.has("schema") ? ".schema" : ""), spec.prepare(id, schema, false));
        }
      }
      return null;
    }
    JsonNode parameters = r.operation().path("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode p = parameters.get(i);
      String n = p.path("name").asText();
      if (in.equals(p.path("in").asText())
          && ("header".equals(in) ? n.equalsIgnoreCase(name) : n.equals(name))) {
        String id = r.location() + ".parameters[" + i + "]";
        return new Declared(
            id + (p.has("schema") ? ".schema" : ""),
            spec.prepare(id, OperationSpec.parameterSchema(p), false));
      }
    }
    return null;
  }

  /** A path parameter's name and where its value stands in a path. */
  public record PathParam(String name, int start, int end) {}

  /** The template of the operation a path names, and its parameters' values in that path. */
  public record PathMatch(String template, List<PathParam> params) {}

  /** The operation of the interaction's method that has {@code path}, or null when none has. */
  public PathMatch pathMatch(HttpInteraction h, String path) {
    return routes.pathMatch(h, path);
  }
}
