package io.pactwire.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.core.PactFileException;
import io.pactwire.core.PactFiles;
import io.pactwire.core.internal.PactReader;
import io.pactwire.openapi.SpecException;
import io.pactwire.openapi.internal.SpecDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutational fuzzer over the pact reader, the matching-rule reader and the OpenAPI spec
 * reader. The property: every input is read, or refused with the reader's typed one-line error;
 * never another exception, an error, or a hang. Iterations per reader: {@code
 * -Dpactwire.fuzz.iterations} (1,000 in the build; bench/robustness/fuzz.sh runs more), seed {@code
 * -Dpactwire.fuzz.seed}. A failing input is written to {@code target/fuzz-crashes/}, to become a
 * corpus file.
 */
class FuzzTests {

  private static final int ITERATIONS = Integer.getInteger("pactwire.fuzz.iterations", 1000);
  private static final long SEED = Long.getLong("pactwire.fuzz.seed", 20261206L);
  private static final Path CRASHES = Path.of("target/fuzz-crashes");
  private static final ExecutorService RUNNER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
          });
  private static final List<String> SUMMARY = new ArrayList<>();

  @TempDir Path work;

  @Test
  void pactReaderReadsOrRefusesEveryMutant() throws IOException {
    fuzz(
        "pact reader",
        pactSeeds(),
        ".json",
        file -> {
          try {
            PactReader.read(file);
          } catch (PactFileException e) {
            oneLine(e);
          }
        });
  }

  /**
   * The matching rules of a pact the reader accepts are read by pact-jvm's rule parser (the one
   * verification and the stubs use) without an exception: what the check lets through, the engine
   * can read.
   */
  @Test
  void matchingRulesTheReaderAcceptsAreReadByTheEngine() throws IOException {
    fuzz(
        "matching-rule reader",
        pactSeeds(),
        ".json",
        file -> {
          try {
            PactReader.read(file);
          } catch (PactFileException e) {
            oneLine(e);
            return;
          }
          PactFiles.read(file); // a refusal here is a crash: the check let it through
        });
  }

  @Test
  void specReaderReadsOrRefusesEveryMutant() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(Inputs.SPEC.getBytes(StandardCharsets.UTF_8));
    seeds.add(
        "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/A\"}}}}}}}}, \"components\": {\"schemas\": {\"A\": {\"type\": \"object\"}}}}"
            .getBytes(StandardCharsets.UTF_8));
    fuzz(
        "OpenAPI spec reader",
        seeds,
        ".yaml",
        file -> {
          try {
            SpecDocument.read(file);
          } catch (SpecException e) {
            oneLine(e);
          }
        });
  }

  private void fuzz(String reader, List<byte[]> seeds, String suffix, Consumer<Path> read)
      throws IOException {
    Random random = new Random(SEED ^ reader.hashCode());
    List<String> crashes = new ArrayList<>();
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] seed = seeds.get(random.nextInt(seeds.size()));
      Mutator.Mutation mutation = Mutator.mutate(seed, random);
      if (random.nextInt(4) == 0) {
        mutation = Mutator.mutate(mutation.bytes(), random); // a second mutation on top
      }
      Path file = work.resolve("input-" + i + suffix);
      Files.write(file, mutation.bytes());
      Future<?> run = RUNNER.submit(() -> read.accept(file));
      try {
        run.get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        run.cancel(true);
        crashes.add(save(reader, i, mutation, "hang over 10 s"));
      } catch (java.util.concurrent.ExecutionException e) {
        crashes.add(save(reader, i, mutation, String.valueOf(e.getCause())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Files.delete(file);
    }
    synchronized (SUMMARY) {
      SUMMARY.add(
          "pactwire-hardening: fuzz "
              + reader
              + ": "
              + ITERATIONS
              + " inputs (seed "
              + SEED
              + "), "
              + crashes.size()
              + " crashes");
    }
    assertThat(crashes)
        .as(reader + " crashes (saved in " + CRASHES.toAbsolutePath() + ")")
        .isEmpty();
  }

  private static String save(String reader, int i, Mutator.Mutation mutation, String what) {
    try {
      Files.createDirectories(CRASHES);
      Path file = CRASHES.resolve(reader.replace(' ', '-') + "-" + SEED + "-" + i + ".json");
      Files.write(file, mutation.bytes());
      return file + " (" + mutation.name() + "): " + what;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void oneLine(RuntimeException e) {
    if (e.getMessage() == null || e.getMessage().strip().contains("\n")) {
      throw new AssertionError("not a one-line refusal: " + e.getMessage(), e);
    }
  }

  private static List<byte[]> pactSeeds() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(Inputs.PACT.getBytes(StandardCharsets.UTF_8));
    Path pacts = Path.of(System.getProperty("pactwire.pactsDir", "../../pacts"));
    try (Stream<Path> files = Files.list(pacts)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        if (file.toString().endsWith(".json")) {
          seeds.add(Files.readAllBytes(file));
        }
      }
    }
    return seeds;
  }

  @AfterAll
  static void report() {
    SUMMARY.forEach(System.out::println);
  }
}
