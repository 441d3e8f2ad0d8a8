package io.pactwire.core.internal.report;

import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.BodyTypeMismatch;
import au.com.dius.pact.core.matchers.HeaderMismatch;
import au.com.dius.pact.core.matchers.MetadataMismatch;
import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.StatusMismatch;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pactwire.core.internal.JsonPath;
import io.pactwire.core.internal.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns pact-jvm's mismatches into the differences Pactwire's reports show. The JUnit provider
 * module and {@code pactwire verify} both judge with pact-jvm's matching engine and both describe
 * what it found through this class, so a failure reads the same whichever way the provider was
 * verified.
 */
public final class Mismatches {

  /** What the actual line shows for a field the provider did not send. */
  public static final String ABSENT = "(absent)";

  // Objects are shown with their keys sorted, so the expected and actual lines line up.
  private static final ObjectMapper SORTED =
      new ObjectMapper()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final String MISSING_KEYS = "Actual map is missing the following keys";

  private Mismatches() {}

  /**
   * The differences pact-jvm's mismatches stand for: one each, except that missing keys become one
   * difference per missing field, at its own path.
   */
  public static List<Difference> differences(List<? extends Mismatch> mismatches) {
    List<Difference> differences = new ArrayList<>();
    for (Mismatch mismatch : mismatches) {
      if (mismatch instanceof BodyMismatch b && missingKeys(b)) {
        differences.addAll(missing(b));
      } else {
        differences.add(difference(mismatch));
      }
    }
    return differences;
  }

  private static Difference difference(Mismatch mismatch) {
    if (mismatch instanceof BodyMismatch b) {
      // a credential at the path, or in the objects compared there, shows as <redacted> (as JSON
      // text, so that its type still shows), here and in pact-jvm's words
      boolean secret = isSecretPath(b.getPath());
      Set<String> found = new TreeSet<>();
      String expected = redactedText(b.getExpected(), secret, found);
      String actual = redactedText(b.getActual(), secret, found);
      return new Difference(
          "body", b.getPath(), expected, actual, Secrets.withoutWords(b.getMismatch(), found));
    }
    if (mismatch instanceof StatusMismatch s) {
      return new Difference(
          "status", "", text(s.getExpected()), String.valueOf(s.getActual()), s.description());
    }
    if (mismatch instanceof HeaderMismatch h) {
      if (Secrets.isSecretHeader(h.getHeaderKey())) {
        return withoutValues(
            "header",
            h.getHeaderKey(),
            h.getExpected(),
            h.getActual(),
            h.getMismatch(),
            h.getExpected(),
            h.getActual());
      }
      return new Difference(
          "header", h.getHeaderKey(), h.getExpected(), h.getActual(), h.getMismatch());
    }
    if (mismatch instanceof MetadataMismatch m) {
      return new Difference(
          "metadata", m.getKey(), plain(m.getExpected()), plain(m.getActual()), m.getMismatch());
    }
    if (mismatch instanceof BodyTypeMismatch t) {
      // pact-jvm may leave a type mismatch's text empty; its description then says it
      return new Difference(
          "body",
          "$",
          t.getExpected(),
          t.getActual(),
          t.getMismatch() != null ? t.getMismatch() : t.description());
    }
    return new Difference(mismatch.type(), "", null, null, mismatch.description());
  }

  /**
   * A difference in a secret header: where it is and what is wrong, with neither value, in the
   * difference nor in pact-jvm's words. The provider's session cookie or issued token would
   * otherwise reach every report, the results and a monitor's history. A value that is absent stays
   * absent, so that a missing header still reads as missing.
   */
  private static Difference withoutValues(
      String kind, String path, String expected, String actual, String mismatch, String... values) {
    Set<String> named = new TreeSet<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        named.add(value);
      }
    }
    return new Difference(
        kind, path, hidden(expected), hidden(actual), Secrets.withoutWords(mismatch, named));
  }

  private static String hidden(String value) {
    return value == null || value.isBlank() || value.equals(ABSENT) ? value : Secrets.REDACTED;
  }

  // a field of the body path names a credential: $.access_token, $.password[0], $.secret.value
  /**
   * Whether a step of a body path is a field named as a credential: {@code $.user.password}, or, in
   * pact-jvm's paths into XML that are no JSON paths, {@code $.login.password.#text}.
   */
  public static boolean isSecretPath(String path) {
    if (path == null) {
      return false;
    }
    return JsonPath.tryParse(path)
        .map(
            parsed ->
                parsed.segments().stream()
                    .anyMatch(
                        s ->
                            s instanceof JsonPath.Field field
                                && Secrets.isSecretField(field.name())))
        .orElseGet(
            () -> Arrays.stream(path.split("[.\\[\\]'@#]+")).anyMatch(Secrets::isSecretField));
  }

  /**
   * {@link #text(Object)} of a value with its credentials redacted ({@code Secrets.redactFields}):
   * all of it when {@code secret}, else the fields in it named as credentials.
   */
  private static String redactedText(Object value, boolean secret, Set<String> found) {
    if (value == null) {
      return null;
    }
    Object plain = plainObject(value);
    if (plain == NOT_JSON
        || !(value instanceof JsonValue || value instanceof Map || value instanceof Collection)) {
      String written = text(value);
      if (secret && written != null && !written.isEmpty()) {
        found.add(written);
        return Secrets.REDACTED;
      }
      int eq = written == null ? -1 : written.indexOf('=');
      if (value instanceof String && eq > 0 && Secrets.isSecretField(written.substring(0, eq))) {
        // a form parameter as pact-jvm's form matcher gives it: access_token=abc
        found.add(written.substring(eq + 1));
        return written.substring(0, eq + 1) + Secrets.REDACTED;
      }
      return written;
    }
    Set<String> here = new TreeSet<>();
    Object redacted = Secrets.redactFields(plain, secret, here);
    found.addAll(here);
    // nothing redacted: as every other difference shows it
    return here.isEmpty() && !secret ? text(value) : json(redacted);
  }

  /**
   * A body value at {@code path} as a difference shows it with its credentials redacted (the value
   * itself under a field named as one, or such fields in it), each value redacted added to {@code
   * found}; null when it holds none, for a caller that shows values its own way.
   */
  public static String withoutCredentials(Object value, String path, Set<String> found) {
    boolean secret = isSecretPath(path);
    Set<String> here = new TreeSet<>();
    String text = redactedText(value, secret, here);
    found.addAll(here);
    return here.isEmpty() && !secret ? null : text;
  }

  private static final Object NOT_JSON = new Object();

  // pact-jvm's value as plain Java objects (maps, lists, text, numbers), or NOT_JSON
  private static Object plainObject(Object value) {
    if (value instanceof JsonValue json) {
      try {
        return SORTED.readValue(json.serialise(), Object.class);
      } catch (JsonProcessingException e) {
        return NOT_JSON;
      }
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), plainObject(v)));
      return copy.containsValue(NOT_JSON) ? NOT_JSON : copy;
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(plainObject(v)));
      return copy.contains(NOT_JSON) ? NOT_JSON : copy;
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return NOT_JSON;
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
              redactedText(
                  entry.getValue(), isSecretPath(child(b.getPath(), key)), new TreeSet<>()),
              ABSENT,
              "the provider's response has no '" + key + "'" + others));
    }
    return differences;
  }

  /** {@code $.stock}, or {@code $['a key']} for a key that is not a plain name. */
  static String child(String path, String key) {
    return JsonPath.child(path == null || path.isEmpty() ? "$" : path, key);
  }

  /** Metadata values are compared as strings: a JSON string is shown without its quotes. */
  public static String plain(Object value) {
    if (value instanceof JsonValue json && json.isString()) {
      return json.asString();
    }
    return text(value);
  }

  /** A value as a difference shows it: JSON for objects and arrays, keys sorted. */
  public static String text(Object value) {
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
    Object plain = plainObject(value);
    if (plain != NOT_JSON) {
      // pact-jvm's values inside a list or a map would be written as Java beans
      value = plain;
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
