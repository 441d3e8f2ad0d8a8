package io.pactwire.verifier.internal;

import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.BodyTypeMismatch;
import au.com.dius.pact.core.matchers.HeaderMismatch;
import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.StatusMismatch;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pactwire.core.internal.report.Difference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns pact-jvm's mismatches into the differences that Pactwire's reports show, in the words the
 * JUnit provider module uses for the same mismatch, so that a failure reads the same whichever way
 * the provider was verified.
 */
final class Differences {

  /** What the actual line shows for a field the provider did not send. */
  static final String ABSENT = "(absent)";

  private static final ObjectMapper SORTED =
      new ObjectMapper()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final String MISSING_KEYS = "Actual map is missing the following keys";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Differences() {}

  static List<Difference> of(List<? extends Mismatch> mismatches) {
    List<Difference> differences = new ArrayList<>();
    for (Mismatch mismatch : mismatches) {
      if (mismatch instanceof BodyMismatch b && missingKeys(b)) {
        differences.addAll(missing(b));
      } else {
        differences.add(of(mismatch));
      }
    }
    return differences;
  }

  private static Difference of(Mismatch mismatch) {
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
    if (mismatch instanceof BodyTypeMismatch t) {
      // pact-jvm leaves the mismatch text of a type mismatch empty; its description says it
      return new Difference(
          "body",
          "$",
          t.getExpected(),
          t.getActual(),
          t.getMismatch() != null ? t.getMismatch() : t.description());
    }
    return new Difference(mismatch.type(), "", null, null, mismatch.description());
  }

  /** A request that got no response: pact-jvm's words, then why. */
  static Difference requestFailed(String why) {
    return new Difference(
        "error", "", null, null, "Request to provider failed with an exception: " + why);
  }

  /** A state change that failed: pact-jvm's words, then the request and its answer. */
  static Difference stateChangeFailed(String why) {
    return new Difference("state", "", null, null, "Provider state change callback failed: " + why);
  }

  /**
   * pact-jvm reports missing keys at the parent's path with both whole objects; a reader needs the
   * path of each missing field and what it should be.
   */
  private static boolean missingKeys(BodyMismatch b) {
    return b.getMismatch() != null
        && b.getMismatch().startsWith(MISSING_KEYS)
        && entries(b.getExpected()) != null
        && entries(b.getActual()) != null;
  }

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
    expected.forEach(
        (k, v) -> {
          if (!actual.containsKey(k)) {
            String key = String.valueOf(k);
            differences.add(
                new Difference(
                    "body",
                    child(b.getPath(), key),
                    json(v),
                    ABSENT,
                    "the provider's response has no '" + key + "'" + others));
          }
        });
    return differences;
  }

  /** {@code $.stock}, or {@code $['a key']} for a key that is not a plain name. */
  static String child(String path, String key) {
    String parent = path == null || path.isEmpty() ? "$" : path;
    return IDENTIFIER.matcher(key).matches()
        ? parent + "." + key
        : parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
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

  private static String json(Object value) {
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
}
