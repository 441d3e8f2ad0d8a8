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
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pactwire.core.internal.report.Difference;
import io.pactwire.core.internal.report.FailureText;
import io.pactwire.provider.StateFixtureException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns what pact-jvm reports about an interaction into differences and a message to act on. */
final class Outcomes {

  // Objects are shown with their keys sorted, so the expected and actual lines line up.
  private static final ObjectMapper SORTED =
      new ObjectMapper()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final String MISSING_KEYS = "Actual map is missing the following keys";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** What the actual line shows for a field the provider did not send. */
  static final String ABSENT = "(absent)";

  private Outcomes() {}

  static List<Difference> differences(List<VerificationResult.Failed> failed) {
    List<Difference> differences = new ArrayList<>();
    for (VerificationResult.Failed result : failed) {
      for (List<VerificationFailureType> failures : result.getFailures().values()) {
        for (VerificationFailureType failure : failures) {
          if (failure instanceof VerificationFailureType.MismatchFailure m
              && m.getMismatch() instanceof BodyMismatch b
              && missingKeys(b)) {
            differences.addAll(missing(b));
          } else {
            differences.add(difference(failure));
          }
        }
      }
    }
    return differences;
  }

  private static Difference difference(VerificationFailureType failure) {
    if (failure instanceof VerificationFailureType.MismatchFailure m) {
      return difference(m.getMismatch());
    }
    if (failure instanceof VerificationFailureType.StateChangeFailure s) {
      Throwable e = s.getException();
      return new Difference(
          "state", "", null, null, s.getDescription() + (e == null ? "" : ": " + e.getMessage()));
    }
    if (failure instanceof VerificationFailureType.ExceptionFailure x) {
      return new Difference("error", "", null, null, x.getDescription() + ": " + x.getE());
    }
    return new Difference("other", "", null, null, failure.description());
  }

  private static Difference difference(Mismatch mismatch) {
    if (mismatch instanceof BodyMismatch b) {
      return new Difference(
          "body", b.getPath(), text(b.getExpected()), text(b.getActual()), b.getMismatch());
    }
    if (mismatch instanceof StatusMismatch s) {
      return new Difference(
          "status", "", text(s.getExpected()), String.valueOf(s.getActual()), s.description());
    }
    if (mismatch instanceof HeaderMismatch h) {
      return new Difference(
          "header", h.getHeaderKey(), h.getExpected(), h.getActual(), h.getMismatch());
    }
    if (mismatch instanceof MetadataMismatch m) {
      return new Difference(
          "metadata", m.getKey(), plain(m.getExpected()), plain(m.getActual()), m.getMismatch());
    }
    if (mismatch instanceof BodyTypeMismatch t) {
      return new Difference("body", "$", t.getExpected(), t.getActual(), t.getMismatch());
    }
    return new Difference(mismatch.type(), "", null, null, mismatch.description());
  }

  /**
   * pact-jvm reports missing keys at the parent's path with both whole objects (in their own key
   * orders) and a text diff; a reader needs the path of each missing field and what it should be.
   */
  private static boolean missingKeys(BodyMismatch b) {
    return b.getMismatch() != null
        && b.getMismatch().startsWith(MISSING_KEYS)
        && entries(b.getExpected()) != null
        && entries(b.getActual()) != null;
  }

  /** The entries of an object as pact-jvm hands it over: a JSON object or a map. */
  private static Map<?, ?> entries(Object value) {
    if (value instanceof JsonValue.Object object) {
      return object.getEntries();
    }
    return value instanceof Map<?, ?> map ? map : null;
  }

  private static List<Difference> missing(BodyMismatch b) {
    Map<?, ?> expected = entries(b.getExpected());
    Map<?, ?> actual = entries(b.getActual());
    List<String> unexpected =
        actual.keySet().stream()
            .filter(k -> !expected.containsKey(k))
            .map(String::valueOf)
            .sorted()
            .toList();
    String others =
        unexpected.isEmpty()
            ? ""
            : "; the response has "
                + String.join(", ", unexpected)
                + ", which the contract does not name";
    List<Difference> differences = new ArrayList<>();
    for (Map.Entry<?, ?> entry : expected.entrySet()) {
      if (actual.containsKey(entry.getKey())) {
        continue;
      }
      String key = String.valueOf(entry.getKey());
      differences.add(
          new Difference(
              "body",
              child(b.getPath(), key),
              json(entry.getValue()),
              ABSENT,
              "the provider's response has no '" + key + "'" + others));
    }
    return differences;
  }

  /** {@code $.stock}, or {@code $['a key']} for a key that is not a plain name. */
  static String child(String path, String key) {
    String parent = path == null || path.isEmpty() ? "$" : path;
    return IDENTIFIER.matcher(key).matches()
        ? parent + "." + key
        : parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
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
      return json.isObject() || json.isArray() ? sorted(json.serialise()) : json.serialise();
    }
    if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
      return json(value);
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return String.valueOf(value);
  }

  /** A value as JSON, objects with their keys sorted. */
  static String json(Object value) {
    if (value instanceof JsonValue json) {
      return text(json);
    }
    try {
      return SORTED.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private static String sorted(String json) {
    try {
      return SORTED.writeValueAsString(SORTED.readValue(json, Object.class));
    } catch (JsonProcessingException e) {
      return json;
    }
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
