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

  /** How many interactions failed. */
  public long failed() {
    return pacts.stream().flatMap(p -> p.interactions().stream()).filter(i -> !i.success()).count();
  }
}
