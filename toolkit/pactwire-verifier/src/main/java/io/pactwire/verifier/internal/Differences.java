package io.pactwire.verifier.internal;

import io.pactwire.core.internal.report.Difference;

/**
 * The differences of a verification that pact-jvm's matching engine did not find: a request that
 * got no response, a provider state that could not be set up. Mismatches themselves are described
 * by core's {@link io.pactwire.core.internal.report.Mismatches}, as the JUnit provider module
 * describes them.
 */
final class Differences {

  private Differences() {}

  /** A request that got no response: pact-jvm's words, then why. */
  static Difference requestFailed(String why) {
    return new Difference(
        "error", "", null, null, "Request to provider failed with an exception: " + why);
  }

  /** A regex rule that ran over its time bound: never handed to pact-jvm, which has none. */
  static Difference regexTooSlow(String why) {
    return new Difference("error", "", null, null, "A matching rule could not be applied: " + why);
  }

  /** A state change that failed: pact-jvm's words, then the request and its answer. */
  static Difference stateChangeFailed(String why) {
    return new Difference("state", "", null, null, "Provider state change callback failed: " + why);
  }
}
