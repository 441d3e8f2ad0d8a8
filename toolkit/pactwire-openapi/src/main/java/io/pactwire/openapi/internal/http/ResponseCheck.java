package io.pactwire.openapi.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Findings.Validated;
import io.pactwire.openapi.internal.Interactions;
import io.pactwire.openapi.internal.Json;
import io.pactwire.openapi.internal.MediaTypes;
import io.pactwire.openapi.internal.Params;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response: its status among the operation's responses, its Content-Type and headers against the
 * response's, and its body against the schema of the negotiated content type.
 */
final class ResponseCheck {

  private final OperationSpec spec;

  ResponseCheck(OperationSpec spec) {
    this.spec = spec;
  }

  void check(HttpInteraction h, Route r, List<Finding> out) {
    List<Finding> headerFindings = new ArrayList<>();
    headers(h, r, headerFindings);
    out.addAll(headerFindings);
    if (headerFindings.stream()
        .noneMatch(f -> f.code().equals(Findings.RESPONSE_CONTENT_TYPE_INCOMPATIBLE))) {
      body(h, r, out);
    }
  }

  private void headers(HttpInteraction h, Route r, List<Finding> out) {
    JsonNode response = spec.response(r, h.status());
    if (response == null) {
      return;
    }
    String responseLocation = OperationSpec.responseLocation(r, h.status());
    List<String> produces = spec.responseContentTypes(r, response);
    Map<String, String> headers = new LinkedHashMap<>(h.responseHeaders());
    String ctHeader = headers.get("content-type");
    String ct = ctHeader == null ? "" : ctHeader.split(";", -1)[0];
    if (!ct.isEmpty() && produces.isEmpty()) {
      out.add(
          Findings.responseContentTypeUnknown()
              .at(h.at(".response.headers.content-type", Json.text(ctHeader)), r.atOperation()));
    }
    if (!ct.isEmpty() && !produces.isEmpty() && MediaTypes.match(ct, produces) == null) {
      out.add(
          Findings.responseContentTypeIncompatible()
              .at(
                  h.at(".response.headers.content-type", Json.text(ctHeader)),
                  r.at(responseLocation + ".content", Json.array(produces))));
    }
    headers.remove("content-type");
    JsonNode specHeaders = spec.deref(response).path("headers");
    for (Iterator<Map.Entry<String, JsonNode>> it = specHeaders.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode header = spec.deref(e.getValue());
      JsonNode schema = header.has("schema") ? header.get("schema") : header;
      String value = headers.get(name.toLowerCase(Locale.ROOT));
      if (value != null) {
        String schemaId = responseLocation + ".headers." + name;
        JsonNode coerced = Params.coerce(TextNode.valueOf(value), spec.deref(schema), spec.oas());
        out.addAll(
            spec.validate(
                h,
                r,
                Validated.RESPONSE_HEADER,
                schemaId,
                schema,
                false,
                coerced,
                ".response.headers." + name));
      }
      headers.remove(name.toLowerCase(Locale.ROOT));
    }
    for (String standard : StandardHeaders.RESPONSE) {
      if (headers.containsKey(standard)) {
        out.add(
            Findings.responseHeaderUndefined(standard)
                .at(
                    h.at(".response.headers." + standard, Json.text(headers.get(standard))),
                    r.atOperation()));
      }
      headers.remove(standard);
    }
    for (Map.Entry<String, String> e : headers.entrySet()) {
      out.add(
          Findings.responseHeaderUnknown(e.getKey())
              .at(
                  h.at(".response.headers." + e.getKey(), Json.text(e.getValue())),
                  r.at(responseLocation + ".headers", spec.deref(response).get("headers"))));
    }
  }

  private void body(HttpInteraction h, Route r, List<Finding> out) {
    JsonNode responses = r.operation().path("responses");
    JsonNode exact = responses.get(String.valueOf(h.status()));
    JsonNode patterned =
        responses.has((h.status() / 100) + "XX")
            ? responses.get((h.status() / 100) + "XX")
            : responses.get((h.status() / 100) + "xx");
    JsonNode response = spec.response(r, h.status());
    IntNode status = IntNode.valueOf(h.status());
    if (response == null) {
      out.add(
          Findings.responseStatusUnknown(h.status())
              .at(h.at(".response.status", status), r.at(r.location() + ".responses", responses)));
      return;
    }
    JsonNode deref = spec.deref(response);
    OperationSpec.ResponseContent negotiated = spec.negotiate(r, response, h);
    String contentType = negotiated.contentType();
    JsonNode schema = negotiated.schema();
    if (exact == null && patterned == null) {
      out.add(
          Findings.responseStatusDefault(h.status())
              .at(h.at(".response.status", status), r.at(r.location() + ".responses", responses)));
    }
    String responseLocation = OperationSpec.responseLocation(r, h.status());
    JsonNode value = h.responseBody();
    boolean validatable = MediaTypes.validatable(contentType, true);
    if (!validatable) {
      if (value != null) {
        out.add(
            Findings.responseBodyUnvalidatable(contentType)
                .at(
                    h.at(".response.body", value),
                    r.at(responseLocation + ".content", deref.get("content"))));
      }
      return;
    }
    if (Interactions.truthy(value) && schema == null) {
      out.add(
          Findings.responseBodyUnknown()
              .at(
                  h.at(".response.body", value),
                  r.at(responseLocation + ".content", deref.get("content"))));
    }
    if (Interactions.truthy(value) && schema != null) {
      String schemaId = responseLocation + ".content." + contentType;
      out.addAll(
          spec.validate(
              h, r, Validated.RESPONSE_BODY, schemaId, schema, true, value, ".response.body"));
    }
  }
}
