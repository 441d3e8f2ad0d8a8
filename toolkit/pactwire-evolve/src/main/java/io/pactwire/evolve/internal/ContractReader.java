package io.pactwire.evolve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.core.internal.JsonPath;
import io.pactwire.core.internal.PactReader;
import io.pactwire.core.internal.Secrets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Reads a pact's JSON tree (already checked by core's PactReader) into a {@link Contract}: every
 * specification version, HTTP interactions, asynchronous and synchronous messages. Keys and array
 * order of the file do not show in the result: elements are keyed by location and sorted.
 */
public final class ContractReader {

  private static final Map<String, List<JsonPath.Segment>> PATHS = new ConcurrentHashMap<>();

  private final boolean v4;
  // false for a usage report, which reads locations and matchers only
  private final boolean examples;
  // a pact repeats its matching rules in interaction after interaction: each distinct set of
  // rules is read once per file
  private final Map<RulesKey, Rules> rules = new HashMap<>();

  private ContractReader(boolean v4, boolean examples) {
    this.v4 = v4;
    this.examples = examples;
  }

  /** The contract of a checked pact tree; {@code file} is how messages name it. */
  public static Contract read(String file, JsonNode pact) {
    return new ContractReader(v4(pact), true).contract(file, pact);
  }

  /**
   * What a usage report reads of a checked pact tree: its elements' locations, types and matchers,
   * without their examples and the interactions' provider states, which cost a quarter of reading a
   * store and are not reported.
   */
  public static ContractFields fields(String file, JsonNode pact, Predicate<String> keep) {
    return ContractFields.of(new ContractReader(v4(pact), false).contract(file, pact), keep);
  }

  private Contract contract(String file, JsonNode pact) {
    List<ContractInteraction> out = new ArrayList<>();
    int i = 0;
    for (JsonNode interaction : pact.path("interactions")) {
      ContractInteraction read = interaction(i++, interaction);
      if (read != null) {
        out.add(read);
      }
    }
    i = 0;
    for (JsonNode message : pact.path("messages")) {
      out.add(asyncMessage(i++, message));
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

  // the same entries, each as often, in any order (a JSON object's equality ignores key order).
  // Entries are paired by their descriptions first: hashing whole entries walked every tree twice
  // more than comparing them, and was a quarter of a reordered store's diff
  private static boolean sameEntries(JsonNode before, JsonNode after) {
    if (before.size() != after.size()) {
      return false;
    }
    Map<JsonNode, List<JsonNode>> byDescription = new HashMap<>();
    for (JsonNode entry : before) {
      byDescription.computeIfAbsent(entry.path("description"), k -> new ArrayList<>(1)).add(entry);
    }
    for (JsonNode entry : after) {
      List<JsonNode> candidates = byDescription.get(entry.path("description"));
      if (candidates == null || !removeEqual(candidates, entry)) {
        return false;
      }
    }
    return true;
  }

  private static boolean removeEqual(List<JsonNode> candidates, JsonNode entry) {
    for (int i = 0; i < candidates.size(); i++) {
      if (candidates.get(i).equals(entry)) {
        candidates.remove(i);
        return true;
      }
    }
    return false;
  }

  static boolean v4(JsonNode pact) {
    return PactReader.isV4(PactReader.specificationVersion(pact.path("metadata")));
  }

  private Rules rules(JsonNode node) {
    if (node == null || !node.isObject() || node.isEmpty()) {
      return Rules.of(node);
    }
    return rules.computeIfAbsent(new RulesKey(node), k -> Rules.of(k.rules()));
  }

  private ContractInteraction interaction(int index, JsonNode i) {
    String type = i.path("type").asText("");
    if (type.isEmpty()) {
      type = i.has("request") ? "Synchronous/HTTP" : "Asynchronous/Messages";
    }
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "synchronous/http" -> http(index, i);
      case "asynchronous/messages" -> asyncMessage(index, i);
      case "synchronous/messages" -> syncMessage(index, i);
      default -> null;
    };
  }

  private ContractInteraction http(int index, JsonNode i) {
    JsonNode req = i.path("request");
    JsonNode res = i.path("response");
    Rules reqRules = rules(req.get("matchingRules"));
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
    body(request, req.get("body"), reqRules);
    Rules resRules = rules(res.get("matchingRules"));
    Map<String, Element> response = new TreeMap<>();
    scalar(
        response,
        "status",
        res.path("status").isMissingNode() ? null : res.get("status"),
        resRules.single("status"));
    headers(response, "header ", res.get("headers"), resRules.named("header"));
    body(response, res.get("body"), resRules);
    return new ContractInteraction(
        index,
        "HTTP",
        description(i),
        states(i),
        List.of(new Part("request", true, request), new Part("response", false, response)));
  }

  private ContractInteraction asyncMessage(int index, JsonNode m) {
    return new ContractInteraction(
        index, "message", description(m), states(m), List.of(message("message", false, m)));
  }

  private ContractInteraction syncMessage(int index, JsonNode m) {
    List<Part> parts = new ArrayList<>();
    parts.add(message("request", true, m.path("request")));
    int r = 0;
    for (JsonNode response : m.path("response")) {
      parts.add(message(r == 0 ? "response" : "response[" + r + "]", false, response));
      r++;
    }
    return new ContractInteraction(
        index, "sync message", description(m), states(m), List.copyOf(parts));
  }

  private Part message(String name, boolean fromConsumer, JsonNode m) {
    Rules rules = rules(m.get("matchingRules"));
    Map<String, Element> elements = new TreeMap<>();
    JsonNode metadata = m.has("metadata") ? m.get("metadata") : m.get("metaData");
    headers(elements, "metadata ", metadata, rules.named("metadata"));
    body(elements, m.get("contents"), rules);
    return new Part(name, fromConsumer, elements);
  }

  private static String description(JsonNode i) {
    return i.path("description").asText("");
  }

  private Map<String, String> states(JsonNode i) {
    Map<String, String> out = new TreeMap<>();
    if (!examples) {
      return out;
    }
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

  private void scalar(Map<String, Element> out, String location, JsonNode value, Matcher m) {
    if (value == null) {
      return;
    }
    // kept without examples too: the interaction's method, path and status are read from it
    out.put(
        location,
        new Element(location, type(value), Canonical.scalar(value), m, false, null, null));
  }

  private void query(Map<String, Element> out, JsonNode query, Rules rules) {
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
                  examples
                      ? Canonical.quote(
                          Secrets.isSecretQueryParameter(name) ? Secrets.REDACTED : value)
                      : null,
                  named.get(name),
                  false,
                  null,
                  null));
        });
  }

  private void headers(
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
      String example = null;
      if (!examples) {
        // no example to keep a credential out of
      } else if (header && Secrets.isSecretHeader(name)) {
        example = Canonical.quote(Secrets.REDACTED);
      } else {
        example =
            value.isArray() || value.isTextual()
                ? Canonical.quote(joined(value))
                : value.toString();
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

  private void body(Map<String, Element> out, JsonNode body, Rules rules) {
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
        out.put(
            "body",
            new Element(
                "body", "bytes", examples ? content.toString() : null, null, false, null, null));
        return;
      }
    }
    if (content == null || content.isNull() && !v4) {
      return;
    }
    flatten(content, "$", new ArrayList<>(), out, rules);
  }

  private void flatten(
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
    if (!examples) {
      // a usage report reads no example
    } else if (!node.isContainerNode()) {
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
