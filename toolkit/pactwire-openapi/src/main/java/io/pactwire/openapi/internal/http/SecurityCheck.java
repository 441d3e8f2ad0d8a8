package io.pactwire.openapi.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Params;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The operation's security requirements: a request must meet one of them (an API key in a header or
 * the query, basic or bearer authorization); the headers and query parameters that API keys name
 * are not unknown to the other checks.
 */
final class SecurityCheck {

  private final OperationSpec spec;

  SecurityCheck(OperationSpec spec) {
    this.spec = spec;
  }

  void check(HttpInteraction h, Route r, List<Finding> out) {
    if (!h.validRequest()) {
      return;
    }
    ObjectNode query = Params.parseQuery(h.query(), false);
    boolean secured = false;
    List<Finding> maybe = new ArrayList<>();
    JsonNode headersNode = h.raw().path("request").path("headers");
    for (JsonNode requirement : r.operation().path("security")) {
      if (requirement.isEmpty()) {
        secured = true;
        break;
      }
      for (Iterator<String> names = requirement.fieldNames(); names.hasNext(); ) {
        JsonNode scheme = spec.deref(spec.securitySchemes().path(names.next()));
        String type = scheme.path("type").asText("").toLowerCase(Locale.ROOT);
        String auth = h.requestHeaders().getOrDefault("authorization", "").toLowerCase(Locale.ROOT);
        Finding missingHeader =
            Findings.authorizationHeaderMissing()
                .at(h.at(".request.headers", headersNode), r.atOperation());
        switch (type) {
          case "apikey" -> {
            String in = scheme.path("in").asText("").toLowerCase(Locale.ROOT);
            String name = scheme.path("name").asText("");
            if ("header".equals(in)) {
              if (h.requestHeaders().containsKey(name.toLowerCase(Locale.ROOT))) {
                secured = true;
              } else {
                maybe.add(missingHeader);
              }
            } else if ("query".equals(in)) {
              if (query.has(name)) {
                secured = true;
              } else {
                maybe.add(
                    Findings.authorizationQueryMissing()
                        .at(
                            h.at(".request.query", h.raw().path("request").get("query")),
                            r.atOperation()));
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
}
