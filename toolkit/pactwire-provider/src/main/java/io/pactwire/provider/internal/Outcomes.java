package io.pactwire.provider.internal;

import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.BodyTypeMismatch;
import au.com.dius.pact.core.matchers.HeaderMismatch;
import au.com.dius.pact.core.matchers.MetadataMismatch;
import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.StatusMismatch;
import au.com.dius.pact.core.support.json.JsonValue;
import au.com.dius.pact.provider.VerificationFailureType;
import au.com.dius.pact.provider.VerificationResult;
import io.pactwire.provider.StateFixtureException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Turns what pact-jvm reports about an interaction into differences and a message to act on. */
final class Outcomes {

  private Outcomes() {}

  static List<Results.Difference> differences(List<VerificationResult.Failed> failed) {
    List<Results.Difference> differences = new ArrayList<>();
    for (VerificationResult.Failed result : failed) {
      for (List<VerificationFailureType> failures : result.getFailures().values()) {
        for (VerificationFailureType failure : failures) {
          differences.add(difference(failure));
        }
      }
    }
    return differences;
  }

  private static Results.Difference difference(VerificationFailureType failure) {
    if (failure instanceof VerificationFailureType.MismatchFailure m) {
      return difference(m.getMismatch());
    }
    if (failure instanceof VerificationFailureType.StateChangeFailure s) {
      Throwable e = s.getException();
      return new Results.Difference(
          "state", "", null, null, s.getDescription() + (e == null ? "" : ": " + e.getMessage()));
    }
    if (failure instanceof VerificationFailureType.ExceptionFailure x) {
      return new Results.Difference("error", "", null, null, x.getDescription() + ": " + x.getE());
    }
    return new Results.Difference("other", "", null, null, failure.description());
  }

  private static Results.Difference difference(Mismatch mismatch) {
    if (mismatch instanceof BodyMismatch b) {
      return new Results.Difference(
          "body", b.getPath(), text(b.getExpected()), text(b.getActual()), b.getMismatch());
    }
    if (mismatch instanceof StatusMismatch s) {
      return new Results.Difference(
          "status", "", text(s.getExpected()), String.valueOf(s.getActual()), s.description());
    }
    if (mismatch instanceof HeaderMismatch h) {
      return new Results.Difference(
          "header", h.getHeaderKey(), h.getExpected(), h.getActual(), h.getMismatch());
    }
    if (mismatch instanceof MetadataMismatch m) {
      return new Results.Difference(
          "metadata", m.getKey(), plain(m.getExpected()), plain(m.getActual()), m.getMismatch());
    }
    if (mismatch instanceof BodyTypeMismatch t) {
      return new Results.Difference("body", "$", t.getExpected(), t.getActual(), t.getMismatch());
    }
    return new Results.Difference(mismatch.type(), "", null, null, mismatch.description());
  }

  /** Metadata values are compared as strings: show a JSON string without its quotes. */
  static String plain(Object value) {
    if (value instanceof JsonValue json && json.isString()) {
      return json.asString();
    }
    return text(value);
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof JsonValue json) {
      return json.serialise();
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return String.valueOf(value);
  }

  /** The failure message: what failed, where, and each difference with expected and actual. */
  static String message(InteractionRef ref, List<Results.Difference> differences, Throwable cause) {
    if (differences.isEmpty()) {
      if (cause instanceof StateFixtureException) {
        return cause.getMessage(); // already names the fixture, file, line and interaction
      }
      return "verifying '"
          + ref.interaction()
          + "' failed: "
          + (cause == null ? "(no detail)" : String.valueOf(cause.getMessage()).strip())
          + ref.where();
    }
    StringBuilder text =
        new StringBuilder("verifying '")
            .append(ref.interaction())
            .append("' failed with ")
            .append(differences.size())
            .append(differences.size() == 1 ? " difference" : " differences")
            .append(ref.where());
    int n = 1;
    for (Results.Difference d : differences) {
      text.append("\n  ").append(n++).append(") ").append(d.kind());
      if (d.path() != null && !d.path().isEmpty()) {
        text.append(' ').append(d.path());
      }
      text.append(": ").append(d.mismatch());
      if (d.expected() != null || d.actual() != null) {
        text.append("\n     expected: ").append(d.expected());
        text.append("\n     actual:   ").append(d.actual());
      }
    }
    return text.toString();
  }

  static String joinExpected(List<Results.Difference> differences, boolean expected) {
    return differences.stream()
        .map(d -> label(d) + (expected ? d.expected() : d.actual()))
        .collect(Collectors.joining("\n"));
  }

  private static String label(Results.Difference d) {
    return d.kind() + (d.path() == null || d.path().isEmpty() ? "" : " " + d.path()) + ": ";
  }
}
