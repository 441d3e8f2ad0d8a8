package io.pactwire.consumer.benchmark;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.management.OperatingSystemMXBean;
import io.pactwire.core.PactFiles;
import io.pactwire.core.PactsDirectory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs the stubbed suite with WireMock alone and with capture, alternately, and prints the median
 * wall times and their ratio. Arguments: warm-up rounds, measured rounds (defaults 60 and 200); or
 * {@code cold plain|capturing}, which runs one suite once.
 *
 * <p>Each capturing round writes into a folder of its own, so every round pays what a first run
 * pays: building all 40 interactions and writing the pact file. (Rounds sharing one folder would
 * find the file already holding the same interactions and skip the write.) The folders are deleted
 * at the end.
 *
 * <p>Beside wall time it prints CPU times, which move less with the load of a shared machine: of
 * the thread that runs the tests, and of the whole process, where capture's work on its background
 * thread shows.
 */
public final class CaptureBenchmarkMain {

  private static final String PACT = "bench-consumer-bench-provider.json";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean PROCESS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private CaptureBenchmarkMain() {}

  private record Run(long wallNanos, long cpuNanos, long processCpuNanos, long backgroundNanos) {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("cold")) {
      cold(args[1], args.length > 2 ? Path.of(args[2]) : null);
      return;
    }
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path root = Files.createTempDirectory("pactwire-bench");
    List<Run> plain = new ArrayList<>();
    List<Run> capturing = new ArrayList<>();
    for (int round = 0; round < warmUp + rounds; round++) {
      Path pacts = root.resolve("round-" + round);
      System.setProperty(PactsDirectory.PROPERTY, pacts.toString());
      // which suite runs first alternates, so that neither always pays for what the other left
      // (garbage, a cold cache)
      Run p;
      Run c;
      if (round % 2 == 0) {
        p = run(PlainSuiteTestCase.class);
        c = run(CapturingSuiteTestCase.class);
      } else {
        c = run(CapturingSuiteTestCase.class);
        p = run(PlainSuiteTestCase.class);
      }
      int written = PactFiles.read(pacts.resolve(PACT)).getInteractions().size();
      if (written != 40) {
        throw new IllegalStateException(pacts.resolve(PACT) + ": " + written + " interactions");
      }
      if (round >= warmUp) {
        plain.add(p);
        capturing.add(c);
      }
    }
    deleteTree(root);
    long plainWall = median(plain.stream().map(Run::wallNanos).toList());
    long capturingWall = median(capturing.stream().map(Run::wallNanos).toList());
    long plainCpu = median(plain.stream().map(Run::cpuNanos).toList());
    long capturingCpu = median(capturing.stream().map(Run::cpuNanos).toList());
    // the process clock ticks in steps of 10 ms here: the mean of many rounds resolves less
    long background = mean(capturing.stream().map(Run::backgroundNanos).toList());
    long plainProcess = mean(plain.stream().map(Run::processCpuNanos).toList());
    long capturingProcess = mean(capturing.stream().map(Run::processCpuNanos).toList());
    // each round's two suites ran back to back, so their ratio cancels what drifts slowly
    List<Long> paired = new ArrayList<>();
    for (int i = 0; i < plain.size(); i++) {
      paired.add(Math.round(1e6 * capturing.get(i).wallNanos() / plain.get(i).wallNanos()));
    }
    System.out.printf(
        "stubbed suite (20 tests, 100 requests, pact written each round): WireMock alone %.1f ms,"
            + " with capture %.1f ms, ratio %.3f (medians of %d rounds after %d warm-up)%n"
            + "  median of each round's ratio: %.3f%n"
            + "  CPU time of the test thread: WireMock alone %.1f ms, with capture %.1f ms,"
            + " capture %+.1f ms, ratio %.3f%n"
            + "  CPU time of capture's background thread: %.1f ms (mean)%n"
            + "  CPU time of the process (all threads, JIT and GC included; means): WireMock alone %.1f ms,"
            + " with capture %.1f ms, capture %+.1f ms, ratio %.3f%n",
        plainWall / 1e6,
        capturingWall / 1e6,
        (double) capturingWall / plainWall,
        rounds,
        warmUp,
        median(paired) / 1e6,
        plainCpu / 1e6,
        capturingCpu / 1e6,
        (capturingCpu - plainCpu) / 1e6,
        (double) capturingCpu / plainCpu,
        background / 1e6,
        plainProcess / 1e6,
        capturingProcess / 1e6,
        (capturingProcess - plainProcess) / 1e6,
        (double) capturingProcess / plainProcess);
  }

  /**
   * Runs one suite once in this fresh JVM, as {@code mvn test} runs it, and prints its wall and
   * test-thread CPU time in nanoseconds: {@code capture-benchmark-cold.sh} compares JVMs. With
   * {@code existing}, the pact is there before the run, as a committed pact is (and a run where it
   * does not exist yet leaves its pact there).
   */
  private static void cold(String which, Path existing) throws IOException {
    Class<?> suite =
        switch (which) {
          case "plain" -> PlainSuiteTestCase.class;
          case "capturing" -> CapturingSuiteTestCase.class;
          default -> throw new IllegalArgumentException("plain or capturing, not " + which);
        };
    Path pacts = Files.createTempDirectory("pactwire-bench");
    System.setProperty(PactsDirectory.PROPERTY, pacts.toString());
    boolean seeded = existing != null && Files.exists(existing);
    if (seeded) {
      Files.copy(existing, pacts.resolve(PACT));
    }
    Run run = run(suite);
    if (suite == CapturingSuiteTestCase.class
        && PactFiles.read(pacts.resolve(PACT)).getInteractions().size() != 40) {
      throw new IllegalStateException(pacts.resolve(PACT) + ": not 40 interactions");
    }
    if (seeded && !Files.readString(existing).equals(Files.readString(pacts.resolve(PACT)))) {
      throw new IllegalStateException(pacts.resolve(PACT) + " differs from " + existing);
    }
    if (existing != null && !seeded) {
      Files.copy(pacts.resolve(PACT), existing);
    }
    deleteTree(pacts);
    System.out.println("cold " + which + " " + run.wallNanos() + " " + run.cpuNanos());
  }

  private static Run run(Class<?> suite) {
    long process = PROCESS.getProcessCpuTime();
    long background = backgroundCpu();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute();
    long elapsed = System.nanoTime() - start;
    cpu = THREADS.getCurrentThreadCpuTime() - cpu;
    process = PROCESS.getProcessCpuTime() - process;
    background = backgroundCpu() - background;
    long failed = results.testEvents().failed().count();
    if (failed > 0 || results.testEvents().succeeded().count() != 20) {
      throw new IllegalStateException(suite.getSimpleName() + ": " + failed + " failed");
    }
    return new Run(elapsed, cpu, process, background);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  // CPU time of capture's background thread (the thread lives on between suites)
  private static long backgroundCpu() {
    long sum = 0;
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && info.getThreadName().equals("pactwire-capture")) {
        sum += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
      }
    }
    return sum;
  }

  private static long mean(List<Long> values) {
    return Math.round(values.stream().mapToLong(Long::longValue).average().orElse(0));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
