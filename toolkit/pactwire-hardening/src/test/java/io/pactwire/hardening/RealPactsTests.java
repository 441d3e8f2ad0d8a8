package io.pactwire.hardening;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.pactwire.core.internal.PactReader;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The stricter reader still reads every real pact: the project's own and those other projects wrote
 * (pact-jvm's of every specification version, pact-js's, openapi-pact-comparator's).
 */
class RealPactsTests {

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
    return pacts.stream()
        .sorted()
        .map(
            pact ->
                DynamicTest.dynamicTest(
                    corpora.relativize(pact.toAbsolutePath()).toString(),
                    () ->
                        assertThatCode(() -> PactReader.read(pact))
                            .as("reading " + pact)
                            .doesNotThrowAnyException()));
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
