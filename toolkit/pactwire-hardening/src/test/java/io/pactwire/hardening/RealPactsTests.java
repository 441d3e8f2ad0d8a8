package io.pactwire.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.PactReader;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The stricter reader still reads every real pact: the project's own and those other projects wrote
 * (pact-jvm's of every specification version, pact-js's, openapi-pact-comparator's), but for those
 * listed in {@link #REFUSED}, each with the reason a user must be told.
 */
class RealPactsTests {

  /**
   * Real pacts the reader refuses, with the start of the reason it gives. pact-jvm's broker fixture
   * holds a message whose body is under "content", which pact-jvm reads as no body at all: a
   * verification would pass whatever the provider sends.
   */
  private static final Map<String, String> REFUSED =
      Map.of(
          "pact-jvm-pacts/core/model/src/test/resources/message-pact-broker.json",
          ":$.messages[0].content: a message's body is \"contents\", not \"content\"");

  @TestFactory
  Stream<DynamicTest> everyRealPactIsRead() throws IOException {
    List<Path> pacts = new ArrayList<>();
    Path corpora = Corpora.require(".", "reading the real pacts of other projects");
    for (String corpus : List.of("pact-jvm-pacts", "pact-js-pacts")) {
      pacts.addAll(jsonFiles(corpora.resolve(corpus)));
    }
    try (Stream<Path> files = Files.walk(corpora.resolve("openapi-pact-comparator"))) {
      files.filter(f -> f.getFileName().toString().equals("pact.json")).forEach(pacts::add);
    }
    // the project's pacts are the files directly in pacts/; the folders below hold store records
    try (Stream<Path> files =
        Files.list(Path.of(System.getProperty("pactwire.pactsDir", "../../pacts")))) {
      files
          .filter(f -> f.toString().endsWith(".json"))
          .filter(Files::isRegularFile)
          .forEach(pacts::add);
    }
    System.out.println("pactwire-hardening: real pacts read: " + pacts.size());
    assertThat(REFUSED.keySet())
        .as("the pacts other tests leave out are those refused here")
        .isEqualTo(Corpora.REFUSED_PACTS);
    assertThat(pacts.stream().map(pact -> name(corpora, pact)))
        .as("the refused pacts are in the corpora")
        .containsAll(REFUSED.keySet());
    return pacts.stream()
        .sorted()
        .map(
            pact -> {
              String name = name(corpora, pact);
              String refused = REFUSED.get(name);
              return DynamicTest.dynamicTest(
                  name,
                  () -> {
                    if (refused == null) {
                      assertThatCode(() -> PactReader.read(pact))
                          .as("reading " + pact)
                          .doesNotThrowAnyException();
                    } else {
                      assertThatThrownBy(() -> PactReader.read(pact))
                          .isInstanceOf(PactFileException.class)
                          .hasMessageStartingWith(pact + refused);
                    }
                  });
            });
  }

  private static String name(Path corpora, Path pact) {
    return corpora.relativize(pact.toAbsolutePath()).toString();
  }

  private static List<Path> jsonFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .filter(Files::isRegularFile)
          .toList();
    }
  }
}
