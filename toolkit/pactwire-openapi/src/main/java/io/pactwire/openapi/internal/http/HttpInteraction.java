package io.pactwire.openapi.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.openapi.Finding.MockDetails;
import io.pactwire.openapi.internal.Interactions;
import java.util.Map;

/** The fields of an HTTP interaction that the checks read. */
public record HttpInteraction(
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
    JsonNode responseBody) {

  /** Reads an HTTP interaction from the pact's tree. */
  public static HttpInteraction read(JsonNode raw, int index, boolean v4) {
    JsonNode req = raw.path("request");
    JsonNode res = raw.path("response");
    return new HttpInteraction(
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

  /**
   * Whether the provider is meant to accept the request: a 4xx interaction shows a request the spec
   * is meant to refuse, so its request is not held to the spec.
   */
  boolean validRequest() {
    return status < 400;
  }

  /** The path with a leading slash. */
  String slashedPath() {
    return path.startsWith("/") ? path : "/" + path;
  }

  /** Where in this interaction a finding points: {@code suffix} below it, with its value. */
  MockDetails at(String suffix, JsonNode value) {
    return new MockDetails(
        description, state, "[root].interactions[" + index + "]" + suffix, value);
  }
}
