package io.pactwire.evolve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.internal.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The matching rules of one request, response or message, by category, read from V2's flat {@code
 * $.body.x} keys or V3 and V4's categories alike.
 */
final class Rules {

  private static final Rules NONE = new Rules();

  private final List<BodyRule> body = new ArrayList<>();
  private final Map<String, Map<String, Matcher>> named = new HashMap<>();
  private final Map<String, Matcher> single = new HashMap<>();

  private record BodyRule(List<JsonPath.Segment> segments, Matcher matcher) {}

  /** The rule found for a body value, and whether it is an ancestor's. */
  record Found(Matcher matcher, boolean inherited) {}

  private Rules() {}

  static Rules of(JsonNode rules) {
    if (rules == null || !rules.isObject() || rules.isEmpty()) {
      return NONE;
    }
    Rules out = new Rules();
    for (Map.Entry<String, JsonNode> category : rules.properties()) {
      String key = category.getKey();
      if (key.startsWith("$")) {
        out.v2(key, category.getValue());
        continue;
      }
      switch (key) {
        case "body", "content" -> {
          for (Map.Entry<String, JsonNode> rule : category.getValue().properties()) {
            out.addBody(rule.getKey(), Matcher.read(rule.getValue()));
          }
        }
        case "path", "status" -> out.single.put(key, Matcher.read(category.getValue()));
        default -> {
          String name = key.equals("headers") ? "header" : key;
          Map<String, Matcher> byName = out.named.computeIfAbsent(name, k -> new HashMap<>());
          for (Map.Entry<String, JsonNode> rule : category.getValue().properties()) {
            Matcher m = Matcher.read(rule.getValue());
            if (m != null) {
              byName.put(rule.getKey(), m);
            }
          }
        }
      }
    }
    return out;
  }

  // V2: {"$.body.price": {"match": "type"}, "$.headers.Accept": {...}, "$.path": {...}}
  private void v2(String key, JsonNode rule) {
    Matcher m = Matcher.read(rule);
    if (key.equals("$.body") || key.startsWith("$.body.") || key.startsWith("$.body[")) {
      addBody("$" + key.substring("$.body".length()), m);
    } else if (key.startsWith("$.headers.") || key.startsWith("$.header.")) {
      named
          .computeIfAbsent("header", k -> new HashMap<>())
          .put(key.substring(key.indexOf('.', 2) + 1), m);
    } else if (key.startsWith("$.query.")) {
      named.computeIfAbsent("query", k -> new HashMap<>()).put(key.substring(8), m);
    } else if (key.equals("$.path")) {
      single.put("path", m);
    }
  }

  private void addBody(String path, Matcher m) {
    List<JsonPath.Segment> segments = ContractReader.segments(path);
    if (segments != null && m != null) {
      body.add(new BodyRule(segments, m));
    }
  }

  Matcher single(String category) {
    return single.get(category);
  }

  Map<String, Matcher> named(String category) {
    return named.getOrDefault(category, Map.of());
  }

  /**
   * The rule of the longest path that is the value's path or an ancestor's, as pact-jvm picks the
   * most specific one; null when none applies.
   */
  Found body(List<JsonPath.Segment> path) {
    BodyRule best = null;
    for (BodyRule r : body) {
      if (r.segments().size() <= path.size()
          && (best == null || r.segments().size() > best.segments().size())
          && prefixOf(r.segments(), path)) {
        best = r;
      }
    }
    return best == null ? null : new Found(best.matcher(), best.segments().size() < path.size());
  }

  private static boolean prefixOf(List<JsonPath.Segment> rule, List<JsonPath.Segment> path) {
    for (int i = 0; i < rule.size(); i++) {
      JsonPath.Segment r = rule.get(i);
      JsonPath.Segment p = path.get(i);
      boolean ok =
          r instanceof JsonPath.Field f
              ? p instanceof JsonPath.Field pf && pf.name().equals(f.name())
              // pact-jvm's * stands for any field and any index
              : r instanceof JsonPath.AnyField
                  || p instanceof JsonPath.AnyIndex
                  || p instanceof JsonPath.Index;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
