package io.pactwire.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.consumer.internal.PactWriter;
import io.pactwire.consumer.internal.RecordedInteraction;
import io.pactwire.core.ContractId;
import io.pactwire.core.PactFileException;
import io.pactwire.stubs.PactStubs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The entry points that take a pact file as it lies in a folder: capture's merge into an existing
 * pact (which the recording proxy's merge shares) and the stubs loader.
 */
class WriterAndLoaderCorpusTests {

  private static final String MERGE = "consumer capture merge (PactWriter)";
  private static final String STUBS = "stubs loader (PactStubs)";
  private static final ContractId CONTRACT = new ContractId(Inputs.CONSUMER, Inputs.PROVIDER);

  @TestFactory
  Stream<DynamicTest> captureRefusesToMergeIntoEveryBadPact() {
    return KnownGaps.tests(
        MERGE,
        "pacts",
        input -> {
          Path dir = tempDir();
          Path file = input.placeIn(dir, CONTRACT.fileName());
          Map<String, String> before = Inputs.snapshot(dir);
          Throwable thrown =
              catchThrowable(() -> PactWriter.merge(file, CONTRACT, List.of(recorded())));
          assertThat(thrown)
              .as("what merging into " + input + " throws")
              .isInstanceOf(PactFileException.class);
          input.assertRefusal(thrown.getMessage(), file, null);
          assertThat(Inputs.snapshot(dir))
              .as("the pacts folder after a refused merge into " + input)
              .isEqualTo(before);
        });
  }

  @TestFactory
  Stream<DynamicTest> stubsRefuseEveryBadPact() {
    return KnownGaps.tests(
        STUBS,
        "pacts",
        input -> {
          Path dir = tempDir();
          Path file = input.placeIn(dir, CONTRACT.fileName());
          Throwable thrown =
              catchThrowable(
                  () -> PactStubs.newInstance().pacts(dir).provider(Inputs.PROVIDER).build());
          assertThat(thrown)
              .as("what loading stubs from " + input + " throws")
              .isInstanceOf(RuntimeException.class);
          input.assertRefusal(thrown.getMessage(), file, dir);
        });
  }

  private static RecordedInteraction recorded() {
    try {
      ObjectNode json =
          (ObjectNode)
              new ObjectMapper()
                  .readTree(
                      """
                      {"type": "Synchronous/HTTP", "description": "a new request",
                       "request": {"method": "GET", "path": "/new"},
                       "response": {"status": 204}}
                      """);
      return RecordedInteraction.of("a new request", List.of(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path tempDir() {
    return Inputs.tempDir("pactwire-corpus");
  }

  @AfterAll
  static void report() {
    Inputs.deleteTempDirs();
    KnownGaps.report(MERGE);
    KnownGaps.report(STUBS);
  }
}
