package io.pactwire.hardening;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.TestAbortedException;

/**
 * The corpus entries an entry point does not yet refuse cleanly, by entry point. Each is run: one
 * that still fails is reported as aborted with the reason (visible in every report, and counted);
 * one that now passes fails the test, so that the list only shrinks.
 */
final class KnownGaps {

  private static final Map<String, Set<String>> GAPS = Map.of();

  private static final Map<String, AtomicInteger> REFUSED = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> GAPPED = new ConcurrentHashMap<>();

  private KnownGaps() {}

  /** Runs one case of {@code entryPoint} over {@code input}, holding it to the list. */
  static void run(String entryPoint, BadInput input, Runnable check) {
    boolean known = GAPS.getOrDefault(entryPoint, Set.of()).contains(input.name());
    try {
      check.run();
    } catch (AssertionError | RuntimeException e) {
      if (known) {
        GAPPED.computeIfAbsent(entryPoint, k -> new AtomicInteger()).incrementAndGet();
        throw new TestAbortedException(
            "known gap of " + entryPoint + " (KnownGaps): " + input.name() + ": " + e.getMessage());
      }
      throw e;
    }
    if (known) {
      throw new AssertionError(
          entryPoint + " now refuses " + input.name() + " cleanly: remove it from KnownGaps");
    }
    REFUSED.computeIfAbsent(entryPoint, k -> new AtomicInteger()).incrementAndGet();
  }

  /** One line per entry point: files refused cleanly and known gaps. */
  static void report(String entryPoint) {
    System.out.println(
        "pactwire-hardening: "
            + entryPoint
            + ": "
            + REFUSED.getOrDefault(entryPoint, new AtomicInteger()).get()
            + " corpus files refused cleanly, "
            + GAPPED.getOrDefault(entryPoint, new AtomicInteger()).get()
            + " known gaps");
  }
}
