package io.pactwire.core.internal.report;

import java.util.List;

/**
 * Everything verified for one provider version: what results files hold and reports render. Nothing
 * here depends on JUnit or pact-jvm, so the JUnit extension and the command line fill it alike.
 */
public record VerificationRun(
    String provider,
    String providerVersion,
    String branch,
    boolean success,
    List<PactResult> pacts) {

  /** How many interactions passed. */
  public long passed() {
    return pacts.stream().flatMap(p -> p.interactions().stream()).filter(i -> i.success()).count();
  }

  /** How many interactions failed, pending ones included. */
  public long failed() {
    return pacts.stream().flatMap(p -> p.interactions().stream()).filter(i -> !i.success()).count();
  }

  /** How many pending interactions failed: recorded, but no failure of the run. */
  public long pendingFailed() {
    return pacts.stream()
        .flatMap(p -> p.interactions().stream())
        .filter(InteractionResult::pendingFailure)
        .count();
  }

  /** The run's verdict in words: passed, failed, or passed with pending failures counted apart. */
  public String verdict() {
    long pending = pendingFailed();
    if (failed() > pending) {
      return "failed";
    }
    return pending == 0 ? "passed" : "passed (" + pending + " pending failed)";
  }
}
