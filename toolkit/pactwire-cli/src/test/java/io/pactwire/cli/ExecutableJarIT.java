package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code pactwire.jar} as a process. Failsafe runs it after {@code package}, so it
 * tests the jar this build made, never one left from an earlier build.
 */
class ExecutableJarIT {

  private static final Path JAR = Path.of("target/pactwire.jar");
  private static final Path LAUNCHER = Path.of("target/pactwire");

  @TempDir Path cache;

  /** Runs the launcher with its CDS archive under {@link #cache}; returns exit code, out, err. */
  private Run launch(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(command);
    b.environment().put("PACTWIRE_CACHE", cache.toString());
    b.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = b.start();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return p.getErrorStream().readAllBytes();
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
  }

  private record Run(int exit, String out, String err) {}

  @Test
  void theLauncherWritesItsClassArchiveOnceAndThenRunsFromIt() throws Exception {
    assertThat(LAUNCHER).as("the launcher copied beside the jar by package").isExecutable();
    String[] args = {
      "check-openapi", "--pact", PactwireCommandTests.DRIFTED, "--spec", PactwireCommandTests.SPEC
    };

    Run first = launch(args);
    List<Path> archives;
    try (Stream<Path> files = Files.list(cache)) {
      archives = files.toList();
    }
    Run second = launch(args);

    assertThat(archives).singleElement().satisfies(a -> assertThat(a.toString()).endsWith(".jsa"));
    assertThat(first.exit()).isEqualTo(1);
    assertThat(second.exit()).isEqualTo(1);
    // the early check (started before picocli parses) prints what the in-process command prints
    assertThat(second.out())
        .isEqualTo(first.out())
        .isEqualTo(Files.readString(Path.of("src/test/resources/golden/drifted.txt")));
    // the JVM's own CDS messages never reach the user
    assertThat(first.err() + second.err()).isEmpty();
  }

  @Test
  void theLauncherPassesUnreadableInputsExitCodeThrough() throws Exception {
    Run run =
        launch("check-openapi", "--pact", "no-such-pact.json", "--spec", PactwireCommandTests.SPEC);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("pactwire check-openapi: no-such-pact.json");
  }

  @Test
  void checksAPactAndExitsOneOnFindings() throws Exception {
    assertThat(JAR).as("the shaded jar built by this module's package phase").exists();
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JAR.toString(),
                    "check-openapi",
                    "--pact",
                    PactwireCommandTests.DRIFTED,
                    "--spec",
                    PactwireCommandTests.SPEC,
                    "--format",
                    "json"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(out).isArray()).isTrue();
    assertThat(Files.size(JAR)).isGreaterThan(1_000_000);
  }

  @Test
  void printsHelpAndExitsZero() throws Exception {
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JAR.toString(),
                    "--help"))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).contains("check-openapi");
  }
}
