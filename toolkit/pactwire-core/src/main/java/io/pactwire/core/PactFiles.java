package io.pactwire.core;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.V4Pact;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads and writes pact files through pact-jvm's model.
 *
 * <p>Writing is deterministic (keys sorted, two-space indent, one trailing newline), so an
 * unchanged contract leaves its file byte-identical, and atomic (a temporary file moved over the
 * target), so a reader never sees half a file.
 *
 * @since 0.1.0
 */
public final class PactFiles {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          // 24.90 stays 24.90: a contract's example keeps the scale the consumer wrote.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private static final String INDENT = "  ";

  // What the printer writes between two values of an array, and a value it never writes unescaped.
  private static final String ARRAY_SEPARATOR = ", ";
  private static final String MARKER = "\u0001";

  // Two-space objects, arrays on one line: {@code "a" : [ 1, 2 ]}.
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter(INDENT, "\n"));

  private PactFiles() {}

  /**
   * Reads a pact file of any specification version.
   *
   * @throws PactFileException naming the file, and the line and column for malformed JSON
   */
  public static Pact read(Path file) {
    JsonNode tree = readTree(file);
    if (!tree.isObject()) {
      throw new PactFileException(file, "1:1", "a pact is a JSON object", null);
    }
    for (String field : new String[] {"consumer", "provider"}) {
      if (!tree.path(field).path("name").isTextual()) {
        throw new PactFileException(file, "", "missing " + field + ".name", null);
      }
    }
    try {
      return DefaultPactReader.INSTANCE.loadPact(file.toFile());
    } catch (RuntimeException e) {
      throw new PactFileException(file, "", "not a pact pact-jvm can load: " + e.getMessage(), e);
    }
  }

  /** Reads a file as a JSON tree, failing with the file, line and column when it is malformed. */
  public static JsonNode readTree(Path file) {
    try {
      return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String location = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr();
      throw new PactFileException(file, location, "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new PactFileException(file, "", "cannot read: " + e, e);
    }
  }

  /** Renders a pact as deterministic V4 JSON, upgrading an older specification version. */
  public static String render(Pact pact) {
    V4Pact v4 = pact.asV4Pact().get();
    if (v4 == null) {
      throw new IllegalArgumentException(
          "cannot express as a V4 pact: " + pact.asV4Pact().errorValue());
    }
    ObjectNode tree;
    try {
      tree = PactTrees.pact(v4);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot render the pact between "
              + pact.getConsumer().getName()
              + " and "
              + pact.getProvider().getName()
              + " as V4 JSON: "
              + e.getMessage(),
          e);
    }
    return render(tree);
  }

  /**
   * One interaction as a V4 pact holds it: the tree {@link #render(Pact)} prints for it, keys
   * sorted, numbers with the digits pact-jvm holds.
   *
   * @since 0.1.0
   */
  public static ObjectNode tree(Interaction interaction) {
    return PactTrees.interaction(interaction);
  }

  /**
   * A provider state as a V4 interaction holds it in its {@code providerStates}.
   *
   * @since 0.1.0
   */
  public static ObjectNode tree(ProviderState state) {
    return PactTrees.providerState(state);
  }

  /**
   * A request's or response's body as a V4 pact holds it: JSON as its value, text as a string,
   * binary content types in base64; an empty object for no body.
   *
   * @since 0.1.0
   */
  public static JsonNode tree(OptionalBody body) {
    return PactTrees.body(body);
  }

  /**
   * The V4 pact between {@code contract}'s parties with these interactions (as {@link
   * #tree(Interaction)} gives them), in this order, and pact-jvm's metadata.
   *
   * @since 0.1.0
   */
  public static ObjectNode tree(ContractId contract, Collection<? extends JsonNode> interactions) {
    return PactTrees.pact(contract, interactions);
  }

  /**
   * One interaction's text as {@link #render(Object)} prints it inside a pact, for {@link
   * #render(ContractId, List)}: a capture renders each interaction once, when it is built, and a
   * pact of many only joins their texts.
   *
   * @since 0.1.0
   */
  public static String renderInteraction(JsonNode interaction) {
    // In the pact an interaction sits one level deeper (the array of interactions adds none): its
    // printer starts one level in.
    return print(interaction, 1);
  }

  /**
   * The V4 pact between {@code contract}'s parties with these interactions, each as {@link
   * #renderInteraction} gives it, in this order: the text of {@code render(tree(contract,
   * interactions))}.
   *
   * @since 0.1.0
   */
  public static String render(ContractId contract, List<String> renderedInteractions) {
    ObjectNode pact = PactTrees.pact(contract, List.of());
    if (renderedInteractions.isEmpty()) {
      return render(pact);
    }
    // The pact printed around one marker, a character that Jackson escapes inside any string:
    // the interactions' texts go where it is, each after the printer's separator.
    ((ArrayNode) pact.get("interactions")).addRawValue(new RawValue(MARKER));
    String skeleton = render(pact);
    int at = skeleton.indexOf(MARKER);
    int length = skeleton.length();
    for (String text : renderedInteractions) {
      length += text.length() + ARRAY_SEPARATOR.length();
    }
    StringBuilder out = new StringBuilder(length).append(skeleton, 0, at);
    for (int i = 0; i < renderedInteractions.size(); i++) {
      out.append(i == 0 ? "" : ARRAY_SEPARATOR).append(renderedInteractions.get(i));
    }
    return out.append(skeleton, at + MARKER.length(), skeleton.length()).toString();
  }

  /**
   * Renders a JSON-shaped value deterministically: map keys sorted; trees and records keep their
   * order; decimals keep their scale.
   */
  public static String render(Object json) {
    // a tree is printed as it is; anything else becomes one first (sorting its maps' keys)
    return print(json instanceof JsonNode node ? node : JSON.valueToTree(json)) + "\n";
  }

  // The tree walked onto a generator with the pretty printer: the text an ObjectWriter with that
  // printer writes (PactFilesTests compares them), without the serialiser lookups around each
  // node, which cost a capture, which prints every interaction once, a sixth of its time.
  private static String print(JsonNode tree) {
    return print(tree, 0);
  }

  // Printed as if nested this many objects deep.
  private static String print(JsonNode tree, int level) {
    TextWriter out = new TextWriter();
    try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
      generator.setPrettyPrinter(new LevelledPrinter(level));
      write(generator, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.text.toString();
  }

  /** {@link #PRETTY}, starting this many levels in. */
  private static final class LevelledPrinter extends DefaultPrettyPrinter {
    LevelledPrinter(int level) {
      super(PRETTY);
      _nesting = level;
    }
  }

  /** A writer into a StringBuilder: StringWriter's buffer locks on every write. */
  private static final class TextWriter extends Writer {
    final StringBuilder text = new StringBuilder(2048);

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
      text.append(string, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          g.writeFieldName(field.getKey());
          write(g, field.getValue());
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode element : node) {
          write(g, element);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(node.textValue());
      case NUMBER -> {
        switch (node.numberType()) {
          case INT -> g.writeNumber(node.intValue());
          case LONG -> g.writeNumber(node.longValue());
          case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
          case FLOAT -> g.writeNumber(node.floatValue());
          case DOUBLE -> g.writeNumber(node.doubleValue());
          default -> g.writeNumber(node.decimalValue());
        }
      }
      case BOOLEAN -> g.writeBoolean(node.booleanValue());
      case NULL -> g.writeNull();
      case POJO -> {
        if (((POJONode) node).getPojo() instanceof RawValue raw) {
          g.writeRawValue(String.valueOf(raw.rawValue()));
        } else {
          JSON.writeTree(g, node);
        }
      }
      default -> JSON.writeTree(g, node);
    }
  }

  /** Writes a pact as V4 JSON, atomically and under the file's lock. */
  public static void write(Pact pact, Path file) {
    String text = render(pact);
    update(file, current -> Optional.of(text));
  }

  /**
   * Replaces a file's text with {@code change.apply(current)} while holding its lock, so that
   * parallel test forks updating one pact lose nothing. {@code current} is empty when the file does
   * not exist yet; an empty result, or the same text, leaves the file untouched.
   */
  public static void update(Path file, UnaryOperator<Optional<String>> change) {
    FileLocks.withLock(
        file,
        () -> {
          Optional<String> current =
              Files.exists(file) ? Optional.of(readString(file)) : Optional.empty();
          Optional<String> next = change.apply(current);
          if (next.isPresent() && !next.equals(current)) {
            AtomicFiles.writeString(file, next.get());
          }
        });
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
