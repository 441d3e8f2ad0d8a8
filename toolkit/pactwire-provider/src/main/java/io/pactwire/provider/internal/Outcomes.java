package io.pactwire.provider.internal;

import au.com.dius.pact.provider.VerificationFailureType;
import au.com.dius.pact.provider.VerificationResult;
import io.pactwire.core.internal.report.Difference;
import io.pactwire.core.internal.report.FailureText;
import io.pactwire.core.internal.report.Mismatches;
import io.pactwire.provider.StateFixtureException;
import java.util.ArrayList;
import java.util.List;

/** Turns what pact-jvm reports about an interaction into differences and a message to act on. */
final class Outcomes {

  private Outcomes() {}

  static List<Difference> differences(List<VerificationResult.Failed> failed) {
    List<Difference> differences = new ArrayList<>();
    for (VerificationResult.Failed result : failed) {
      for (List<VerificationFailureType> failures : result.getFailures().values()) {
        for (VerificationFailureType failure : failures) {
          differences.addAll(differences(failure));
        }
      }
    }
    return differences;
  }

  private static List<Difference> differences(VerificationFailureType failure) {
    if (failure instanceof VerificationFailureType.MismatchFailure m) {
      return Mismatches.differences(List.of(m.getMismatch()));
    }
    if (failure instanceof VerificationFailureType.StateChangeFailure s) {
      Throwable e = s.getException();
      return List.of(
          new Difference(
              "state",
              "",
              null,
              null,
              s.getDescription() + (e == null ? "" : ": " + e.getMessage())));
    }
    if (failure instanceof VerificationFailureType.ExceptionFailure x) {
      return List.of(new Difference("error", "", null, null, x.getDescription() + ": " + x.getE()));
    }
    return List.of(new Difference("other", "", null, null, failure.description()));
  }

  /** The failure message: what failed, where, and each difference with expected and actual. */
  static String message(InteractionRef ref, List<Difference> differences, Throwable cause) {
    if (differences.isEmpty()) {
      if (cause instanceof StateFixtureException) {
        return cause.getMessage(); // already names the fixture, file, line and interaction
      }
      return FailureText.failed(
          ref.interaction(),
          cause == null ? null : String.valueOf(cause.getMessage()),
          ref.where());
    }
    return FailureText.differences(ref.interaction(), differences, ref.where());
  }
}
