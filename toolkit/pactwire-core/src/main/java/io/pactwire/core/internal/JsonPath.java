package io.pactwire.core.internal;

import au.com.dius.pact.core.model.InvalidPathExpression;
import au.com.dius.pact.core.model.PathExpressionsKt;
import au.com.dius.pact.core.model.PathToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Pact JSON path, such as {@code $.items[*].id} or {@code $['odd key'][0]}, read by pact-jvm's
 * own path parser, so that Pactwire reads a matching rule's path exactly as pact-jvm's matching
 * engine does, and printed in the one form Pact writes: identifiers after a dot, any other key in
 * single quotes.
 *
 * @param segments the steps from the root, in order
 */
public record JsonPath(List<Segment> segments) {

  /** One step of a path. */
  public sealed interface Segment permits Field, Index, AnyField, AnyIndex {}

  /** A named field: {@code .name} or {@code ['name']}. */
  public record Field(String name) implements Segment {}

  /** An array element: {@code [2]}. */
  public record Index(int index) implements Segment {}

  /** Any field: {@code .*}. */
  public record AnyField() implements Segment {}

  /** Any array element: {@code [*]}. */
  public record AnyIndex() implements Segment {}

  /** A path that is not a Pact JSON path; the message says where and why. */
  public static final class InvalidJsonPath extends IllegalArgumentException {
    InvalidJsonPath(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The root, {@code $}. */
  public static final JsonPath ROOT = new JsonPath(List.of());

  public JsonPath {
    segments = List.copyOf(segments);
  }

  /**
   * Reads a path; a leading {@code $} may be left out, and a key may be quoted with {@code "} as
   * well as {@code '}.
   *
   * @throws InvalidJsonPath for anything else pact-jvm does not read (filters, functions, recursive
   *     descent, unbalanced brackets)
   */
  public static JsonPath parse(String expression) {
    String text = expression.trim();
    if (!text.startsWith("$")) {
      text = text.startsWith("[") ? "$" + text : "$." + text;
    }
    text = text.replace("[\"", "['").replace("\"]", "']");
    List<PathToken> tokens;
    try {
      tokens = PathExpressionsKt.parsePath(text);
    } catch (InvalidPathExpression e) {
      throw new InvalidJsonPath(expression + ": not a Pact JSON path: " + e.getMessage(), e);
    }
    List<Segment> out = new ArrayList<>(tokens.size());
    for (PathToken token : tokens) {
      if (token instanceof PathToken.Field f) {
        out.add(new Field(f.getName()));
      } else if (token instanceof PathToken.Index i) {
        out.add(new Index(i.getIndex()));
      } else if (token instanceof PathToken.Star) {
        out.add(new AnyField());
      } else if (token instanceof PathToken.StarIndex) {
        out.add(new AnyIndex());
      }
    }
    return new JsonPath(out);
  }

  /** Reads a path as {@link #parse} does; empty for anything it rejects. */
  public static Optional<JsonPath> tryParse(String expression) {
    try {
      return Optional.of(parse(expression));
    } catch (InvalidJsonPath e) {
      return Optional.empty();
    }
  }

  /** True when no step is {@code .*}: every step names a field or an element, or any element. */
  public boolean isConcrete() {
    return segments.stream().noneMatch(AnyField.class::isInstance);
  }

  /** This path with a field after it. */
  public JsonPath field(String name) {
    List<Segment> next = new ArrayList<>(segments);
    next.add(new Field(name));
    return new JsonPath(next);
  }

  /** This path with every index written as {@code [*]}, as matching rules are keyed. */
  public JsonPath anyIndexes() {
    return new JsonPath(
        segments.stream().map(s -> s instanceof Index ? (Segment) new AnyIndex() : s).toList());
  }

  /**
   * The steps as plain strings: a field's name, an index's digits, {@code *} for either wildcard.
   */
  public List<String> names() {
    List<String> out = new ArrayList<>(segments.size());
    for (Segment s : segments) {
      if (s instanceof Field f) {
        out.add(f.name());
      } else if (s instanceof Index i) {
        out.add(Integer.toString(i.index()));
      } else {
        out.add("*");
      }
    }
    return out;
  }

  /** The path as Pact writes it: {@code $.a['odd key'][*]}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("$");
    for (Segment s : segments) {
      if (s instanceof Field f) {
        appendField(out, f.name());
      } else if (s instanceof Index i) {
        out.append('[').append(i.index()).append(']');
      } else {
        out.append(s instanceof AnyField ? ".*" : "[*]");
      }
    }
    return out.toString();
  }

  /**
   * The text of {@code parent} (a path as {@link #toString()} writes it) with a field after it,
   * without parsing the parent: capture builds a path for every key of every body.
   */
  public static String child(String parent, String key) {
    return appendField(new StringBuilder(parent.length() + key.length() + 5).append(parent), key)
        .toString();
  }

  private static StringBuilder appendField(StringBuilder out, String key) {
    return isIdentifier(key)
        ? out.append('.').append(key)
        : out.append("['").append(key.replace("'", "\\'")).append("']");
  }

  // [A-Za-z_][A-Za-z0-9_]*: a loop costs less than a regex, and capture asks for every key.
  private static boolean isIdentifier(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }
}
