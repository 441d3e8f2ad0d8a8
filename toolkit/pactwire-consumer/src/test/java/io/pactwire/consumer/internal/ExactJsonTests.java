package io.pactwire.consumer.internal;

import static io.pactwire.consumer.internal.SameTree.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies are read token by token: the same trees, down to node types, as Jackson's reader. */
class ExactJsonTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "\"text\"",
        "true",
        "false",
        "null",
        "0",
        "-0",
        "2147483647",
        "2147483648",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "24.90",
        "1.0",
        "-0.0",
        "1e5",
        "1.5E-3",
        "{\"b\": 1, \"a\": [1, 2.50, {\"z\": null, \"y\": \"\\u00e9\\n\"}], \"c\": {}}",
        "{\"a\": 1, \"a\": 2}",
        "[1, 2] and more",
        "  {\"nested\": [[[[]]]]}  "
      })
  void readsWhatJacksonReads(String text) throws IOException {
    assertSameTree(ExactJson.readSorted(text), jackson(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "[1,]", "{\"a\" 1}", "nan", "'single'", "{\"a\": tru}"})
  void refusesWhatJacksonRefuses(String text) {
    assertThatThrownBy(() -> jackson(text)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> ExactJson.readSorted(text)).isInstanceOf(IOException.class);
  }

  @Test
  void nothingIsNoValue() throws IOException {
    assertThat(ExactJson.readSorted("")).isNull();
    assertThat(ExactJson.readSorted("  \n")).isNull();
  }

  // Every JSON file of the corpora (pacts, mappings, fixtures; not the large OpenAPI specs), in
  // one test: a failure names the file.
  @Test
  void readsEveryJsonFileOfTheCorporaAsJacksonDoes() throws IOException {
    List<Path> files = corpusJson().toList();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      JsonNode expected;
      try {
        expected = jackson(text);
      } catch (IOException refused) {
        // a few files start with a byte-order mark, which neither reads as JSON
        assertThatThrownBy(() -> ExactJson.readSorted(text))
            .as(file.toString())
            .isInstanceOf(IOException.class);
        continue;
      }
      try {
        assertSameTree(ExactJson.readSorted(text), expected);
      } catch (AssertionError e) {
        throw new AssertionError(file + ": " + e.getMessage(), e);
      }
    }
    assertThat(files).hasSizeGreaterThan(800);
  }

  static Stream<Path> corpusJson() throws IOException {
    Path dir = Corpora.require(".", "ExactJson on every JSON file of the shared corpora");
    List<Path> files;
    try (Stream<Path> paths = Files.walk(dir)) {
      files =
          paths
              .filter(f -> f.toString().endsWith(".json"))
              .filter(f -> !f.toString().contains("openapi"))
              .sorted()
              .toList();
    }
    return files.stream();
  }

  private static JsonNode jackson(String text) throws IOException {
    try (JsonParser parser = ExactJson.SORTED.createParser(text)) {
      JsonNode node = ExactJson.SORTED.readTree(parser);
      return node == null || node.isMissingNode() ? null : node;
    }
  }
}
