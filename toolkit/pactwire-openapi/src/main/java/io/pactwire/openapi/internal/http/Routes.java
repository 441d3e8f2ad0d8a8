package io.pactwire.openapi.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.openapi.internal.Json;
import io.pactwire.openapi.internal.http.HttpChecker.PathMatch;
import io.pactwire.openapi.internal.http.HttpChecker.PathParam;
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

/**
 * The operations of a spec as routes: path templates turned into patterns (under the base path and
 * the servers' path prefixes), the most specific first, and the lookup of an interaction's method
 * and path.
 */
final class Routes {

  private static final List<String> METHODS =
      List.of("get", "post", "put", "patch", "delete", "head", "options", "trace");
  private static final Pattern TEMPLATE = Pattern.compile("\\{([.;]?)([^}*]+?)(\\*?)}");

  private final List<Route> routes = new ArrayList<>();
  private final List<String> serverPrefixes = new ArrayList<>();

  /** A route that matched, with its path parameters' values by name (without dashes). */
  record Found(Route route, Map<String, String> params) {}

  Routes(JsonNode oas) {
    boolean swagger2 = oas.has("swagger");
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
        ObjectNode operation = effective(oas, swagger2, item, (ObjectNode) op);
        routes.add(route(e.getKey(), method, operation, basePath, caseInsensitive));
      }
    }
    routes.sort(
        Comparator.comparingInt(Route::params)
            .thenComparing(Comparator.comparingInt(Route::staticLength).reversed()));
  }

  /**
   * The operation with what it inherits: the path item's parameters, and the document's security
   * (and, in Swagger 2.0, its consumes and produces).
   */
  private static ObjectNode effective(
      JsonNode oas, boolean swagger2, JsonNode item, ObjectNode op) {
    // a shallow copy: only its own fields are set below, and the checks never change a node
    // of the spec, so the operation's subtrees are shared with the spec, not copied
    ObjectNode operation = Json.NODES.objectNode().setAll(op);
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
    return operation;
  }

  private static Route route(
      String template,
      String method,
      ObjectNode operation,
      String basePath,
      boolean caseInsensitive) {
    StringBuilder regex = new StringBuilder();
    Matcher m = TEMPLATE.matcher(template);
    int last = 0;
    int count = 0;
    int staticLength = 0;
    while (m.find()) {
      String literal = template.substring(last, m.start()) + m.group(1);
      regex.append(Pattern.quote(literal)).append("([^/]+)");
      staticLength += literal.length();
      count++;
      last = m.end();
    }
    String tail = template.substring(last);
    regex.append(Pattern.quote(tail));
    staticLength += tail.length();
    List<JsonNode> pathParams = new ArrayList<>();
    Matcher names = TEMPLATE.matcher(template);
    while (names.find()) {
      pathParams.add(TextNode.valueOf(names.group(2)));
    }
    Pattern pattern =
        Pattern.compile(
            Pattern.quote(basePath) + regex, caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
    return new Route(template, method, operation, pattern, pathParams, count, staticLength);
  }

  /** The route of an interaction, or null when no operation has its method and path. */
  Found find(HttpInteraction h) {
    return find(h, h.slashedPath());
  }

  /** The route of the interaction's method with {@code path}, or null. */
  Found find(HttpInteraction h, String path) {
    return path.contains("?") ? null : find(h.method().toUpperCase(Locale.ROOT), path);
  }

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
      if (!r.method().equalsIgnoreCase(method)) {
        continue;
      }
      Matcher m = r.pattern().matcher(path);
      if (m.matches()) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < r.pathParams().size(); i++) {
          params.put(r.pathParams().get(i).asText().replace("-", ""), m.group(i + 1));
        }
        return new Found(r, params);
      }
    }
    return null;
  }

  /** The operation of the interaction's method that has {@code path}, or null when none has. */
  PathMatch pathMatch(HttpInteraction h, String path) {
    Found found = find(h, path);
    if (found == null) {
      return null;
    }
    int offset = 0;
    Matcher m = found.route().pattern().matcher(path);
    if (!m.matches()) {
      for (String prefix : serverPrefixes) {
        if (path.startsWith(prefix + "/")) {
          m = found.route().pattern().matcher(path.substring(prefix.length()));
          if (m.matches()) {
            offset = prefix.length();
            break;
          }
        }
      }
    }
    List<PathParam> params = new ArrayList<>();
    for (int i = 0; i < found.route().pathParams().size(); i++) {
      params.add(
          new PathParam(
              found.route().pathParams().get(i).asText(),
              offset + m.start(i + 1),
              offset + m.end(i + 1)));
    }
    return new PathMatch(found.route().path(), params);
  }
}
