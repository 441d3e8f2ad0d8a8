package io.pactwire.stubs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.PactsDirectory;
import io.pactwire.core.internal.PactReader;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pact reaches pact-jvm as pact-jvm's own parser reads the text of the tree the checking reader
 * built: the same kinds of value, digits, texts and keys in the same order.
 */
class PactJvmJsonTests {

  @Test
  void numbersOfEveryFormStringsAndKeysAreWhatPactJvmReads(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("pact.json"),
            "{\"consumer\": {\"name\": \"c\"}, \"provider\": {\"name\": \"p\"},"
                + " \"interactions\": [{\"description\": \"a\", \"request\": {}, \"response\": {\"body\": [24.90, 1e5,"
                + " 1E+5, 2.5e-7, 1e0, -0.0, -0, 0.000001, 100, -7,"
                + " 123456789012345678901234567890, 1e400, \"1.5\", true, false, null,"
                + " {\"\\u00e9\\u0001\": \"line\\nbreak \\ud83d\\ude00\", \"b\": 1, \"a\": 2},"
                + " []]}}]}");

    assertThat(difference(file)).isNull();
  }

  @Test
  void everyPactAtHandIsWhatPactJvmReads() throws IOException {
    List<Path> pacts = new ArrayList<>();
    try (Stream<Path> files = Files.list(PactsDirectory.locate())) {
      files.filter(f -> f.toString().endsWith(".json")).forEach(pacts::add);
    }
    for (String corpus : List.of("pact-jvm-pacts", "pact-js-pacts", "openapi-pact-comparator")) {
      try (Stream<Path> files = Files.walk(Corpora.require(corpus, "pacts read for pact-jvm"))) {
        files
            .filter(f -> f.toString().endsWith(".json"))
            .filter(f -> !f.getFileName().toString().equals("results.json"))
            .filter(f -> !Corpora.isRefusedPact(f))
            .sorted()
            .forEach(pacts::add);
      }
    }
    assertThat(pacts).hasSizeGreaterThan(70);
    List<String> differ = new ArrayList<>();
    for (Path pact : pacts) {
      String difference = difference(pact);
      if (difference != null) {
        differ.add(pact + ": " + difference);
      }
    }
    assertThat(differ).isEmpty();
  }

  private static String difference(Path pact) {
    JsonNode tree = PactReader.read(pact);
    return difference(PactJvmJson.of(tree), JsonParser.parseString(tree.toString()));
  }

  /** Where two values differ (kind, digits, text, keys in order), or null when they do not. */
  private static String difference(JsonValue converted, JsonValue parsed) {
    if (converted.getClass() != parsed.getClass()) {
      return converted.getClass().getSimpleName() + " where pact-jvm reads " + parsed;
    }
    if (converted instanceof JsonValue.Object object) {
      Map<String, JsonValue> theirs = ((JsonValue.Object) parsed).getEntries();
      if (!List.copyOf(object.getEntries().keySet()).equals(List.copyOf(theirs.keySet()))) {
        return "keys " + object.getEntries().keySet() + " where pact-jvm reads " + theirs.keySet();
      }
      for (Map.Entry<String, JsonValue> entry : object.getEntries().entrySet()) {
        String inner = difference(entry.getValue(), theirs.get(entry.getKey()));
        if (inner != null) {
          return entry.getKey() + ": " + inner;
        }
      }
      return null;
    }
    if (converted instanceof JsonValue.Array array) {
      List<JsonValue> theirs = ((JsonValue.Array) parsed).getValues();
      if (array.getValues().size() != theirs.size()) {
        return array.getValues().size() + " values where pact-jvm reads " + theirs.size();
      }
      for (int i = 0; i < theirs.size(); i++) {
        String inner = difference(array.getValues().get(i), theirs.get(i));
        if (inner != null) {
          return "[" + i + "]: " + inner;
        }
      }
      return null;
    }
    return converted.serialise().equals(parsed.serialise())
        ? null
        : converted.serialise() + " where pact-jvm reads " + parsed.serialise();
  }
}
