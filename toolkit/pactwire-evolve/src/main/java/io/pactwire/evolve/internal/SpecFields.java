package io.pactwire.evolve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.internal.JsonPath;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an OpenAPI (3.x or Swagger 2.0) document says each operation responds with: for every path
 * template, method and response status, the JSON paths of the body's properties, following {@code
 * $ref}, {@code allOf}, {@code oneOf}, {@code anyOf} and array items.
 */
public final class SpecFields {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final int MAX_DEPTH = 12;

  /** One operation of the spec. */
  public record Operation(String method, String template, Pattern pattern, int literals) {
    /** {@code GET /products/{sku}}. */
    public String endpoint() {
      return method + " " + template;
    }
  }

  /** The body properties of one response of one operation. */
  public record Response(Operation operation, String status, Set<String> paths) {}

  private final List<Operation> operations = new ArrayList<>();
  private final List<Response> responses = new ArrayList<>();
  // the path prefixes a request's path may carry before a template: Swagger 2.0's basePath, the
  // path of each OpenAPI server URL (as the OpenAPI check honours them)
  private final List<String> prefixes = new ArrayList<>();
  private final JsonNode root;

  private SpecFields(JsonNode root) {
    this.root = root;
    prefix(root.path("basePath").asText(""));
    for (JsonNode server : root.path("servers")) {
      // a server variable in the URL ({version}) stands for its default value
      String url = server.path("url").asText("");
      for (Map.Entry<String, JsonNode> v : server.path("variables").properties()) {
        url = url.replace("{" + v.getKey() + "}", v.getValue().path("default").asText(""));
      }
      try {
        prefix(URI.create(url).getPath());
      } catch (IllegalArgumentException e) {
        // a server URL that is no URI (a variable without a default, say) gives no prefix
      }
    }
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      String template = path.getKey();
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        Operation operation =
            new Operation(
                op.getKey().toUpperCase(Locale.ROOT),
                template,
                pattern(template),
                literals(template));
        operations.add(operation);
        for (Map.Entry<String, JsonNode> r :
            resolve(op.getValue().path("responses")).properties()) {
          JsonNode response = resolve(r.getValue());
          Set<String> paths = new TreeSet<>();
          for (JsonNode schema : schemas(response)) {
            walk(schema, "$", paths, new ArrayDeque<>());
          }
          responses.add(new Response(operation, r.getKey(), paths));
        }
      }
    }
  }

  /** The fields of a spec read as a tree. */
  public static SpecFields of(JsonNode spec) {
    return new SpecFields(spec);
  }

  public List<Operation> operations() {
    return operations;
  }

  public List<Response> responses() {
    return responses;
  }

  private void prefix(String path) {
    if (path != null && path.length() > 1) {
      prefixes.add(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }
  }

  /**
   * The operation whose template matches a concrete request, the most literal one first: the path
   * as it is, else the path after a server URL's path or the base path ({@code /v1/orders/42} for
   * {@code /orders/{id}} under {@code https://api.example.com/v1}).
   */
  public Operation operation(String method, String path) {
    Operation found = match(method, path);
    for (int i = 0; found == null && i < prefixes.size(); i++) {
      if (path.startsWith(prefixes.get(i) + "/")) {
        found = match(method, path.substring(prefixes.get(i).length()));
      }
    }
    return found;
  }

  private Operation match(String method, String path) {
    Operation best = null;
    for (Operation o : operations) {
      if (o.method().equals(method)
          && o.pattern().matcher(path).matches()
          && (best == null || o.literals() > best.literals())) {
        best = o;
      }
    }
    return best;
  }

  /**
   * True when a spec's response key ({@code 200}, {@code 2XX}, {@code default}) covers a status.
   */
  public static boolean covers(String key, String status) {
    if (key.equals("default") || key.equals(status)) {
      return true;
    }
    return key.length() == 3
        && status.length() == 3
        && key.substring(1).equalsIgnoreCase("XX")
        && key.charAt(0) == status.charAt(0);
  }

  /** A template such as {@code /products/{sku}} as a pattern of concrete paths. */
  public static Pattern pattern(String template) {
    StringBuilder b = new StringBuilder();
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (open < 0 || close < 0) {
        b.append(Pattern.quote(template.substring(at)));
        break;
      }
      if (open > at) {
        b.append(Pattern.quote(template.substring(at, open)));
      }
      b.append("[^/]+");
      at = close + 1;
    }
    return Pattern.compile(b.toString());
  }

  private static int literals(String template) {
    return template.replaceAll("\\{[^}]*}", "").length();
  }

  private List<JsonNode> schemas(JsonNode response) {
    List<JsonNode> out = new ArrayList<>();
    if (response.has("schema")) {
      out.add(response.get("schema"));
    }
    for (Map.Entry<String, JsonNode> media : response.path("content").properties()) {
      if (media.getKey().toLowerCase(Locale.ROOT).contains("json")
          && media.getValue().has("schema")) {
        out.add(media.getValue().get("schema"));
      }
    }
    return out;
  }

  private JsonNode resolve(JsonNode node) {
    for (int i = 0; i < 20 && node.has("$ref"); i++) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#")) {
        return node;
      }
      node = root.at(ref.substring(1));
    }
    return node;
  }

  private void walk(JsonNode schema, String path, Set<String> out, Deque<String> refs) {
    if (refs.size() > MAX_DEPTH || schema == null || !schema.isObject()) {
      return;
    }
    String ref = schema.path("$ref").asText(null);
    if (ref != null) {
      if (refs.contains(ref)) {
        return;
      }
      refs.push(ref);
      walk(resolve(schema), path, out, refs);
      refs.pop();
      return;
    }
    for (String combiner : new String[] {"allOf", "oneOf", "anyOf"}) {
      for (JsonNode part : schema.path(combiner)) {
        walk(part, path, out, refs);
      }
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String child = JsonPath.child(path, property.getKey());
      out.add(child);
      refs.push("");
      walk(property.getValue(), child, out, refs);
      refs.pop();
    }
    if (schema.has("items")) {
      refs.push("");
      walk(schema.get("items"), path + "[*]", out, refs);
      refs.pop();
    }
  }
}
