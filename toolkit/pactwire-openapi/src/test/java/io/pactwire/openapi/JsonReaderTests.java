package io.pactwire.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.openapi.internal.Json;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Specs and pacts are read with jackson-core's parser alone (no ObjectMapper on the start path);
 * the trees must be the ones {@code ObjectMapper.readTree} builds, node types included.
 */
class JsonReaderTests {

  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final ObjectMapper EXACT =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "{\"a\": {\"b\": [1, [2, [3, {}]], {\"c\": null}]}}",
        // a repeated key keeps its last value in its first place
        "{\"a\": 1, \"b\": 2, \"a\": 3}",
        // int, long, big integer; doubles and decimals that keep their scale
        "{\"i\": 7, \"l\": 12345678901, \"b\": 123456789012345678901234567890, \"n\": -0}",
        "{\"d\": 24.90, \"e\": 1e3, \"f\": -0.5E-2, \"g\": 3.50}",
        "{\"t\": true, \"f\": false, \"s\": \"caf\\u00e9 \\\"q\\\"\", \"u\": \"\u00fcn\u00efc\u00f8d\u00e9\"}",
        // a scalar root, and content after the root value, which readTree ignores
        "\"just a string\"",
        "42",
        "{\"a\": 1} {\"b\": 2}"
      })
  void buildsTheTreeObjectMapperBuilds(String json) throws IOException {
    assertSameTree(Json.readTree(json), PLAIN.readTree(json));
    assertSameTree(Json.readExactTree(json), EXACT.readTree(json));
  }

  @Test
  void decimalsKeepTheirScaleOnlyWhenExact() throws IOException {
    String json = "{\"price\": 24.90}";

    assertThat(Json.readExactTree(json).get("price").decimalValue()).hasToString("24.90");
    assertThat(Json.readTree(json).get("price").isDouble()).isTrue();
  }

  @Test
  void textPrintsAsJacksonPrintsIt() throws IOException {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) {
      every.append(c);
    }
    for (String text :
        List.of(every.toString(), "plain", "", "\"quoted\" \\ back/slash", "\ud83d\ude00 emoji")) {
      String json = PLAIN.writeValueAsString(text);
      JsonNode read = Json.readTree(json);

      assertThat(read.toString()).isEqualTo(PLAIN.readTree(json).toString()).isEqualTo(json);
      assertThat(read).isEqualTo(TextNode.valueOf(text));
      assertThat(TextNode.valueOf(text)).isEqualTo(read);
      assertThat(read.hashCode()).isEqualTo(TextNode.valueOf(text).hashCode());
    }
  }

  @Test
  void noContentIsNull() throws IOException {
    assertThat(Json.readTree("")).isNull();
    assertThat(Json.readTree("  \n")).isNull();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"{\"interactions\": [}", "{\"a\": 1,", "{\"a\" 1}", "[1, 2", "{\"a\": tru}"})
  void malformedJsonFailsWhereObjectMapperFails(String json) {
    JsonProcessingException expected = catchJson(() -> PLAIN.readTree(json));

    assertThatThrownBy(() -> Json.readTree(json))
        .isInstanceOf(JsonProcessingException.class)
        .satisfies(
            e -> {
              JsonProcessingException actual = (JsonProcessingException) e;
              assertThat(actual.getOriginalMessage()).isEqualTo(expected.getOriginalMessage());
              assertThat(actual.getLocation().getLineNr())
                  .isEqualTo(expected.getLocation().getLineNr());
              assertThat(actual.getLocation().getColumnNr())
                  .isEqualTo(expected.getLocation().getColumnNr());
            });
  }

  @Test
  void everyJsonFileOfTheSharedCorporaReadsAlike() throws IOException {
    Path corpora = Corpora.require(".", "JsonReader on every JSON file of the shared corpora");
    List<Path> files;
    try (Stream<Path> all = Files.walk(corpora)) {
      files = all.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    int read = 0;
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      String text = Files.readString(file);
      JsonNode expected;
      JsonNode expectedExact;
      try {
        expected = PLAIN.readTree(bytes);
        // as text, a byte-order mark is a character JSON does not allow, for both readers
        expectedExact = EXACT.readTree(text);
      } catch (JsonProcessingException e) {
        continue; // a deliberately broken fixture: the cases above cover failures
      }
      assertSameTree(Json.readTree(bytes), expected);
      assertSameTree(Json.readExactTree(text), expectedExact);
      read++;
    }
    assertThat(read).as("JSON files read from %s", corpora).isGreaterThan(500);
  }

  private static void assertSameTree(JsonNode actual, JsonNode expected) {
    assertThat(actual).isEqualTo(expected);
    // equals() ignores some differences of node type (an int and a long of one value); the
    // printed tree with each node's type does not
    assertThat(typed(actual)).isEqualTo(typed(expected));
  }

  private static String typed(JsonNode node) {
    StringBuilder b = new StringBuilder();
    typed(node, b);
    return b.toString();
  }

  private static void typed(JsonNode node, StringBuilder b) {
    // the reader's text nodes are TextNodes that print themselves faster
    b.append(node.isTextual() ? "TextNode" : node.getClass().getSimpleName());
    if (node.isObject()) {
      b.append('{');
      node.fields()
          .forEachRemaining(
              e -> {
                b.append(e.getKey()).append('=');
                typed(e.getValue(), b);
                b.append(',');
              });
      b.append('}');
    } else if (node.isArray()) {
      b.append('[');
      node.elements()
          .forEachRemaining(
              e -> {
                typed(e, b);
                b.append(',');
              });
      b.append(']');
    } else {
      b.append('(').append(node).append(')');
    }
  }

  private interface JsonCall {
    void run() throws IOException;
  }

  private static JsonProcessingException catchJson(JsonCall call) {
    try {
      call.run();
    } catch (JsonProcessingException e) {
      return e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("ObjectMapper read it");
  }
}
