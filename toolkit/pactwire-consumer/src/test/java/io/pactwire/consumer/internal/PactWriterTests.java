package io.pactwire.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.core.model.Interaction;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.core.ContractId;
import io.pactwire.core.PactFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PactWriterTests {

  static final ContractId CONTRACT = new ContractId("c", "p");

  @TempDir Path dir;

  static RecordedInteraction interaction(String test, String body) throws Exception {
    return interaction(test, "a product", body);
  }

  static RecordedInteraction interaction(String test, String description, String body)
      throws Exception {
    var stub =
        new ObjectMapper()
            .readTree(
                """
                {"request": {"method": "GET", "urlPath": "/products/1", "queryParameters": {"a": {"equalTo": "1"}}},
                 "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "jsonBody": %s},
                 "metadata": {"pact": {"description": "%s", "providerState": "it exists",
                                       "params": {"sku": "SKU-1", "stock": 12, "price": 24.90}}}}
                """
                    .formatted(body, description));
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("a", List.of("1"));
    query.put("b", List.of("2"));
    return InteractionBuilder.build(
        stub,
        new ExampleRequest("GET", "/products/1", query, Map.of(), null),
        new ExampleResponse(200, Map.of("Content-Type", List.of("application/json")), body),
        CaptureSettings.of(List.of(), List.of()),
        List.of(),
        test);
  }

  @Nested
  class MergingIntoAFile {

    @Test
    void theSameContentFromAnotherTestIsANoOpThatKeepsTheFirstTestsName() throws Exception {
      Path pact = dir.resolve("c-p.json");
      PactWriter.merge(
          pact, CONTRACT, List.of(interaction("A#first", "{\"name\": \"x\", \"price\": 24.90}")));
      String before = Files.readString(pact);

      PactWriter.merge(
          pact, CONTRACT, List.of(interaction("B#second", "{\"name\": \"x\", \"price\": 24.90}")));

      assertThat(Files.readString(pact))
          .isEqualTo(before)
          .contains("A#first")
          .doesNotContain("B#second");
    }

    @Test
    void differentContentFromAnotherTestIsAConflictNamingBothAndTheFileStays() throws Exception {
      Path pact = dir.resolve("c-p.json");
      PactWriter.merge(pact, CONTRACT, List.of(interaction("A#first", "{\"name\": \"x\"}")));
      String before = Files.readString(pact);

      assertThatThrownBy(
              () ->
                  PactWriter.merge(
                      pact, CONTRACT, List.of(interaction("B#second", "{\"title\": \"x\"}"))))
          .isInstanceOf(InteractionConflict.class)
          .hasMessage(
              "conflicting interaction 'a product' given 'it exists' {price=24.9, sku=SKU-1, stock=12} in "
                  + pact
                  + ": recorded by A#first and, with different content, by B#second; give one of"
                  + " them another description or provider state, or make them agree");
      assertThat(Files.readString(pact)).isEqualTo(before);
    }

    @Test
    void differentContentFromTheSameTestReplacesIt() throws Exception {
      Path pact = dir.resolve("c-p.json");
      PactWriter.merge(pact, CONTRACT, List.of(interaction("A#first", "{\"name\": \"x\"}")));

      PactWriter.merge(pact, CONTRACT, List.of(interaction("A#first", "{\"title\": \"x\"}")));

      assertThat(Files.readString(pact)).contains("\"title\"").doesNotContain("\"name\" : \"x\"");
    }

    // This JVM knows what it last wrote and need not parse it again, unless someone changed it.
    @Test
    void whatAnotherWriterAddedSinceIsKept() throws Exception {
      Path pact = dir.resolve("c-p.json");
      Path otherFork = dir.resolve("other-fork").resolve("c-p.json");
      PactWriter.merge(pact, CONTRACT, List.of(interaction("A#first", "a product", "{}")));
      Files.createDirectories(otherFork.getParent());
      Files.copy(pact, otherFork);
      PactWriter.merge(otherFork, CONTRACT, List.of(interaction("B#b", "another product", "{}")));
      Files.copy(otherFork, pact, StandardCopyOption.REPLACE_EXISTING);

      PactWriter.merge(pact, CONTRACT, List.of(interaction("C#c", "a third product", "{}")));

      assertThat(PactFiles.read(pact).getInteractions())
          .extracting(Interaction::getDescription)
          .containsExactly("a product", "a third product", "another product");
    }
  }

  @Nested
  class ReadingAPactItWrote {

    // What a merge needs of a file: keys, descriptions, states, texts and contents. Read without
    // pact-jvm, they must be what pact-jvm's reading gives.
    static void assertReadAsPactJvmReadsIt(Path file) throws Exception {
      String text = Files.readString(file);

      KnownPactFiles.Known written = PactWriter.readWritten(text).orElseThrow();
      KnownPactFiles.Known pactJvm = PactWriter.readWithPactJvm(file, text);

      assertThat(written.interactions()).hasSameSizeAs(pactJvm.interactions()).isNotEmpty();
      for (int i = 0; i < pactJvm.interactions().size(); i++) {
        RecordedInteraction a = written.interactions().get(i);
        RecordedInteraction b = pactJvm.interactions().get(i);
        assertThat(a.key()).isEqualTo(b.key());
        assertThat(a.describe()).isEqualTo(b.describe());
        assertThat(a.testName()).isEqualTo(b.testName());
        assertThat(a.text()).isEqualTo(b.text());
      }
      assertThat(written.contents()).isEqualTo(pactJvm.contents());
    }

    @Test
    void readsAPactWithStatesOfEveryKindAsPactJvmDoes() throws Exception {
      Path pact = dir.resolve("c-p.json");
      PactWriter.merge(
          pact,
          CONTRACT,
          List.of(
              interaction("A#a", "a product", "{\"price\": 24.90, \"n\": [1, 2.5]}"),
              interaction("B#b", "another product", "{}")));

      assertReadAsPactJvmReadsIt(pact);
    }

    @Test
    void readsThePactsCaptureWroteForTheReferenceConsumer() throws Exception {
      for (String golden :
          List.of(
              "checkout-service-inventory-service.json", "checkout-service-paypal-orders.json")) {
        Path file = dir.resolve(golden);
        try (var in = getClass().getResourceAsStream("/golden/" + golden)) {
          Files.copy(in, file);
        }
        assertReadAsPactJvmReadsIt(file);
      }
    }

    @Test
    void aPactNotAsPactwirePrintsItIsLeftToPactJvm() throws Exception {
      Path pact = dir.resolve("c-p.json");
      PactWriter.merge(pact, CONTRACT, List.of(interaction("A#a", "a product", "{}")));
      String text = Files.readString(pact);
      String compact = new ObjectMapper().readTree(text).toString();
      String v3 = text.replace("\"version\" : \"4.0\"", "\"version\" : \"3.0.0\"");

      assertThat(PactWriter.readWritten(text)).isPresent();
      assertThat(PactWriter.readWritten(compact)).isEmpty();
      assertThat(PactWriter.readWritten(v3)).isEmpty();
      assertThat(PactWriter.readWritten("{not json")).isEmpty();
      assertThat(PactWriter.readWithPactJvm(pact, compact).interactions()).hasSize(1);
    }
  }

  @Nested
  class Pruning {

    static final String SOME_TESTS = "io.pactwire.consumer.testcases.SomeTestCase";

    private List<String> testNames(Path pact) throws Exception {
      return PactFiles.read(pact).getInteractions().stream()
          .map(
              i -> {
                var testName = i.getComments().get("testname");
                return i.getDescription()
                    + " <- "
                    + (testName == null ? "none" : testName.asString());
              })
          .toList();
    }

    @Test
    void removesTheInteractionsOfTestsThatAreGoneAndKeepsThoseWithoutATestName() throws Exception {
      Path pact = dir.resolve("c-p.json");
      PactWriter.merge(
          pact,
          CONTRACT,
          List.of(
              interaction(SOME_TESTS + "#deleted", "a product", "{}"),
              interaction(SOME_TESTS + "#kept", "another product", "{}"),
              interaction(null, "a product by hand", "{}")));

      PactWriter.merge(
          pact,
          CONTRACT,
          List.of(),
          PactWriter.Pruning.goneTests(
              t -> t.endsWith("#deleted") || t.isEmpty() || t.equals("none")));

      assertThat(testNames(pact))
          .containsExactly(
              "a product by hand <- none", "another product <- " + SOME_TESTS + "#kept");
    }

    @Test
    void removesWhatACompletedClassNoLongerRecordsAndNothingOfOtherClasses() throws Exception {
      Path pact = dir.resolve("c-p.json");
      PactWriter.merge(
          pact,
          CONTRACT,
          List.of(
              interaction("A#a", "a product", "{}"),
              interaction("A#b", "another product", "{}"),
              interaction("AB#x", "a third product", "{}"),
              interaction("B#b", "a fourth product", "{}")));
      Map<String, java.util.Set<String>> recorders =
          Map.of(PactWriter.key("a product", providerStates()), java.util.Set.of("A#a"));

      PactWriter.merge(
          pact, CONTRACT, List.of(), new PactWriter.Pruning(t -> false, "A", recorders));

      assertThat(testNames(pact))
          .containsExactly(
              "a fourth product <- B#b", "a product <- A#a", "a third product <- AB#x");
    }

    @Test
    void givesAnInteractionThatAnotherClassAlsoRecordedToThatClass() throws Exception {
      Path pact = dir.resolve("c-p.json");
      PactWriter.merge(pact, CONTRACT, List.of(interaction("A#a", "a product", "{}")));
      // B recorded the same content after A: a no-op, so the file still names A.
      Map<String, java.util.Set<String>> recorders =
          Map.of(PactWriter.key("a product", providerStates()), java.util.Set.of("C#c", "B#b"));

      PactWriter.merge(
          pact, CONTRACT, List.of(), new PactWriter.Pruning(t -> false, "A", recorders));

      assertThat(testNames(pact)).containsExactly("a product <- B#b");
    }

    @Test
    void letsARenamedTestReplaceItsOldInteractionWithoutAConflict() throws Exception {
      Path pact = dir.resolve("c-p.json");
      PactWriter.merge(pact, CONTRACT, List.of(interaction("A#oldName", "{\"name\": \"x\"}")));

      PactWriter.merge(
          pact,
          CONTRACT,
          List.of(interaction("A#newName", "{\"title\": \"x\"}")),
          PactWriter.Pruning.goneTests(t -> t.equals("A#oldName")));

      assertThat(testNames(pact)).containsExactly("a product <- A#newName");
      assertThat(Files.readString(pact))
          .contains("\"title\" : \"x\"")
          .doesNotContain("\"name\" : \"x\"");
    }

    @Test
    void writesNoFileWhenThereIsNoneAndNothingToAdd() {
      Path pact = dir.resolve("c-p.json");

      PactWriter.merge(pact, CONTRACT, List.of(), new PactWriter.Pruning(t -> true, "A", Map.of()));

      assertThat(pact).doesNotExist();
    }

    @Test
    void leavesTheFileUntouchedWhenNothingIsPruned() throws Exception {
      Path pact = dir.resolve("c-p.json");
      PactWriter.merge(pact, CONTRACT, List.of(interaction("B#b", "a product", "{}")));
      var modified = Files.getLastModifiedTime(pact);
      Thread.sleep(20);

      PactWriter.merge(
          pact, CONTRACT, List.of(), new PactWriter.Pruning(t -> false, "A", Map.of()));

      assertThat(Files.getLastModifiedTime(pact)).isEqualTo(modified);
    }

    private List<au.com.dius.pact.core.model.ProviderState> providerStates() throws Exception {
      return interaction("X#x", "a product", "{}").providerStates();
    }
  }
}
