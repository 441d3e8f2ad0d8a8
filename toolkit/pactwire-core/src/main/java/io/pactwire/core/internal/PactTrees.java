package io.pactwire.core.internal;

import au.com.dius.pact.core.model.BasePact;
import au.com.dius.pact.core.model.FeatureToggles;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.V4Pact;
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
 * A V4 pact as a Jackson tree, built from pact-jvm's map form of each interaction: the tree that
 * pact-jvm's own serialiser writes, read back, without its detours. {@code V4Pact.toMap} finds
 * consumer and provider by Kotlin reflection, and its text goes through pact-jvm's serialiser and a
 * re-parse: five times the time of this. Objects are keyed in sorted order, numbers keep the digits
 * pact-jvm holds, anything else is what pact-jvm's {@code Json.toJson} makes of it.
 */
public final class PactTrees {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static volatile Metadata metadata;

  private record Metadata(Map<String, Object> toggles, Map<String, ?> pact, JsonNode tree) {}

  private PactTrees() {}

  public static ObjectNode pact(V4Pact pact) {
    return pact(
        pact.getConsumer().getName(),
        pact.getProvider().getName(),
        pact.getInteractions().stream().map(PactTrees::interaction).toList(),
        pact.getMetadata());
  }

  public static ObjectNode pact(ContractId contract, Collection<? extends JsonNode> interactions) {
    return pact(
        contract.consumer(), contract.provider(), interactions, BasePact.getDEFAULT_METADATA());
  }

  private static ObjectNode pact(
      String consumer,
      String provider,
      Collection<? extends JsonNode> interactions,
      Map<String, ?> pactMetadata) {
    ObjectNode pact = NODES.objectNode();
    pact.set("consumer", NODES.objectNode().put("name", consumer));
    pact.putArray("interactions").addAll(interactions);
    pact.set("metadata", metadata(pactMetadata));
    pact.set("provider", NODES.objectNode().put("name", provider));
    return pact;
  }

  public static ObjectNode interaction(Interaction interaction) {
    return (ObjectNode) tree(interaction.toMap(PactSpecVersion.V4));
  }

  public static ObjectNode providerState(ProviderState state) {
    return (ObjectNode) tree(state.toMap());
  }

  public static JsonNode body(OptionalBody body) {
    return tree(body.toV4Format());
  }

  // BasePact.metaData reads pact-jvm's version from its jar's manifest on every call; what it
  // returns changes only with the pact's own metadata and pact-jvm's feature toggles.
  private static JsonNode metadata(Map<String, ?> pactMetadata) {
    Map<String, Object> toggles = FeatureToggles.updatedToggles();
    Metadata cached = metadata;
    if (cached == null
        || !cached.toggles().equals(toggles)
        || !cached.pact().equals(pactMetadata)) {
      JsonNode tree = tree(BasePact.metaData(Json.toJson(pactMetadata), PactSpecVersion.V4));
      cached = new Metadata(new HashMap<>(toggles), new HashMap<>(pactMetadata), tree);
      metadata = cached;
    }
    return cached.tree().deepCopy();
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
      return integer(number);
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
      return integer(integer.toBigInteger());
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

  // The same digits whatever the node; a BigInteger is slow to print.
  private static JsonNode integer(BigInteger number) {
    if (number.bitLength() < 32) {
      return IntNode.valueOf(number.intValue());
    }
    return number.bitLength() < 64
        ? LongNode.valueOf(number.longValue())
        : BigIntegerNode.valueOf(number);
  }
}
