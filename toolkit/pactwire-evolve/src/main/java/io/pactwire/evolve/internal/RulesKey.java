package io.pactwire.evolve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A matching rules object as a map key, equal to another only with the same keys in the same order:
 * which of two rules of one length applies to a value depends on their order, so two rule objects
 * that differ only in order are not one set of rules here (JsonNode's own equality ignores order).
 */
final class RulesKey {

  private final JsonNode rules;
  private final int hash;

  RulesKey(JsonNode rules) {
    this.rules = rules;
    this.hash = hash(rules);
  }

  JsonNode rules() {
    return rules;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RulesKey k && k.hash == hash && same(k.rules, rules);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  private static int hash(JsonNode node) {
    if (node.isObject()) {
      int h = 1;
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        h = 31 * (31 * h + e.getKey().hashCode()) + hash(e.getValue());
      }
      return h;
    }
    if (node.isArray()) {
      int h = 2;
      for (JsonNode item : node) {
        h = 31 * h + hash(item);
      }
      return h;
    }
    return node.hashCode();
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> ia = a.properties().iterator();
      Iterator<Map.Entry<String, JsonNode>> ib = b.properties().iterator();
      while (ia.hasNext()) {
        Map.Entry<String, JsonNode> ea = ia.next();
        Map.Entry<String, JsonNode> eb = ib.next();
        if (!ea.getKey().equals(eb.getKey()) || !same(ea.getValue(), eb.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
