package io.pactwire.hardening;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * The corpus entries an entry point does not yet refuse cleanly, by entry point. Each is run: one
 * that still fails is reported as aborted with the reason (visible in every report, and counted);
 * one that now passes fails the test, so that the list only shrinks.
 */
public final class KnownGaps {

  private static final Map<String, Set<String>> GAPS = Map.of();

  /**
   * Corpus entries an entry point accepts by decision, not as a gap: a mapping WireMock itself
   * loads and serves is converted as WireMock serves it. {@code AcceptedMappingsTests} holds each
   * to what WireMock serves; the corpus tests leave them out of that entry point's refusals.
   */
  private static final Map<String, Set<String>> ACCEPTED =
      Map.of(
          "consumer StubConverter (mappings)",
          Set.of(
              // WireMock reads the status "200" as 200 and serves it
              "mappings/status-is-text.json",
              // WireMock serves a mapping without a response as 200 with no body
              "mappings/response-missing.json"));

  private static final Map<String, AtomicInteger> REFUSED = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> GAPPED = new ConcurrentHashMap<>();

  private KnownGaps() {}

  /**
   * One dynamic test per corpus file of {@code kind} ({@code pacts}, {@code specs}, {@code
   * mappings}), each running {@code check} through {@link #run}.
   */
  public static Stream<DynamicTest> tests(
      String entryPoint, String kind, Consumer<BadInput> check) {
    Set<String> accepted = ACCEPTED.getOrDefault(entryPoint, Set.of());
    return BadInput.of(kind).stream()
        .filter(input -> !accepted.contains(input.name()))
        .map(
            input ->
                DynamicTest.dynamicTest(
                    input.name(), () -> run(entryPoint, input, () -> check.accept(input))));
  }

  /** Runs one case of {@code entryPoint} over {@code input}, holding it to the list. */
  public static void run(String entryPoint, BadInput input, Runnable check) {
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
  public static void report(String entryPoint) {
    System.out.println(
        "pactwire-hardening: "
            + entryPoint
            + ": "
            + REFUSED.getOrDefault(entryPoint, new AtomicInteger()).get()
            + " corpus files refused cleanly, "
            + GAPPED.getOrDefault(entryPoint, new AtomicInteger()).get()
            + " known gaps"
            + (ACCEPTED.containsKey(entryPoint)
                ? ", "
                    + ACCEPTED.get(entryPoint).size()
                    + " accepted as WireMock serves them (AcceptedMappingsTests)"
                : ""));
  }
}
