package io.pactwire.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * The one way Pactwire prints JSON: deterministic text (map keys sorted, trees and records in their
 * own order, decimals with their scale), two-space indented objects, arrays on one line, one
 * trailing newline. Pacts, findings and reports all print through it, so equal content is equal
 * bytes whichever file holds it.
 */
public final class JsonText {

  /** Reads and converts as pacts need: 24.90 stays 24.90, map keys come out sorted. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private static final String INDENT = "  ";

  // Two-space objects, arrays on one line: {@code "a" : [ 1, 2 ]}.
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter(INDENT, "\n"));

  private JsonText() {}

  /**
   * A JSON-shaped value as text with a trailing newline; a value that is not a tree becomes one.
   */
  public static String render(Object json) {
    return print(json instanceof JsonNode node ? node : MAPPER.valueToTree(json), 0) + "\n";
  }

  /**
   * A tree's text, without a trailing newline, printed as if nested {@code level} objects deep: an
   * interaction printed once can be joined into a pact's text unchanged.
   */
  public static String print(JsonNode tree, int level) {
    TextWriter out = new TextWriter();
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
      generator.setPrettyPrinter(new LevelledPrinter(level));
      write(generator, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.text.toString();
  }

  /**
   * Walks a tree onto a generator: the text an ObjectWriter with the same printer writes, without
   * the serialiser look-ups around each node (a capture prints every interaction once; they cost a
   * sixth of its time). A {@link RawValue} is written as it is.
   */
  public static void write(JsonGenerator g, JsonNode node) throws IOException {
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
          MAPPER.writeTree(g, node);
        }
      }
      default -> MAPPER.writeTree(g, node);
    }
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
}
