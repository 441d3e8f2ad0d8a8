package io.pactwire.consumer.internal;

import au.com.dius.pact.core.model.BasePact;
import au.com.dius.pact.core.model.FeatureToggles;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.support.Json;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.core.ContractId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A V4 pact as the Jackson tree that {@code PactFiles.render(Pact)} writes, built straight from
 * pact-jvm's map form of each interaction. The way through {@code V4Pact.toMap} (Kotlin reflection
 * on consumer and provider), pact-jvm's text serialiser and a re-parse took a third of capture's
 * time in the capture benchmark. The tree is the same: objects keyed in sorted order as pact-jvm
 * writes them, numbers with the digits pact-jvm holds, anything else as pact-jvm's {@code
 * Json.toJson} makes it.
 */
final class PactTrees {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static volatile Metadata metadata;

  private record Metadata(Map<String, Object> toggles, JsonNode tree) {}

  private PactTrees() {}

  /** The pact between {@code contract}'s parties, with these interactions in this order. */
  static ObjectNode pact(ContractId contract, Collection<? extends Interaction> interactions) {
    ObjectNode pact = NODES.objectNode();
    pact.set("consumer", NODES.objectNode().put("name", contract.consumer()));
    ArrayNode list = pact.putArray("interactions");
    for (Interaction interaction : interactions) {
      list.add(interaction(interaction));
    }
    pact.set("metadata", metadata());
    pact.set("provider", NODES.objectNode().put("name", contract.provider()));
    return pact;
  }

  // BasePact.metaData reads pact-jvm's version from its jar's manifest on every call; what it
  // returns changes only with pact-jvm's feature toggles.
  private static JsonNode metadata() {
    Map<String, Object> toggles = FeatureToggles.updatedToggles();
    Metadata cached = metadata;
    if (cached == null || !cached.toggles().equals(toggles)) {
      JsonNode tree =
          tree(BasePact.metaData(Json.toJson(BasePact.getDEFAULT_METADATA()), PactSpecVersion.V4));
      cached = new Metadata(new HashMap<>(toggles), tree);
      metadata = cached;
    }
    return cached.tree().deepCopy();
  }

  /** One interaction as it appears in the pact's {@code interactions}. */
  static ObjectNode interaction(Interaction interaction) {
    return (ObjectNode) tree(interaction.toMap(PactSpecVersion.V4));
  }

  private static JsonNode tree(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonValue json) {
      return tree(json);
    }
    if (value instanceof String text) {
      return TextNode.valueOf(text);
    }
    if (value instanceof Boolean bool) {
      return BooleanNode.valueOf(bool);
    }
    if (value instanceof Integer number) {
      return IntNode.valueOf(number);
    }
    if (value instanceof Long number) {
      return LongNode.valueOf(number);
    }
    if (value instanceof BigInteger number) {
      return BigIntegerNode.valueOf(number);
    }
    if (value instanceof Number number) {
      return DecimalNode.valueOf(new BigDecimal(number.toString()));
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      sorted.forEach((k, v) -> object.set(k, tree(v)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode(list.size());
      list.forEach(v -> array.add(tree(v)));
      return array;
    }
    return tree(Json.toJson(value));
  }

  private static JsonNode tree(JsonValue json) {
    if (json instanceof JsonValue.Object object) {
      return tree(object.getEntries());
    }
    if (json instanceof JsonValue.Array array) {
      return tree(array.getValues());
    }
    if (json instanceof JsonValue.StringValue text) {
      return TextNode.valueOf(text.toString());
    }
    if (json instanceof JsonValue.Integer integer) {
      return BigIntegerNode.valueOf(integer.toBigInteger());
    }
    if (json instanceof JsonValue.Decimal decimal) {
      return DecimalNode.valueOf(decimal.toBigDecimal());
    }
    if (json instanceof JsonValue.True) {
      return BooleanNode.TRUE;
    }
    if (json instanceof JsonValue.False) {
      return BooleanNode.FALSE;
    }
    return NullNode.getInstance();
  }
}
