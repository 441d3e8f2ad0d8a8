package io.pactwire.core.internal.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pactwire.core.internal.JsonTrees;
import io.pactwire.core.internal.PactReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pact's version: the SHA-256 of its normalised content, so that two files with the same contract
 * have the same version whoever wrote them.
 *
 * <p>Normalised means: object keys sorted at every level; the {@code interactions} and {@code
 * messages} arrays sorted by their normalised text (their order says nothing about the contract);
 * of the {@code metadata}, only the specification version and plugins are kept (the version of the
 * tool that wrote the file is not part of the contract). Every other array keeps its order, and
 * numbers keep the scale written ({@code 24.90} is not {@code 24.9}).
 */
public final class PactVersions {

  private static final JsonFactory FACTORY = new JsonFactory();

  private PactVersions() {}

  /**
   * Reads a pact file with the pact reader and returns its version.
   *
   * @throws io.pactwire.core.PactFileException when the file is not a readable pact
   */
  public static String of(Path pactFile) {
    return of(PactReader.read(pactFile));
  }

  /**
   * The version of a pact's text (as git keeps an earlier revision of it), decimals as written.
   *
   * @return null when the text is not a JSON object
   */
  public static String ofText(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonNode tree = JsonTrees.read(p, true, JsonNodeFactory.instance::textNode, null);
      return tree != null && tree.isObject() ? of(tree) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The version of a pact already read. */
  public static String of(JsonNode pact) {
    return sha256(normalised(pact));
  }

  /** The normalised text that the version is the hash of. */
  static String normalised(JsonNode pact) {
    StringWriter out = new StringWriter(4096);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      TreeMap<String, JsonNode> fields = sorted(pact);
      for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
        String name = field.getKey();
        if (name.equals("metadata")) {
          JsonNode metadata = metadata(field.getValue());
          if (metadata != null) {
            g.writeFieldName(name);
            g.writeRawValue(metadata.isObject() ? text(metadata) : "null");
          }
          continue;
        }
        g.writeFieldName(name);
        if ((name.equals("interactions") || name.equals("messages"))
            && field.getValue().isArray()) {
          List<String> entries = new ArrayList<>();
          for (JsonNode entry : field.getValue()) {
            entries.add(text(entry));
          }
          entries.sort(null);
          g.writeStartArray();
          for (String entry : entries) {
            g.writeRawValue(entry);
          }
          g.writeEndArray();
        } else {
          write(g, field.getValue());
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The specification version (under either spelling) and plugins; null when neither is set. */
  private static JsonNode metadata(JsonNode metadata) {
    if (!metadata.isObject()) {
      return null;
    }
    var kept = JsonNodeFactory.instance.objectNode();
    for (String key : new String[] {"pactSpecification", "pact-specification"}) {
      JsonNode version = metadata.path(key).get("version");
      if (version != null) {
        kept.set("pactSpecification", version);
      }
    }
    if (metadata.has("plugins")) {
      kept.set("plugins", metadata.get("plugins"));
    }
    return kept.isEmpty() ? null : kept;
  }

  private static String text(JsonNode node) throws IOException {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, node);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, JsonNode node) throws IOException {
    if (node.isObject()) {
      g.writeStartObject();
      for (Map.Entry<String, JsonNode> field : sorted(node).entrySet()) {
        g.writeFieldName(field.getKey());
        write(g, field.getValue());
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (JsonNode element : node) {
        write(g, element);
      }
      g.writeEndArray();
    } else if (node.isTextual()) {
      g.writeString(node.textValue());
    } else if (node.isNumber()) {
      // as written: the tree keeps a decimal's scale
      g.writeNumber(node.numberValue().toString());
    } else if (node.isBoolean()) {
      g.writeBoolean(node.booleanValue());
    } else {
      g.writeNull();
    }
  }

  private static TreeMap<String, JsonNode> sorted(JsonNode object) {
    TreeMap<String, JsonNode> fields = new TreeMap<>();
    object.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
    return fields;
  }

  static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
