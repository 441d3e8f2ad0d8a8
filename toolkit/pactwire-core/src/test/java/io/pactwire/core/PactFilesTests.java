package io.pactwire.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.support.Json;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.internal.AtomicFiles;
import io.pactwire.core.internal.JsonText;
import io.pactwire.core.internal.PactJson;
import io.pactwire.testsupport.Corpora;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PactFilesTests {

  // Declares application/json but its message content is the bare word Hello.
  private static final String INVALID_MESSAGE_PACT = "v3-message-pact.json";

  // Numbers as written, as PactFiles reads them.
  private static final ObjectMapper EXACT =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  @TempDir Path dir;

  static Stream<Path> corpusPacts() throws Exception {
    Path corpus = Corpora.require("pact-jvm-pacts", "PactFiles on pact-jvm's own pacts");
    try (Stream<Path> files = Files.walk(corpus)) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .filter(f -> !f.endsWith(INVALID_MESSAGE_PACT))
          .filter(f -> !Corpora.isRefusedPact(f))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Nested
  class Reading {

    @ParameterizedTest
    @MethodSource("io.pactwire.core.PactFilesTests#corpusPacts")
    void readsRealPactsOfEveryVersionAndRendersThemStably(Path file) {
      Pact pact = PactFiles.read(file);
      String once = PactFiles.render(pact);
      Path copy = dir.resolve("copy.json");
      PactFiles.write(pact, copy);
      // written V4 reads back to the same V4 text: nothing is lost in a round trip
      assertThat(PactFiles.render(PactFiles.read(copy))).isEqualTo(once);
      assertThat(once).contains("\"consumer\"").endsWith("}\n");
    }

    // The tree is built from pact-jvm's map form directly; pact-jvm's own serialiser, its text read
    // back, must give the same pact.
    @ParameterizedTest
    @MethodSource("io.pactwire.core.PactFilesTests#corpusPacts")
    void rendersWhatPactJvmsOwnSerialiserWrites(Path file) throws Exception {
      Pact pact = PactFiles.read(file);
      V4Pact v4 = pact.asV4Pact().get();
      String serialised = Json.toJson(v4.toMap(PactSpecVersion.V4)).serialise();

      assertThat(PactFiles.render(pact)).isEqualTo(JsonText.render(EXACT.readTree(serialised)));
    }

    // Capture renders each interaction once and joins the texts: the pact must read as if it were
    // rendered whole, for interactions of every kind and version.
    @ParameterizedTest
    @MethodSource("io.pactwire.core.PactFilesTests#corpusPacts")
    void aPactJoinedFromRenderedInteractionsIsThePactRenderedWhole(Path file) {
      Pact pact = PactFiles.read(file);
      ContractId contract =
          new ContractId(pact.getConsumer().getName(), pact.getProvider().getName());
      List<ObjectNode> trees =
          pact.asV4Pact().get().getInteractions().stream().map(PactJson::tree).toList();

      String joined =
          PactJson.render(contract, trees.stream().map(PactJson::renderInteraction).toList());

      assertThat(joined).isEqualTo(JsonText.render(PactJson.tree(contract, trees)));
    }

    // Pact files are printed by walking the tree onto Jackson's generator: byte for byte what
    // Jackson's own writer prints with the same printer, for pacts of every kind.
    @ParameterizedTest
    @MethodSource("io.pactwire.core.PactFilesTests#corpusPacts")
    void printsWhatJacksonsWriterPrints(Path file) throws Exception {
      ObjectNode tree =
          PactJson.tree(PactFiles.read(file).asV4Pact().get().getInteractions().get(0));
      tree.put("decimal", new BigDecimal("24.90")).put("double", 0.1).put("float", 1.5f);
      tree.put("long", 1L << 40).put("big", new BigInteger("123456789012345678901234567890"));
      tree.putNull("none").put("escapes", "\u00e9\n\"\\\u0001").putArray("empty");
      tree.putObject("nothing");
      ObjectWriter jackson =
          EXACT.writer(
              new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

      assertThat(JsonText.render(tree)).isEqualTo(jackson.writeValueAsString(tree) + "\n");
    }

    @Test
    void aPactWithoutInteractionsJoinsToTheSameText() {
      ContractId contract = new ContractId("a", "b");

      assertThat(PactJson.render(contract, List.of()))
          .isEqualTo(JsonText.render(PactJson.tree(contract, List.of())))
          .contains("\"interactions\" : [ ]");
    }

    @Test
    void aMessageThatIsNotTheJsonItClaimsCannotBeRendered() throws Exception {
      Path file;
      try (Stream<Path> files =
          Files.walk(Corpora.require("pact-jvm-pacts", "PactFiles on pact-jvm's own pacts"))) {
        file = files.filter(f -> f.endsWith(INVALID_MESSAGE_PACT)).findFirst().orElseThrow();
      }
      Pact pact = PactFiles.read(file);
      assertThatThrownBy(() -> PactFiles.render(pact))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cannot render the pact between consumer and provider as V4 JSON")
          .hasMessageContaining("unexpected character 'H'");
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws Exception {
      Path file = dir.resolve("broken.json");
      Files.writeString(file, "{\n  \"consumer\": {\"name\": \"a\"},\n  \"provider\": \n}\n");
      assertThatThrownBy(() -> PactFiles.read(file))
          .isInstanceOf(PactFileException.class)
          .hasMessageStartingWith(file + ":4:1: malformed JSON");
    }

    @Test
    void aPactWithoutProviderIsRefusedByName() throws Exception {
      Path file = dir.resolve("no-provider.json");
      Files.writeString(file, "{\"consumer\": {\"name\": \"a\"}, \"interactions\": []}");
      assertThatThrownBy(() -> PactFiles.read(file))
          .isInstanceOf(PactFileException.class)
          .hasMessage(file + ":$.provider: missing: a pact names its consumer and its provider");
    }

    @Test
    void aMissingFileIsNamed() {
      Path file = dir.resolve("absent.json");
      assertThatThrownBy(() -> PactFiles.read(file))
          .isInstanceOf(PactFileException.class)
          .hasMessage(file + ": no such file");
    }
  }

  @Nested
  class Writing {

    @Test
    void sortsKeysSoOutputDoesNotDependOnInsertionOrder() {
      var first = new java.util.LinkedHashMap<String, Object>();
      first.put("b", 1);
      first.put("a", List.of(true, "x"));
      var second = new java.util.LinkedHashMap<String, Object>();
      second.put("a", List.of(true, "x"));
      second.put("b", 1);
      assertThat(JsonText.render(first))
          .isEqualTo(JsonText.render(second))
          .isEqualTo("{\n  \"a\" : [ true, \"x\" ],\n  \"b\" : 1\n}\n");
    }

    @Test
    void keepsTheScaleOfDecimalsAndTheSizeOfIntegers() throws Exception {
      Path file = dir.resolve("numbers.json");
      Files.writeString(
          file, "{\"big\": 12345678901234567890, \"price\": 24.90, \"tiny\": 1.0E-12}");
      assertThat(JsonText.render(PactFiles.readTree(file)))
          .isEqualTo(
              "{\n  \"big\" : 12345678901234567890,\n  \"price\" : 24.90,\n"
                  + "  \"tiny\" : 1.0E-12\n}\n");
    }

    @Test
    void concurrentUpdatesLoseNothing() throws Exception {
      Path file = dir.resolve("counter.txt");
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        futures.add(
            pool.submit(
                () ->
                    AtomicFiles.update(
                        file,
                        current ->
                            Optional.of(
                                String.valueOf(Integer.parseInt(current.orElse("0")) + 1)))));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      assertThat(Files.readString(file)).isEqualTo("200");
      try (Stream<Path> left = Files.list(dir)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .as("no temporary file and no lock file is left beside it")
            .containsExactly("counter.txt");
      }
    }

    @Test
    void anUnchangedUpdateDoesNotTouchTheFile() throws Exception {
      Path file = dir.resolve("same.txt");
      Files.writeString(file, "same");
      var before = Files.getLastModifiedTime(file);
      Thread.sleep(20);
      AtomicFiles.update(file, current -> current);
      assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
    }
  }
}
