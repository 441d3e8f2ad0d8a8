package io.pactwire.evolve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.core.internal.JsonPath;
import io.pactwire.core.internal.Secrets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a pact's JSON tree (already checked by core's PactReader) into a {@link Contract}: every
 * specification version, HTTP interactions, asynchronous and synchronous messages. Keys and array
 * order of the file do not show in the result: elements are keyed by location and sorted.
 */
public final class ContractReader {

  private static final Map<String, List<JsonPath.Segment>> PATHS = new ConcurrentHashMap<>();

  private ContractReader() {}

  /** The contract of a checked pact tree; {@code file} is how messages name it. */
  public static Contract read(String file, JsonNode pact) {
    boolean v4 = v4(pact);
    // a pact repeats its matching rules in interaction after interaction: each distinct set of
    // rules is read once per file
    Map<RulesKey, Rules> rules = new HashMap<>();
    List<ContractInteraction> out = new ArrayList<>();
    int i = 0;
    for (JsonNode interaction : pact.path("interactions")) {
      ContractInteraction read = interaction(i++, interaction, v4, rules);
      if (read != null) {
        out.add(read);
      }
    }
    i = 0;
    for (JsonNode message : pact.path("messages")) {
      out.add(asyncMessage(i++, message, v4, rules));
    }
    return new Contract(file, consumer(pact), provider(pact), List.copyOf(out));
  }

  /** The consumer's name in a checked pact tree. */
  public static String consumer(JsonNode pact) {
    return pact.path("consumer").path("name").asText();
  }

  /** The provider's name in a checked pact tree. */
  public static String provider(JsonNode pact) {
    return pact.path("provider").path("name").asText();
  }

  /**
   * True when two checked pact trees of one contract hold the same interactions and messages, in
   * any order and with their keys in any order, and are read by the same specification version:
   * {@link #read} then makes the same interactions of both, and there is no change between them.
   * Comparing the trees costs a fraction of reading them into contracts, and most files of two
   * versions of a store that differ at all differ only in order. A decimal written with another
   * scale ({@code 24.9}, {@code 24.90}) is a difference here, left to the comparison of contracts.
   */
  public static boolean sameInteractions(JsonNode before, JsonNode after) {
    return v4(before) == v4(after)
        && sameEntries(before.path("interactions"), after.path("interactions"))
        && sameEntries(before.path("messages"), after.path("messages"));
  }

  // the same entries, each as often, in any order (a JSON object's equality ignores key order)
  private static boolean sameEntries(JsonNode before, JsonNode after) {
    if (before.size() != after.size()) {
      return false;
    }
    Map<JsonNode, Integer> counts = new HashMap<>();
    for (JsonNode entry : before) {
      counts.merge(entry, 1, Integer::sum);
    }
    for (JsonNode entry : after) {
      Integer left = counts.get(entry);
      if (left == null) {
        return false;
      }
      if (left == 1) {
        counts.remove(entry);
      } else {
        counts.put(entry, left - 1);
      }
    }
    return counts.isEmpty();
  }

  static boolean v4(JsonNode pact) {
    String version =
        pact.path("metadata")
            .path("pactSpecification")
            .path("version")
            .asText(pact.path("metadata").path("pact-specification").path("version").asText(""));
    return version.startsWith("4") || version.startsWith("v4");
  }

  private static Rules rules(JsonNode node, Map<RulesKey, Rules> read) {
    if (node == null || !node.isObject() || node.isEmpty()) {
      return Rules.of(node);
    }
    return read.computeIfAbsent(new RulesKey(node), k -> Rules.of(k.rules()));
  }

  private static ContractInteraction interaction(
      int index, JsonNode i, boolean v4, Map<RulesKey, Rules> rules) {
    String type = i.path("type").asText("");
    if (type.isEmpty()) {
      type = i.has("request") ? "Synchronous/HTTP" : "Asynchronous/Messages";
    }
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "synchronous/http" -> http(index, i, v4, rules);
      case "asynchronous/messages" -> asyncMessage(index, i, v4, rules);
      case "synchronous/messages" -> syncMessage(index, i, v4, rules);
      default -> null;
    };
  }

  private static ContractInteraction http(
      int index, JsonNode i, boolean v4, Map<RulesKey, Rules> rules) {
    JsonNode req = i.path("request");
    JsonNode res = i.path("response");
    Rules reqRules = rules(req.get("matchingRules"), rules);
    Map<String, Element> request = new TreeMap<>();
    scalar(
        request,
        "method",
        TextNode.valueOf(req.path("method").asText("GET").toUpperCase(Locale.ROOT)),
        null);
    scalar(
        request, "path", TextNode.valueOf(req.path("path").asText("/")), reqRules.single("path"));
    query(request, req.get("query"), reqRules);
    headers(request, "header ", req.get("headers"), reqRules.named("header"));
    body(request, req.get("body"), v4, reqRules);
    Rules resRules = rules(res.get("matchingRules"), rules);
    Map<String, Element> response = new TreeMap<>();
    scalar(
        response,
        "status",
        res.path("status").isMissingNode() ? null : res.get("status"),
        resRules.single("status"));
    headers(response, "header ", res.get("headers"), resRules.named("header"));
    body(response, res.get("body"), v4, resRules);
    return new ContractInteraction(
        index,
        "HTTP",
        description(i),
        states(i),
        List.of(new Part("request", true, request), new Part("response", false, response)));
  }

  private static ContractInteraction asyncMessage(
      int index, JsonNode m, boolean v4, Map<RulesKey, Rules> rules) {
    return new ContractInteraction(
        index,
        "message",
        description(m),
        states(m),
        List.of(message("message", false, m, v4, rules)));
  }

  private static ContractInteraction syncMessage(
      int index, JsonNode m, boolean v4, Map<RulesKey, Rules> rules) {
    List<Part> parts = new ArrayList<>();
    parts.add(message("request", true, m.path("request"), v4, rules));
    int r = 0;
    for (JsonNode response : m.path("response")) {
      parts.add(message(r == 0 ? "response" : "response[" + r + "]", false, response, v4, rules));
      r++;
    }
    return new ContractInteraction(
        index, "sync message", description(m), states(m), List.copyOf(parts));
  }

  private static Part message(
      String name, boolean fromConsumer, JsonNode m, boolean v4, Map<RulesKey, Rules> read) {
    Rules rules = rules(m.get("matchingRules"), read);
    Map<String, Element> elements = new TreeMap<>();
    JsonNode metadata = m.has("metadata") ? m.get("metadata") : m.get("metaData");
    headers(elements, "metadata ", metadata, rules.named("metadata"));
    body(elements, m.get("contents"), v4, rules);
    return new Part(name, fromConsumer, elements);
  }

  private static String description(JsonNode i) {
    return i.path("description").asText("");
  }

  private static Map<String, String> states(JsonNode i) {
    Map<String, String> out = new TreeMap<>();
    JsonNode old = i.has("providerState") ? i.get("providerState") : i.get("provider_state");
    if (old != null && old.isTextual() && !old.textValue().isEmpty()) {
      out.put(old.textValue(), "");
    }
    for (JsonNode s : i.path("providerStates")) {
      JsonNode params = s.get("params");
      out.put(
          s.path("name").asText(""),
          params == null || params.isEmpty() ? "" : Canonical.text(params));
    }
    return out;
  }

  private static void scalar(Map<String, Element> out, String location, JsonNode value, Matcher m) {
    if (value == null) {
      return;
    }
    out.put(
        location,
        new Element(location, type(value), Canonical.scalar(value), m, false, null, null));
  }

  private static void query(Map<String, Element> out, JsonNode query, Rules rules) {
    if (query == null || query.isNull()) {
      return;
    }
    Map<String, Matcher> named = rules.named("query");
    Map<String, String> values = new TreeMap<>();
    if (query.isTextual()) {
      for (String pair : query.textValue().split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        values.merge(name, value, (a, b) -> a + ", " + b);
      }
    } else {
      for (Map.Entry<String, JsonNode> e : query.properties()) {
        values.put(e.getKey(), joined(e.getValue()));
      }
    }
    values.forEach(
        (name, value) -> {
          String location = "query " + name;
          out.put(
              location,
              new Element(
                  location,
                  "text",
                  // a credential's value is no part of the contract, and is shown nowhere
                  Canonical.quote(Secrets.isSecretQueryParameter(name) ? Secrets.REDACTED : value),
                  named.get(name),
                  false,
                  null,
                  null));
        });
  }

  private static void headers(
      Map<String, Element> out, String prefix, JsonNode headers, Map<String, Matcher> rules) {
    if (headers == null || !headers.isObject()) {
      return;
    }
    Map<String, Matcher> byLowerName = new TreeMap<>();
    rules.forEach(
        (k, v) -> byLowerName.put(prefix.startsWith("header") ? k.toLowerCase(Locale.ROOT) : k, v));
    for (Map.Entry<String, JsonNode> e : headers.properties()) {
      // header names are case-insensitive, message metadata keys are not
      boolean header = prefix.startsWith("header");
      String name = header ? e.getKey().toLowerCase(Locale.ROOT) : e.getKey();
      String location = prefix + name;
      JsonNode value = e.getValue();
      String example =
          value.isArray() || value.isTextual() ? Canonical.quote(joined(value)) : value.toString();
      if (header && Secrets.isSecretHeader(name)) {
        example = Canonical.quote(Secrets.REDACTED);
      }
      out.put(
          location,
          new Element(
              location,
              value.isArray() || value.isTextual() ? "text" : type(value),
              example,
              byLowerName.get(name),
              false,
              null,
              null));
    }
  }

  private static String joined(JsonNode value) {
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(v.asText()));
      return String.join(", ", parts);
    }
    return value.asText();
  }

  private static void body(Map<String, Element> out, JsonNode body, boolean v4, Rules rules) {
    if (body == null || body.isMissingNode()) {
      return;
    }
    JsonNode content = body;
    if (v4
        && body.isObject()
        && body.has("content")
        && (body.has("contentType") || body.has("encoded"))) {
      JsonNode encoded = body.get("encoded");
      boolean isEncoded =
          encoded != null && !(encoded.isBoolean() && !encoded.booleanValue()) && !encoded.isNull();
      content = body.get("content");
      if (isEncoded && content.isTextual()) {
        out.put("body", new Element("body", "bytes", content.toString(), null, false, null, null));
        return;
      }
    }
    if (content == null || content.isNull() && !v4) {
      return;
    }
    flatten(content, "$", new ArrayList<>(), out, rules);
  }

  private static void flatten(
      JsonNode node,
      String path,
      List<JsonPath.Segment> segments,
      Map<String, Element> out,
      Rules rules) {
    String location = "body " + path;
    if (out.containsKey(location) && !node.isContainerNode()) {
      // a later item of an array, at the same location as the first: the array's own element
      // holds its value (below)
      return;
    }
    Rules.Found found = rules.body(segments);
    Matcher m = found == null ? null : found.matcher();
    boolean inherited = found != null && found.inherited();
    Integer min = m != null && !inherited ? m.min() : null;
    Integer max = m != null && !inherited ? m.max() : null;
    String example = null;
    if (!node.isContainerNode()) {
      example = Canonical.scalar(node);
    } else if (node.isArray() && found == null) {
      // no rule on the array: pact-jvm compares it item by item, in order, and its length; its
      // items share one location ($.tags[*]), so what tells them apart is written here
      StringBuilder text = new StringBuilder();
      Canonical.write(node, segments, at -> rules.body(at) != null, text);
      example = text.toString();
    }
    out.putIfAbsent(location, new Element(location, type(node), example, m, inherited, min, max));
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        segments.add(new JsonPath.Field(e.getKey()));
        flatten(e.getValue(), JsonPath.child(path, e.getKey()), segments, out, rules);
        segments.remove(segments.size() - 1);
      }
    } else if (node.isArray()) {
      segments.add(new JsonPath.AnyIndex());
      String items = path + "[*]";
      for (JsonNode item : node) {
        flatten(item, items, segments, out, rules);
      }
      segments.remove(segments.size() - 1);
    }
  }

  static String type(JsonNode v) {
    return switch (v.getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case NUMBER -> v.isIntegralNumber() ? "integer" : "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> "text";
    };
  }

  /** A rule path's steps, parsed once per distinct path by pact-jvm's parser. */
  static List<JsonPath.Segment> segments(String path) {
    return PATHS.computeIfAbsent(
        path, p -> JsonPath.tryParse(p).map(JsonPath::segments).orElse(null));
  }
}
