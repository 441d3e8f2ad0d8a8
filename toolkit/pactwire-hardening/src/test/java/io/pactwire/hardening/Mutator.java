package io.pactwire.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded mutations of a valid input: byte flips, truncation, inserted bytes, a repeated key, a
 * value of another type, deep nesting, a removed field. The same seed gives the same input.
 */
final class Mutator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Mutator() {}

  /** One mutation of {@code seed}, and its name, chosen by {@code random}. */
  static Mutation mutate(byte[] seed, Random random) {
    int kind = random.nextInt(8);
    switch (kind) {
      case 0:
        {
          byte[] out = seed.clone();
          int flips = 1 + random.nextInt(4);
          for (int i = 0; i < flips && out.length > 0; i++) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
          }
          return new Mutation("byte flips", out);
        }
      case 1:
        return new Mutation(
            "truncation", Arrays.copyOf(seed, seed.length == 0 ? 0 : random.nextInt(seed.length)));
      case 2:
        {
          int at = seed.length == 0 ? 0 : random.nextInt(seed.length);
          byte[] syntax = "{}[],:\"\\0-e.".getBytes(StandardCharsets.UTF_8);
          byte[] inserted = {syntax[random.nextInt(syntax.length)]};
          byte[] out = new byte[seed.length + 1];
          System.arraycopy(seed, 0, out, 0, at);
          out[at] = random.nextBoolean() ? inserted[0] : (byte) random.nextInt(256);
          System.arraycopy(seed, at, out, at + 1, seed.length - at);
          return new Mutation("inserted byte", out);
        }
      default:
        return treeMutation(seed, kind, random);
    }
  }

  private static Mutation treeMutation(byte[] seed, int kind, Random random) {
    JsonNode root;
    try {
      root = JSON.readTree(seed);
    } catch (Exception e) {
      return new Mutation("byte flips (seed not JSON)", seed);
    }
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    if (containers.isEmpty()) {
      return new Mutation("unchanged", seed);
    }
    JsonNode parent = containers.get(random.nextInt(containers.size()));
    String text;
    switch (kind) {
      case 3:
        {
          // a repeated key: the text gains a second member of the same name
          if (parent instanceof ObjectNode object && object.size() > 0) {
            String key = pick(object, random).getKey();
            object.set(key + "\u0000DUP", randomValue(random));
          }
          text = root.toString().replace("\\u0000DUP\"", "\"");
          return new Mutation("duplicate key", text.getBytes(StandardCharsets.UTF_8));
        }
      case 4:
        replace(parent, randomValue(random), random);
        return new Mutation("type swap", bytes(root));
      case 5:
        {
          int depth = random.nextInt(3) == 0 ? 1500 + random.nextInt(9000) : random.nextInt(200);
          replace(parent, NODES.textNode("@DEEP@"), random);
          StringBuilder open = new StringBuilder();
          StringBuilder close = new StringBuilder();
          for (int i = 0; i < depth; i++) {
            boolean array = random.nextBoolean();
            open.append(array ? "[" : "{\"a\":");
            close.append(array ? "]" : "}");
          }
          String nested = open + "1" + close.reverse();
          text = root.toString().replace("\"@DEEP@\"", nested);
          return new Mutation("deep nesting " + depth, text.getBytes(StandardCharsets.UTF_8));
        }
      case 6:
        if (parent instanceof ObjectNode object && object.size() > 0) {
          object.remove(pick(object, random).getKey());
        } else if (parent instanceof ArrayNode array && array.size() > 0) {
          array.remove(random.nextInt(array.size()));
        }
        return new Mutation("removed field", bytes(root));
      default:
        {
          // a huge or odd number
          JsonNode number =
              switch (random.nextInt(4)) {
                case 0 ->
                    NODES.numberNode(
                        new java.math.BigInteger("9".repeat(1 + random.nextInt(1500))));
                case 1 -> NODES.numberNode(-1);
                case 2 -> NODES.numberNode(1e300);
                default -> NODES.numberNode(Long.MIN_VALUE);
              };
          replace(parent, number, random);
          return new Mutation("odd number", bytes(root));
        }
    }
  }

  private static Map.Entry<String, JsonNode> pick(ObjectNode object, Random random) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
    return entries.get(random.nextInt(entries.size()));
  }

  private static void replace(JsonNode parent, JsonNode value, Random random) {
    if (parent instanceof ObjectNode object && object.size() > 0) {
      object.set(pick(object, random).getKey(), value);
    } else if (parent instanceof ArrayNode array && array.size() > 0) {
      array.set(random.nextInt(array.size()), value);
    }
  }

  private static JsonNode randomValue(Random random) {
    return switch (random.nextInt(7)) {
      case 0 -> NODES.textNode("x");
      case 1 -> NODES.numberNode(random.nextInt(1000) - 10);
      case 2 -> NODES.booleanNode(random.nextBoolean());
      case 3 -> NODES.nullNode();
      case 4 -> NODES.arrayNode().add("a").add(1);
      case 5 -> NODES.objectNode().put("match", random.nextBoolean() ? "type" : "regex");
      default -> NODES.textNode("$.body[*].x");
    };
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> collect(child, out));
    }
  }

  private static byte[] bytes(JsonNode root) {
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  record Mutation(String name, byte[] bytes) {}
}
