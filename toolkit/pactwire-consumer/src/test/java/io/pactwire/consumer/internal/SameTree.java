package io.pactwire.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Compares JSON trees down to node types and key order, which equals() does not. */
final class SameTree {

  private SameTree() {}

  static void assertSameTree(JsonNode actual, JsonNode expected) {
    if (expected == null) {
      assertThat(actual).isNull();
      return;
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.getClass()).isEqualTo(expected.getClass());
    if (expected.isObject()) {
      assertThat(actual.propertyStream().map(Map.Entry::getKey).toList())
          .isEqualTo(expected.propertyStream().map(Map.Entry::getKey).toList());
      expected.properties().forEach(e -> assertSameTree(actual.get(e.getKey()), e.getValue()));
    } else if (expected.isArray()) {
      Iterator<JsonNode> a = actual.iterator();
      expected.forEach(e -> assertSameTree(a.next(), e));
    }
  }
}
