package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded {@code pactwire.jar} as a process. Failsafe runs it after {@code package}, so it
 * tests the jar this build made, never one left from an earlier build.
 */
class ExecutableJarIT {

  private static final Path JAR = Path.of("target/pactwire.jar");

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
