package io.pactwire.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.Finding.MockDetails;
import io.pactwire.openapi.Finding.SpecDetails;
import io.pactwire.openapi.Finding.Type;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks HTTP interactions against an OpenAPI 3.x or Swagger 2.0 document. */
public final class HttpChecker {

  private static final List<String> METHODS =
      List.of("get", "post", "put", "patch", "delete", "head", "options", "trace");
  private static final Pattern TEMPLATE = Pattern.compile("\\{([.;]?)([^}*]+?)(\\*?)}");
  private static final Pattern BOUNDARY = Pattern.compile("boundary=(.*)");
  private static final Pattern PART_NAME = Pattern.compile("name=\"([^\"]*)\"");
  private static final Map<String, String> SWAGGER2_SEPARATORS =
      Map.of("ssv", " ", "tsv", "\t", "pipes", "|");

  static final List<String> STANDARD_REQUEST_HEADERS =
      List.of(
          "accept",
          "accept-charset",
          "accept-datetime",
          "accept-encoding",
          "accept-language",
          "authorization",
          "cache-control",
          "connection",
          "content-length",
          "content-md5",
          "content-type",
          "cookie",
          "date",
          "expect",
          "forwarded",
          "from",
          "host",
          "if-match",
          "if-modified-since",
          "if-none-match",
          "if-range",
          "if-unmodified-since",
          "max-forwards",
          "origin",
          "pragma",
          "proxy-authorization",
          "range",
          "referer",
          "te",
          "upgrade",
          "user-agent",
          "via",
          "warning");
  static final List<String> STANDARD_RESPONSE_HEADERS =
      List.of(
          "access-control-allow-origin",
          "accept-patch",
          "accept-ranges",
          "age",
          "allow",
          "alt-svc",
          "cache-control",
          "connection",
          "content-disposition",
          "content-encoding",
          "content-language",
          "content-length",
          "content-location",
          "content-md5",
          "content-range",
          "date",
          "etag",
          "expires",
          "last-modified",
          "link",
          "location",
          "p3p",
          "pragma",
          "proxy-authenticate",
          "public-key-pins",
          "refresh",
          "retry-after",
          "server",
          "set-cookie",
          "status",
          "strict-transport-security",
          "trailer",
          "transfer-encoding",
          "tsv",
          "upgrade",
          "vary",
          "via",
          "warning",
          "www-authenticate",
          "x-frame-options");

  private final JsonNode oas;
  private final boolean swagger2;
  private final SchemaValidator validator;
  private final List<Route> routes = new ArrayList<>();
  private final List<String> serverPrefixes = new ArrayList<>();
  private final Map<String, ObjectNode> prepared = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<Content, ObjectNode> preparedByContent =
      new java.util.concurrent.ConcurrentHashMap<>();

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

  /** A path template and method of the spec, with its operation's effective settings. */
  public record Route(
      String path,
      String method,
      ObjectNode operation,
      Pattern pattern,
      List<JsonNode> pathParams,
      int params,
      int staticLength) {}

  /** The interaction fields the checks read. */
  public record Http(
      JsonNode raw,
      int index,
      String description,
      String state,
      String method,
      String path,
      String query,
      Map<String, String> requestHeaders,
      JsonNode requestBody,
      int status,
      Map<String, String> responseHeaders,
      JsonNode responseBody) {}

  public HttpChecker(JsonNode oas, SchemaValidator validator) {
    this.oas = oas;
    this.swagger2 = oas.has("swagger");
    this.validator = validator;
    boolean caseInsensitive =
        oas.path("info").path("x-opc-config-case-insensitive").asBoolean(false);
    String basePath =
        oas.path("info").path("x-opc-config-base-path").asText(oas.path("basePath").asText(""));
    if ("/".equals(basePath)) {
      basePath = "";
    }
    for (JsonNode server : oas.path("servers")) {
      try {
        String p = URI.create(server.path("url").asText("").replaceAll("\\{[^}]*}", "x")).getPath();
        if (p != null && p.length() > 1) {
          serverPrefixes.add(p.endsWith("/") ? p.substring(0, p.length() - 1) : p);
        }
      } catch (IllegalArgumentException ignored) {
        // a server url we cannot read gives no prefix
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = oas.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode item = Json.deref(e.getValue(), oas);
      for (String method : METHODS) {
        JsonNode op = item.get(method);
        if (op == null || !op.isObject()) {
          continue;
        }
        // a shallow copy: only its own fields are set below, and the checks never change a node
        // of the spec, so the operation's subtrees are shared with the spec, not copied
        ObjectNode operation = Json.NODES.objectNode().setAll((ObjectNode) op);
        List<JsonNode> params = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<JsonNode> all = new ArrayList<>();
        op.path("parameters").forEach(all::add);
        item.path("parameters").forEach(all::add);
        for (JsonNode p : all) {
          JsonNode d = Json.deref(p, oas);
          if (seen.add(d.path("name").asText() + d.path("in").asText())) {
            params.add(d);
          }
        }
        if (!params.isEmpty()) {
          ArrayNode a = operation.putArray("parameters");
          params.forEach(a::add);
        }
        if (swagger2) {
          if (!operation.has("consumes") && oas.has("consumes")) {
            operation.set("consumes", oas.get("consumes"));
          }
          if (!operation.has("produces") && oas.has("produces")) {
            operation.set("produces", oas.get("produces"));
          }
        }
        if (!operation.has("security") && oas.has("security")) {
          operation.set("security", oas.get("security"));
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = TEMPLATE.matcher(e.getKey());
        int last = 0;
        int count = 0;
        int staticLength = 0;
        while (m.find()) {
          String literal = e.getKey().substring(last, m.start()) + m.group(1);
          regex.append(Pattern.quote(literal)).append("([^/]+)");
          staticLength += literal.length();
          count++;
          last = m.end();
        }
        String tail = e.getKey().substring(last);
        regex.append(Pattern.quote(tail));
        staticLength += tail.length();
        List<JsonNode> pathParams = new ArrayList<>();
        Matcher names = TEMPLATE.matcher(e.getKey());
        while (names.find()) {
          pathParams.add(TextNode.valueOf(names.group(2)));
        }
        Pattern pattern =
            Pattern.compile(
                Pattern.quote(basePath) + regex, caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
        routes.add(
            new Route(e.getKey(), method, operation, pattern, pathParams, count, staticLength));
      }
    }
    routes.sort(
        Comparator.comparingInt(Route::params)
            .thenComparing(Comparator.comparingInt(Route::staticLength).reversed()));
  }

  /** Reads an HTTP interaction from the pact's tree. */
  public static Http read(JsonNode raw, int index, boolean v4) {
    JsonNode req = raw.path("request");
    JsonNode res = raw.path("response");
    return new Http(
        raw,
        index,
        Interactions.description(raw),
        Interactions.state(raw),
        req.path("method").asText("GET"),
        req.path("path").asText("/"),
        Interactions.query(req.get("query")),
        Interactions.headers(req.get("headers")),
        Interactions.body(req.get("body"), v4),
        res.path("status").asInt(200),
        Interactions.headers(res.get("headers")),
        Interactions.body(res.get("body"), v4));
  }

  private record Found(Route route, Map<String, String> params) {}

  private Found find(String method, String path) {
    Found f = find(method, path, path);
    if (f == null) {
      for (String prefix : serverPrefixes) {
        if (path.startsWith(prefix + "/")) {
          f = find(method, path.substring(prefix.length()), path);
          if (f != null) {
            return f;
          }
        }
      }
    }
    return f;
  }

  private Found find(String method, String path, String original) {
    for (Route r : routes) {
      if (!r.method.equalsIgnoreCase(method)) {
        continue;
      }
      Matcher m = r.pattern.matcher(path);
      if (m.matches()) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < r.pathParams.size(); i++) {
          params.put(r.pathParams.get(i).asText().replace("-", ""), m.group(i + 1));
        }
        return new Found(r, params);
      }
    }
    return null;
  }

  /** A body's schema, prepared, with the location the reference reports it under. */
  public record BodySchema(String schemaId, ObjectNode prepared) {}

  /**
   * Returns the prepared schema for the request or response body of an interaction, or null when
   * the spec defines none (the findings of {@link #check} then say why).
   */
  public BodySchema bodySchema(Http h, boolean response) {
    String path = h.path.startsWith("/") ? h.path : "/" + h.path;
    Found found = path.contains("?") ? null : find(h.method.toUpperCase(Locale.ROOT), path);
    if (found == null) {
      return null;
    }
    Route r = found.route;
    if (!response) {
      String requestContentType = h.requestHeaders.getOrDefault("content-type", "");
      String contentType =
          requestContentType.isEmpty()
              ? "application/json"
              : firstNonNull(
                  MediaTypes.match(requestContentType, requestContentTypes(r)), requestContentType);
      JsonNode schema = null;
      JsonNode content = Json.deref(r.operation.path("requestBody"), oas).path("content");
      String key = MediaTypes.match(contentType, keys(content));
      if (key != null && content.get(key).has("schema")) {
        schema = content.get(key).get("schema");
      }
      for (JsonNode p : r.operation.path("parameters")) {
        if (schema == null && "body".equals(p.path("in").asText()) && p.has("schema")) {
          schema = p.get("schema");
        }
      }
      if (schema == null) {
        return null;
      }
      String schemaId = opLocation(r) + ".requestBody.content." + contentType;
      return new BodySchema(schemaId, prepare(schemaId, schema, false));
    }
    JsonNode res = response(r, h.status);
    if (res == null) {
      return null;
    }
    ResponseContent negotiated = negotiate(r, res, h);
    String contentType = negotiated.contentType();
    JsonNode schema = negotiated.schema();
    if (schema == null) {
      return null;
    }
    String schemaId =
        opLocation(r) + ".responses." + responseKey(r, h.status) + ".content." + contentType;
    return new BodySchema(schemaId, prepare(schemaId, schema, true));
  }

  /** A parameter's or header's schema, prepared, and where the spec declares that schema. */
  record Declared(String location, ObjectNode prepared) {}

  /**
   * The schema of a request header, query or path parameter ({@code in} "header", "query" or
   * "path") or of a response header ({@code in} "response-header") of the operation an interaction
   * names; header names are compared without case. Null when the spec declares none: a header that
   * a security scheme requires, or the Content-Type of a response, has no schema to check.
   */
  Declared declared(Http h, String in, String name) {
    String path = h.path.startsWith("/") ? h.path : "/" + h.path;
    Found found = path.contains("?") ? null : find(h.method.toUpperCase(Locale.ROOT), path);
    if (found == null) {
      return null;
    }
    Route r = found.route;
    if ("response-header".equals(in)) {
      JsonNode response = response(r, h.status);
      if (response == null || "content-type".equalsIgnoreCase(name)) {
        return null;
      }
      JsonNode headers = Json.deref(response, oas).path("headers");
      for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equalsIgnoreCase(name)) {
          JsonNode header = Json.deref(e.getValue(), oas);
          JsonNode schema = header.has("schema") ? header.get("schema") : header;
          String id =
              opLocation(r) + ".responses." + responseKey(r, h.status) + ".headers." + e.getKey();
          return new Declared(
              id + (header.has("schema") ? ".schema" : ""), prepare(id, schema, false));
        }
      }
      return null;
    }
    JsonNode parameters = r.operation.path("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode p = parameters.get(i);
      String n = p.path("name").asText();
      if (in.equals(p.path("in").asText())
          && ("header".equals(in) ? n.equalsIgnoreCase(name) : n.equals(name))) {
        String id = opLocation(r) + ".parameters[" + i + "]";
        return new Declared(
            id + (p.has("schema") ? ".schema" : ""), prepare(id, parameterSchema(p), false));
      }
    }
    return null;
  }

  /** A path parameter's name and where its value stands in a path. */
  record PathParam(String name, int start, int end) {}

  /** The template of the operation a path names, and its parameters' values in that path. */
  record PathMatch(String template, List<PathParam> params) {}

  /** The operation of the interaction's method that has {@code path}, or null when none has. */
  PathMatch pathMatch(Http h, String path) {
    Found found = path.contains("?") ? null : find(h.method.toUpperCase(Locale.ROOT), path);
    if (found == null) {
      return null;
    }
    int offset = 0;
    Matcher m = found.route.pattern.matcher(path);
    if (!m.matches()) {
      for (String prefix : serverPrefixes) {
        if (path.startsWith(prefix + "/")) {
          m = found.route.pattern.matcher(path.substring(prefix.length()));
          if (m.matches()) {
            offset = prefix.length();
            break;
          }
        }
      }
    }
    List<PathParam> params = new ArrayList<>();
    for (int i = 0; i < found.route.pathParams.size(); i++) {
      params.add(
          new PathParam(
              found.route.pathParams.get(i).asText(),
              offset + m.start(i + 1),
              offset + m.end(i + 1)));
    }
    return new PathMatch(found.route.path, params);
  }

  /** The response's content type as negotiated with the request's Accept, and its schema. */
  private record ResponseContent(String contentType, JsonNode schema) {}

  private ResponseContent negotiate(Route r, JsonNode response, Http h) {
    JsonNode deref = Json.deref(response, oas);
    List<String> produces = responseContentTypes(r, response);
    String contentType =
        firstNonNull(
            MediaTypes.match(h.requestHeaders.getOrDefault("accept", "application/json"), produces),
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

  /** Checks one interaction, adding findings to {@code out}. */
  public void check(Http h, List<Finding> out) {
    String path = h.path.startsWith("/") ? h.path : "/" + h.path;
    Found found = path.contains("?") ? null : find(h.method.toUpperCase(Locale.ROOT), path);
    if (found == null) {
      out.add(
          finding(
              h,
              "request.path-or-method.unknown",
              "Path or method not defined in spec file: " + h.method + " " + h.path,
              ".request.path",
              TextNode.valueOf(h.path),
              "[root].paths",
              null,
              null,
              null,
              Type.ERROR));
      return;
    }
    Route r = found.route;
    List<Finding> pathFindings = new ArrayList<>();
    checkPath(h, r, found.params, pathFindings);
    if (!pathFindings.isEmpty()) {
      out.addAll(pathFindings);
      return;
    }
    checkSecurity(h, r, out);
    List<Finding> headerFindings = new ArrayList<>();
    checkRequestHeaders(h, r, headerFindings);
    out.addAll(headerFindings);
    checkQuery(h, r, out);
    if (headerFindings.stream()
        .noneMatch(f -> f.code().equals("request.content-type.incompatible"))) {
      checkRequestBody(h, r, out);
    }
    List<Finding> resHeaderFindings = new ArrayList<>();
    checkResponseHeaders(h, r, resHeaderFindings);
    out.addAll(resHeaderFindings);
    if (resHeaderFindings.stream()
        .noneMatch(f -> f.code().equals("response.content-type.incompatible"))) {
      checkResponseBody(h, r, out);
    }
  }

  private static boolean validRequest(Http h) {
    return h.status < 400;
  }

  private String opLocation(Route r) {
    return "[root].paths." + r.path + "." + r.method;
  }

  private Finding finding(
      Http h,
      String code,
      String message,
      String mockSuffix,
      JsonNode mockValue,
      String specLocation,
      String pathName,
      String pathMethod,
      JsonNode specValue,
      Type type) {
    return new Finding(
        code,
        message,
        new MockDetails(
            h.description, h.state, "[root].interactions[" + h.index + "]" + mockSuffix, mockValue),
        new SpecDetails(specLocation, pathName, pathMethod, specValue),
        type);
  }

  private Finding opFinding(
      Http h,
      Route r,
      String code,
      String message,
      String mockSuffix,
      JsonNode mockValue,
      String specLocation,
      JsonNode specValue,
      Type type) {
    return finding(
        h, code, message, mockSuffix, mockValue, specLocation, r.path, r.method, specValue, type);
  }

  private ObjectNode prepare(String id, JsonNode schema, boolean response) {
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

  private static JsonNode parameterSchema(JsonNode p) {
    if (p.has("schema")) {
      return p.get("schema");
    }
    ObjectNode s = ((ObjectNode) p).deepCopy();
    s.remove(List.of("name", "in", "description", "required"));
    return s;
  }

  private List<Finding> validate(
      Http h,
      Route r,
      String code,
      String schemaId,
      JsonNode schema,
      boolean response,
      JsonNode value,
      String mockPrefix,
      String messagePrefix) {
    List<Finding> out = new ArrayList<>();
    ObjectNode p = prepare(schemaId, schema, response);
    for (SchemaValidator.Violation v : validator.validate(schemaId + "|" + response, p, value)) {
      JsonNode at = value;
      for (String s : v.instancePath()) {
        at = at == null ? null : at.isArray() ? at.get(Integer.parseInt(s)) : at.get(s);
      }
      out.add(
          opFinding(
              h,
              r,
              code,
              messagePrefix + v.message(),
              mockPrefix + v.instanceSuffix(),
              at,
              schemaId + ".schema." + v.schemaDotted(),
              v.schemaValue(),
              Type.ERROR));
    }
    return out;
  }

  private void checkPath(Http h, Route r, Map<String, String> params, List<Finding> out) {
    JsonNode parameters = r.operation.path("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode p = parameters.get(i);
      if (!"path".equals(p.path("in").asText())) {
        continue;
      }
      String name = p.path("name").asText().replace("-", "");
      if (!params.containsKey(name)) {
        continue;
      }
      JsonNode schema = parameterSchema(p);
      JsonNode derefSchema = Json.deref(schema, oas);
      String raw = params.get(name);
      JsonNode value =
          "string".equals(derefSchema.path("type").asText())
              ? TextNode.valueOf(raw)
              : Params.parseValue(raw);
      String style = p.path("style").asText("").toLowerCase(Locale.ROOT);
      boolean explode = p.path("explode").asBoolean(false);
      String separator =
          "label".equals(style) && explode ? "." : "matrix".equals(style) && explode ? ";" : ",";
      if ("array".equals(derefSchema.path("type").asText()) && value.isTextual()) {
        value = Json.array(List.of(value.asText().split(Pattern.quote(separator), -1)));
      }
      value = Params.coerce(value, derefSchema, oas);
      String schemaId = opLocation(r) + ".parameters[" + i + "]";
      ObjectNode prep = prepare(schemaId, schema, false);
      for (SchemaValidator.Violation ignored :
          validator.validate(schemaId + "|false", prep, value)) {
        out.add(
            finding(
                h,
                "request.path-or-method.unknown",
                "Path or method not defined in spec file: "
                    + h.method.toUpperCase(Locale.ROOT)
                    + " "
                    + h.path,
                ".request.path",
                TextNode.valueOf(h.path),
                "[root].paths",
                null,
                null,
                r.operation,
                Type.ERROR));
      }
    }
  }

  private JsonNode securitySchemes() {
    return swagger2
        ? oas.path("securityDefinitions")
        : oas.path("components").path("securitySchemes");
  }

  private void checkSecurity(Http h, Route r, List<Finding> out) {
    if (!validRequest(h)) {
      return;
    }
    ObjectNode query = Params.parseQuery(h.query, false);
    boolean secured = false;
    List<Finding> maybe = new ArrayList<>();
    JsonNode headersNode = h.raw.path("request").path("headers");
    for (JsonNode requirement : r.operation.path("security")) {
      if (requirement.isEmpty()) {
        secured = true;
        break;
      }
      for (Iterator<String> names = requirement.fieldNames(); names.hasNext(); ) {
        JsonNode scheme = Json.deref(securitySchemes().path(names.next()), oas);
        String type = scheme.path("type").asText("").toLowerCase(Locale.ROOT);
        String auth = h.requestHeaders.getOrDefault("authorization", "").toLowerCase(Locale.ROOT);
        Finding missingHeader =
            opFinding(
                h,
                r,
                "request.authorization.missing",
                "Request Authorization header is missing but is required by the spec file",
                ".request.headers",
                headersNode,
                opLocation(r),
                r.operation,
                Type.ERROR);
        switch (type) {
          case "apikey" -> {
            String in = scheme.path("in").asText("").toLowerCase(Locale.ROOT);
            String name = scheme.path("name").asText("");
            if ("header".equals(in)) {
              if (h.requestHeaders.containsKey(name.toLowerCase(Locale.ROOT))) {
                secured = true;
              } else {
                maybe.add(missingHeader);
              }
            } else if ("query".equals(in)) {
              if (query.has(name)) {
                secured = true;
              } else {
                maybe.add(
                    opFinding(
                        h,
                        r,
                        "request.authorization.missing",
                        "Request Authorization query is missing but is required by the spec file",
                        ".request.query",
                        h.raw.path("request").get("query"),
                        opLocation(r),
                        r.operation,
                        Type.ERROR));
              }
            } else {
              secured = true;
            }
          }
          case "basic" -> {
            if (auth.startsWith("basic ")) {
              secured = true;
            } else {
              maybe.add(missingHeader);
            }
          }
          case "http" -> {
            String s = scheme.path("scheme").asText("").toLowerCase(Locale.ROOT);
            boolean ok =
                ("basic".equals(s) && auth.startsWith("basic "))
                    || ("bearer".equals(s) && auth.startsWith("bearer "));
            if (ok) {
              secured = true;
            } else {
              maybe.add(missingHeader);
            }
          }
          case "mutualtls", "oauth2", "openidconnect" -> secured = true;
          default -> {}
        }
      }
    }
    if (!secured) {
      out.addAll(maybe);
    }
  }

  private List<String> requestContentTypes(Route r) {
    if (r.operation.has("consumes")) {
      return strings(r.operation.get("consumes"));
    }
    return keys(Json.deref(r.operation.path("requestBody"), oas).path("content"));
  }

  private List<String> responseContentTypes(Route r, JsonNode response) {
    if (r.operation.has("produces")) {
      return strings(r.operation.get("produces"));
    }
    return keys(
        Json.deref(response == null ? Json.NODES.objectNode() : response, oas).path("content"));
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static List<String> keys(JsonNode o) {
    List<String> out = new ArrayList<>();
    if (o != null) {
      o.fieldNames().forEachRemaining(out::add);
    }
    return out;
  }

  private void checkRequestHeaders(Http h, Route r, List<Finding> out) {
    Map<String, String> headers = new LinkedHashMap<>(h.requestHeaders);
    List<String> consumes = requestContentTypes(r);
    List<String> allProduces;
    if (r.operation.has("produces")) {
      allProduces = strings(r.operation.get("produces"));
    } else {
      allProduces = new ArrayList<>();
      for (JsonNode response : r.operation.path("responses")) {
        allProduces.addAll(keys(Json.deref(response, oas).path("content")));
      }
    }
    List<String> produces =
        responseContentTypes(r, r.operation.path("responses").get(String.valueOf(h.status)));
    String acceptHeader = headers.get("accept");
    String accept = acceptHeader == null ? "" : acceptHeader.split(";", -1)[0];
    if (!accept.isEmpty() && allProduces.isEmpty()) {
      out.add(
          opFinding(
              h,
              r,
              "request.accept.unknown",
              "Request Accept header is defined but the spec does not specify any mime-types to produce",
              ".request.headers.accept",
              Json.text(acceptHeader),
              opLocation(r),
              r.operation,
              Type.WARNING));
    }
    if (!accept.isEmpty() && !produces.isEmpty() && MediaTypes.match(accept, allProduces) == null) {
      out.add(
          opFinding(
              h,
              r,
              "request.accept.incompatible",
              "Request Accept header is incompatible with the mime-types the spec defines to produce",
              ".request.headers.accept",
              Json.text(acceptHeader),
              opLocation(r),
              Json.array(produces),
              Type.ERROR));
    }
    String ctHeader = headers.get("content-type");
    String ct = ctHeader == null ? "" : ctHeader.split(";", -1)[0];
    if (!ct.isEmpty() && consumes.isEmpty()) {
      out.add(
          opFinding(
              h,
              r,
              "request.content-type.unknown",
              "Request content-type header is defined but the spec does not specify any mime-types to consume",
              ".request.headers.content-type",
              Json.text(ctHeader),
              opLocation(r),
              r.operation,
              Type.WARNING));
    }
    if (!ct.isEmpty() && !consumes.isEmpty() && MediaTypes.match(ct, consumes) == null) {
      out.add(
          opFinding(
              h,
              r,
              "request.content-type.incompatible",
              "Request Content-Type header is incompatible with the mime-types the spec accepts to consume",
              ".request.headers.content-type",
              Json.text(ctHeader),
              opLocation(r) + ".requestBody.content",
              Json.array(consumes),
              Type.ERROR));
    }
    if (ct.isEmpty() && !consumes.isEmpty() && Interactions.truthy(h.requestBody)) {
      out.add(
          opFinding(
              h,
              r,
              "request.content-type.missing",
              "Request content type header is not defined but spec specifies mime-types to consume",
              ".request.headers.content-type",
              null,
              opLocation(r),
              r.operation,
              Type.WARNING));
    }
    Set<String> securityHeaders = new LinkedHashSet<>();
    if (validRequest(h)) {
      for (JsonNode requirement : r.operation.path("security")) {
        for (Iterator<String> names = requirement.fieldNames(); names.hasNext(); ) {
          JsonNode scheme = Json.deref(securitySchemes().path(names.next()), oas);
          if ("apiKey".equals(scheme.path("type").asText())
              && "header".equals(scheme.path("in").asText())) {
            securityHeaders.add(scheme.path("name").asText().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    JsonNode parameters = r.operation.path("parameters");
    Set<String> declared = new LinkedHashSet<>();
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode p = parameters.get(i);
      if (!"header".equals(p.path("in").asText())) {
        continue;
      }
      String name = p.path("name").asText();
      String lower = name.toLowerCase(Locale.ROOT);
      declared.add(lower);
      JsonNode schema = parameterSchema(p);
      JsonNode ds = p.has("schema") ? Json.deref(p.get("schema"), oas) : null;
      boolean stringy =
          ds != null
              && ("string".equals(ds.path("type").asText())
                  || hasStringBranch(ds.path("anyOf"))
                  || hasStringBranch(ds.path("oneOf")));
      String rawValue = headers.get(lower);
      JsonNode value =
          rawValue == null
              ? null
              : stringy ? TextNode.valueOf(rawValue) : Params.parseValue(rawValue);
      String schemaId = opLocation(r) + ".parameters[" + i + "]";
      if (value != null && validRequest(h)) {
        JsonNode coerced = Params.coerce(value, Json.deref(schema, oas), oas);
        out.addAll(
            validate(
                h,
                r,
                "request.header.incompatible",
                schemaId,
                schema,
                false,
                coerced,
                ".request.headers." + name,
                "Value is incompatible with the parameter defined in the spec file: "));
      }
      if (value == null && p.path("required").asBoolean(false) && validRequest(h)) {
        out.add(
            opFinding(
                h,
                r,
                "request.header.incompatible",
                "Value is incompatible with the parameter defined in the spec file: must have required property '"
                    + name
                    + "'",
                ".request.headers." + name,
                com.fasterxml.jackson.databind.node.NullNode.getInstance(),
                schemaId,
                p,
                Type.ERROR));
      }
      headers.remove(lower);
    }
    for (String standard : STANDARD_REQUEST_HEADERS) {
      if (!declared.contains(standard)) {
        headers.remove(standard);
      }
    }
    if (validRequest(h)) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (!securityHeaders.contains(e.getKey())) {
          out.add(
              opFinding(
                  h,
                  r,
                  "request.header.unknown",
                  "Request header is not defined in the spec file: " + e.getKey(),
                  ".request.headers." + e.getKey(),
                  Json.text(e.getValue()),
                  opLocation(r),
                  r.operation,
                  Type.WARNING));
        }
      }
    }
  }

  private static boolean hasStringBranch(JsonNode branches) {
    for (JsonNode b : branches) {
      if ("string".equals(b.path("type").asText())) {
        return true;
      }
    }
    return false;
  }

  private void checkQuery(Http h, Route r, List<Finding> out) {
    ObjectNode parsed = Params.parseQuery(h.query, true);
    ObjectNode unparsed = Params.parseQuery(h.query, false);
    JsonNode parameters = r.operation.path("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode p = parameters.get(i);
      if (!"query".equals(p.path("in").asText())) {
        continue;
      }
      String name = p.path("name").asText();
      JsonNode schema = parameterSchema(p);
      JsonNode ds = Json.deref(schema, oas);
      if (p.has("schema") && "string".equals(ds.path("type").asText())) {
        if (unparsed.has(name)) {
          parsed.set(name, unparsed.get(name));
        } else {
          parsed.remove(name);
        }
      }
      JsonNode value = parsed.get(name);
      if ((value != null || p.path("required").asBoolean(false)) && validRequest(h)) {
        String schemaId = opLocation(r) + ".parameters[" + i + "]";
        JsonNode converted = value;
        if (value != null && "array".equals(ds.path("type").asText()) && value.isTextual()) {
          String sep =
              swagger2
                  ? SWAGGER2_SEPARATORS.getOrDefault(ds.path("collectionFormat").asText(), ",")
                  : ",";
          converted = Json.array(List.of(value.asText().split(Pattern.quote(sep), -1)));
        }
        if (converted == null) {
          // a missing required value fails the schema's type, as the reference reports it
          JsonNode type = ds.get("type");
          out.add(
              opFinding(
                  h,
                  r,
                  "request.query.incompatible",
                  "Value is incompatible with the parameter defined in the spec file: "
                      + (type == null
                          ? "must have required property '" + name + "'"
                          : "must be " + type.asText()),
                  ".request.query." + name,
                  null,
                  schemaId + (type == null ? "" : ".schema.type"),
                  type,
                  Type.ERROR));
        } else {
          converted = Params.coerce(converted, ds, oas);
          out.addAll(
              validate(
                  h,
                  r,
                  "request.query.incompatible",
                  schemaId,
                  schema,
                  false,
                  converted,
                  ".request.query." + name,
                  "Value is incompatible with the parameter defined in the spec file: "));
        }
      }
      parsed.remove(name);
    }
    Set<String> securityQueries = new LinkedHashSet<>();
    for (JsonNode requirement : r.operation.path("security")) {
      for (Iterator<String> names = requirement.fieldNames(); names.hasNext(); ) {
        JsonNode scheme = Json.deref(securitySchemes().path(names.next()), oas);
        if ("apiKey".equals(scheme.path("type").asText())
            && "query".equals(scheme.path("in").asText())) {
          securityQueries.add(scheme.path("name").asText());
        }
      }
    }
    if (validRequest(h)) {
      for (Iterator<Map.Entry<String, JsonNode>> it = parsed.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!securityQueries.contains(e.getKey())) {
          out.add(
              opFinding(
                  h,
                  r,
                  "request.query.unknown",
                  "Query parameter is not defined in the spec file: " + e.getKey(),
                  ".request.query." + e.getKey(),
                  e.getValue(),
                  opLocation(r),
                  r.operation,
                  Type.WARNING));
        }
      }
    }
  }

  private void checkRequestBody(Http h, Route r, List<Finding> out) {
    List<String> consumes = requestContentTypes(r);
    String requestContentType = h.requestHeaders.getOrDefault("content-type", "");
    String contentType =
        requestContentType.isEmpty()
            ? "application/json"
            : firstNonNull(MediaTypes.match(requestContentType, consumes), requestContentType);
    JsonNode bodyParameter = null;
    for (JsonNode p : r.operation.path("parameters")) {
      if ("body".equals(p.path("in").asText())) {
        bodyParameter = p;
      }
    }
    JsonNode requestBody = Json.deref(r.operation.path("requestBody"), oas);
    JsonNode content = requestBody.path("content");
    JsonNode schema = null;
    String key = MediaTypes.match(contentType, keys(content));
    if (key != null && content.get(key).has("schema")) {
      schema = content.get(key).get("schema");
    } else if (bodyParameter != null && bodyParameter.has("schema")) {
      schema = bodyParameter.get("schema");
    }
    boolean required =
        requestBody.path("required").asBoolean(false)
            || (bodyParameter != null && bodyParameter.path("required").asBoolean(false));
    if (!required && h.requestBody == null) {
      return;
    }
    boolean validatable = MediaTypes.validatable(contentType, true);
    if (!validatable && h.requestBody == null) {
      return;
    }
    if (!validatable) {
      if (validRequest(h)) {
        out.add(
            opFinding(
                h,
                r,
                "request.body.unvalidatable",
                "Body with content type '"
                    + contentType
                    + "' is not supported by the spec comparator",
                ".request.body",
                h.requestBody,
                opLocation(r) + ".requestBody.content",
                r.operation.path("requestBody").get("content"),
                Type.WARNING));
      }
      return;
    }
    if (schema != null && validRequest(h)) {
      JsonNode value = parseBody(h.requestBody, requestContentType);
      String schemaId = opLocation(r) + ".requestBody.content." + contentType;
      out.addAll(
          validate(
              h,
              r,
              "request.body.incompatible",
              schemaId,
              schema,
              false,
              value == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value,
              ".request.body",
              "Request body is incompatible with the request body schema in the spec file: "));
    }
    if (Interactions.truthy(h.requestBody) && schema == null && validRequest(h)) {
      out.add(
          opFinding(
              h,
              r,
              "request.body.unknown",
              "No matching schema found for request body",
              ".request.body",
              h.requestBody,
              opLocation(r) + ".requestBody.content",
              r.operation.path("requestBody").get("content"),
              Type.WARNING));
    }
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

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

  private JsonNode response(Route r, int status) {
    String key = responseKey(r, status);
    return key == null ? null : r.operation.path("responses").get(key);
  }

  /**
   * The key of {@code responses} that describes a status: the status itself, its range ({@code
   * 2XX}) or {@code default}; locations name it, so that they point at what the spec says.
   */
  private static String responseKey(Route r, int status) {
    JsonNode responses = r.operation.path("responses");
    for (String key :
        List.of(String.valueOf(status), (status / 100) + "XX", (status / 100) + "xx", "default")) {
      if (responses.has(key)) {
        return key;
      }
    }
    return null;
  }

  private void checkResponseHeaders(Http h, Route r, List<Finding> out) {
    JsonNode response = response(r, h.status);
    if (response == null) {
      return;
    }
    List<String> produces = responseContentTypes(r, response);
    Map<String, String> headers = new LinkedHashMap<>(h.responseHeaders);
    String ctHeader = headers.get("content-type");
    String ct = ctHeader == null ? "" : ctHeader.split(";", -1)[0];
    if (!ct.isEmpty() && produces.isEmpty()) {
      out.add(
          opFinding(
              h,
              r,
              "response.content-type.unknown",
              "Response Content-Type header is defined but the spec does not specify any mime-types to produce",
              ".response.headers.content-type",
              Json.text(ctHeader),
              opLocation(r),
              r.operation,
              Type.WARNING));
    }
    if (!ct.isEmpty() && !produces.isEmpty() && MediaTypes.match(ct, produces) == null) {
      out.add(
          opFinding(
              h,
              r,
              "response.content-type.incompatible",
              "Response Content-Type header is incompatible with the mime-types the spec defines to produce",
              ".response.headers.content-type",
              Json.text(ctHeader),
              opLocation(r) + ".responses." + responseKey(r, h.status) + ".content",
              Json.array(produces),
              Type.ERROR));
    }
    headers.remove("content-type");
    JsonNode specHeaders = Json.deref(response, oas).path("headers");
    for (Iterator<Map.Entry<String, JsonNode>> it = specHeaders.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode header = Json.deref(e.getValue(), oas);
      JsonNode schema = header.has("schema") ? header.get("schema") : header;
      String value = headers.get(name.toLowerCase(Locale.ROOT));
      if (value != null) {
        String schemaId =
            opLocation(r) + ".responses." + responseKey(r, h.status) + ".headers." + name;
        JsonNode coerced = Params.coerce(TextNode.valueOf(value), Json.deref(schema, oas), oas);
        out.addAll(
            validate(
                h,
                r,
                "response.header.incompatible",
                schemaId,
                schema,
                false,
                coerced,
                ".response.headers." + name,
                "Value is incompatible with the parameter defined in the spec file: "));
      }
      headers.remove(name.toLowerCase(Locale.ROOT));
    }
    for (String standard : STANDARD_RESPONSE_HEADERS) {
      if (headers.containsKey(standard)) {
        out.add(
            opFinding(
                h,
                r,
                "response.header.undefined",
                "Standard http response header is not defined in the spec file: " + standard,
                ".response.headers." + standard,
                Json.text(headers.get(standard)),
                opLocation(r),
                r.operation,
                Type.WARNING));
      }
      headers.remove(standard);
    }
    for (Map.Entry<String, String> e : headers.entrySet()) {
      out.add(
          opFinding(
              h,
              r,
              "response.header.unknown",
              "Response header is not defined in the spec file: " + e.getKey(),
              ".response.headers." + e.getKey(),
              Json.text(e.getValue()),
              opLocation(r) + ".responses." + responseKey(r, h.status) + ".headers",
              Json.deref(response, oas).get("headers"),
              Type.ERROR));
    }
  }

  private void checkResponseBody(Http h, Route r, List<Finding> out) {
    JsonNode responses = r.operation.path("responses");
    JsonNode exact = responses.get(String.valueOf(h.status));
    JsonNode patterned =
        responses.has((h.status / 100) + "XX")
            ? responses.get((h.status / 100) + "XX")
            : responses.get((h.status / 100) + "xx");
    JsonNode response = response(r, h.status);
    if (response == null) {
      out.add(
          opFinding(
              h,
              r,
              "response.status.unknown",
              "Response status code not defined in spec file: " + h.status,
              ".response.status",
              IntNode.valueOf(h.status),
              opLocation(r) + ".responses",
              responses,
              Type.ERROR));
      return;
    }
    JsonNode deref = Json.deref(response, oas);
    ResponseContent negotiated = negotiate(r, response, h);
    String contentType = negotiated.contentType();
    JsonNode schema = negotiated.schema();
    if (exact == null && patterned == null) {
      out.add(
          opFinding(
              h,
              r,
              "response.status.default",
              "Response status code matched default response in spec file: " + h.status,
              ".response.status",
              IntNode.valueOf(h.status),
              opLocation(r) + ".responses",
              responses,
              Type.WARNING));
    }
    JsonNode value = h.responseBody;
    boolean validatable = MediaTypes.validatable(contentType, true);
    if (!validatable) {
      if (value != null) {
        out.add(
            opFinding(
                h,
                r,
                "response.body.unvalidatable",
                "Body with content type '"
                    + contentType
                    + "' is not supported by the spec comparator",
                ".response.body",
                value,
                opLocation(r) + ".responses." + responseKey(r, h.status) + ".content",
                deref.get("content"),
                Type.WARNING));
      }
      return;
    }
    if (Interactions.truthy(value) && schema == null) {
      out.add(
          opFinding(
              h,
              r,
              "response.body.unknown",
              "No matching schema found for response body",
              ".response.body",
              value,
              opLocation(r) + ".responses." + responseKey(r, h.status) + ".content",
              deref.get("content"),
              Type.ERROR));
    }
    if (Interactions.truthy(value) && schema != null) {
      String schemaId =
          opLocation(r) + ".responses." + responseKey(r, h.status) + ".content." + contentType;
      out.addAll(
          validate(
              h,
              r,
              "response.body.incompatible",
              schemaId,
              schema,
              true,
              value,
              ".response.body",
              "Response body is incompatible with the response body schema in the spec file: "));
    }
  }
}
