package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight JVMs merge distinct interactions into one pact at once, as parallel Surefire forks do,
 * round after round (a cross-process barrier starts each round together); nothing may be lost.
 * {@code -Dpactwire.forkRounds=50} or src/test/scripts/fork-safety.sh runs 50 rounds; the build
 * runs five.
 */
class ForkSafetyTests {

  static final int FORKS = 8;
  static final int PER_FORK = 5;

  @TempDir Path dir;

  @Test
  void eightForksLoseNoInteraction() throws Exception {
    int rounds = Integer.getInteger("pactwire.forkRounds", 5);
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("java.class.path");
    long started = System.nanoTime();
    List<Process> forks = new ArrayList<>();
    for (int fork = 0; fork < FORKS; fork++) {
      forks.add(
          new ProcessBuilder(
                  java,
                  "-cp",
                  classpath,
                  "-Dpact_do_not_track=true",
                  // Start-up dominates a fork's short life: C1 only, one GC thread.
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  ForkWriterMain.class.getName(),
                  dir.toString(),
                  String.valueOf(FORKS),
                  String.valueOf(fork),
                  String.valueOf(PER_FORK),
                  String.valueOf(rounds))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("fork-" + fork + ".log").toFile())
              .start());
    }
    for (int fork = 0; fork < FORKS; fork++) {
      Process p = forks.get(fork);
      assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("fork %d finished", fork).isTrue();
      assertThat(p.exitValue())
          .as("exit of fork %d: %s", fork, Files.readString(dir.resolve("fork-" + fork + ".log")))
          .isZero();
    }
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(ForkWriterMain.check(dir, FORKS, PER_FORK, rounds)).as("interactions lost").isZero();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
          .as("no temporary file left behind")
          .allMatch(
              n ->
                  n.endsWith(".json")
                      || n.endsWith(".lock")
                      || n.startsWith("ready-")
                      || n.endsWith(".log"));
    }
    System.out.printf(
        "fork safety: %d rounds x %d JVMs x %d merges (%d interactions per round), none lost;"
            + " %d ms including JVM start-up%n",
        rounds, FORKS, PER_FORK, FORKS * PER_FORK, millis);
  }
}
