package io.pactwire.openapi.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Findings.Validated;
import io.pactwire.openapi.internal.Interactions;
import io.pactwire.openapi.internal.Json;
import io.pactwire.openapi.internal.MediaTypes;
import io.pactwire.openapi.internal.Params;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request's headers: Accept and Content-Type against the types the operation produces and
 * consumes, declared header parameters against their schemas, and headers the operation does not
 * declare (standard headers and API keys aside).
 */
final class RequestHeaderCheck {

  private final OperationSpec spec;

  RequestHeaderCheck(OperationSpec spec) {
    this.spec = spec;
  }

  void check(HttpInteraction h, Route r, List<Finding> out) {
    contentNegotiation(h, r, out);
    parameters(h, r, out);
  }

  private void contentNegotiation(HttpInteraction h, Route r, List<Finding> out) {
    Map<String, String> headers = h.requestHeaders();
    List<String> consumes = spec.requestContentTypes(r);
    List<String> allProduces = spec.allResponseContentTypes(r);
    List<String> produces =
        spec.responseContentTypes(
            r, r.operation().path("responses").get(String.valueOf(h.status())));
    String acceptHeader = headers.get("accept");
    String accept = acceptHeader == null ? "" : acceptHeader.split(";", -1)[0];
    if (!accept.isEmpty() && allProduces.isEmpty()) {
      out.add(
          Findings.requestAcceptUnknown()
              .at(h.at(".request.headers.accept", Json.text(acceptHeader)), r.atOperation()));
    }
    if (!accept.isEmpty() && !produces.isEmpty() && MediaTypes.match(accept, allProduces) == null) {
      out.add(
          Findings.requestAcceptIncompatible()
              .at(
                  h.at(".request.headers.accept", Json.text(acceptHeader)),
                  r.at(r.location(), Json.array(produces))));
    }
    String ctHeader = headers.get("content-type");
    String ct = ctHeader == null ? "" : ctHeader.split(";", -1)[0];
    if (!ct.isEmpty() && consumes.isEmpty()) {
      out.add(
          Findings.requestContentTypeUnknown()
              .at(h.at(".request.headers.content-type", Json.text(ctHeader)), r.atOperation()));
    }
    if (!ct.isEmpty() && !consumes.isEmpty() && MediaTypes.match(ct, consumes) == null) {
      out.add(
          Findings.requestContentTypeIncompatible()
              .at(
                  h.at(".request.headers.content-type", Json.text(ctHeader)),
                  r.at(r.location() + ".requestBody.content", Json.array(consumes))));
    }
    if (ct.isEmpty() && !consumes.isEmpty() && Interactions.truthy(h.requestBody())) {
      out.add(
          Findings.requestContentTypeMissing()
              .at(h.at(".request.headers.content-type", null), r.atOperation()));
    }
  }

  private void parameters(HttpInteraction h, Route r, List<Finding> out) {
    Map<String, String> headers = new LinkedHashMap<>(h.requestHeaders());
    JsonNode parameters = r.operation().path("parameters");
    Set<String> declared = new LinkedHashSet<>();
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode p = parameters.get(i);
      if (!"header".equals(p.path("in").asText())) {
        continue;
      }
      String name = p.path("name").asText();
      String lower = name.toLowerCase(Locale.ROOT);
      declared.add(lower);
      JsonNode schema = OperationSpec.parameterSchema(p);
      JsonNode ds = p.has("schema") ? spec.deref(p.get("schema")) : null;
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
      String schemaId = r.location() + ".parameters[" + i + "]";
      if (value != null && h.validRequest()) {
        JsonNode coerced = Params.coerce(value, spec.deref(schema), spec.oas());
        out.addAll(
            spec.validate(
                h,
                r,
                Validated.REQUEST_HEADER,
                schemaId,
                schema,
                false,
                coerced,
                ".request.headers." + name));
      }
      if (value == null && p.path("required").asBoolean(false) && h.validRequest()) {
        out.add(
            Findings.incompatible(
                    Validated.REQUEST_HEADER, "must have required property '" + name + "'")
                .at(h.at(".request.headers." + name, NullNode.getInstance()), r.at(schemaId, p)));
      }
      headers.remove(lower);
    }
    for (String standard : StandardHeaders.REQUEST) {
      if (!declared.contains(standard)) {
        headers.remove(standard);
      }
    }
    if (h.validRequest()) {
      Set<String> securityHeaders = spec.apiKeys(r, "header");
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (!securityHeaders.contains(e.getKey())) {
          out.add(
              Findings.requestHeaderUnknown(e.getKey())
                  .at(
                      h.at(".request.headers." + e.getKey(), Json.text(e.getValue())),
                      r.atOperation()));
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
}
