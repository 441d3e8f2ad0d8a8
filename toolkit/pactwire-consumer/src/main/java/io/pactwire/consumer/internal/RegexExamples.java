package io.pactwire.consumer.internal;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Synthesises one string that a regular expression matches, for stubs converted without a real
 * request. Takes the shortest branch of each construct; gives up (empty) where the result does not
 * match, rather than guessing.
 */
public final class RegexExamples {

  private final String regex;
  private int at;

  private RegexExamples(String regex) {
    this.regex = regex;
  }

  /** Returns a string that {@code regex} matches in full, if this simple generator finds one. */
  public static Optional<String> example(String regex) {
    try {
      Pattern pattern = Pattern.compile(regex);
      String candidate = new RegexExamples(regex).alternatives();
      if (pattern.matcher(candidate).matches()) {
        return Optional.of(candidate);
      }
      return Optional.empty();
    } catch (PatternSyntaxException | IllegalStateException | StringIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private String alternatives() {
    String first = sequence();
    while (at < regex.length() && regex.charAt(at) == '|') {
      at++;
      sequence();
    }
    return first;
  }

  private String sequence() {
    StringBuilder out = new StringBuilder();
    while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
      String atom = atom();
      int min = quantifierMin();
      out.append(atom.repeat(min));
    }
    return out.toString();
  }

  private String atom() {
    char c = regex.charAt(at++);
    switch (c) {
      case '^', '$':
        return "";
      case '.':
        return "x";
      case '(':
        if (regex.startsWith("?:", at)) {
          at += 2;
        } else if (regex.startsWith("?<", at) && !regex.startsWith("?<=", at)) {
          at = regex.indexOf('>', at) + 1;
        } else if (at < regex.length() && regex.charAt(at) == '?') {
          throw new IllegalStateException("look-around");
        }
        String inner = alternatives();
        expect(')');
        return inner;
      case '[':
        return characterClass();
      case '\\':
        return escape();
      default:
        return String.valueOf(c);
    }
  }

  private String escape() {
    char e = regex.charAt(at++);
    return switch (e) {
      case 'd' -> "0";
      case 'w' -> "a";
      case 's' -> " ";
      case 'D', 'S' -> "x";
      case 'W' -> "-";
      case 'Q' -> {
        int end = regex.indexOf("\\E", at);
        String quoted = regex.substring(at, end < 0 ? regex.length() : end);
        at = end < 0 ? regex.length() : end + 2;
        yield quoted;
      }
      case 'b', 'B', 'A', 'z', 'Z' -> "";
      default -> {
        if (Character.isLetterOrDigit(e)) {
          throw new IllegalStateException("escape \\" + e);
        }
        yield String.valueOf(e);
      }
    };
  }

  private String characterClass() {
    int start = at - 1;
    int depth = 1;
    boolean escaped = false;
    while (depth > 0) {
      char c = regex.charAt(at++);
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '[') {
        depth++;
      } else if (c == ']'
          && at - 1 > start + 1
          && !(at - 2 == start + 1 && regex.charAt(start + 1) == '^')) {
        depth--;
      }
    }
    Pattern cls = Pattern.compile(regex.substring(start, at));
    for (char candidate : "a0xA-_.1zZ9 /".toCharArray()) {
      if (cls.matcher(String.valueOf(candidate)).matches()) {
        return String.valueOf(candidate);
      }
    }
    for (char candidate = 33; candidate < 127; candidate++) {
      if (cls.matcher(String.valueOf(candidate)).matches()) {
        return String.valueOf(candidate);
      }
    }
    throw new IllegalStateException("character class");
  }

  private int quantifierMin() {
    if (at >= regex.length()) {
      return 1;
    }
    char c = regex.charAt(at);
    int min;
    switch (c) {
      case '*', '?' -> {
        at++;
        min = 0;
      }
      case '+' -> {
        at++;
        min = 1;
      }
      case '{' -> {
        int end = regex.indexOf('}', at);
        String body = regex.substring(at + 1, end);
        at = end + 1;
        String low = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
        min = Integer.parseInt(low.trim());
      }
      default -> {
        return 1;
      }
    }
    if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
      at++;
    }
    return min;
  }

  private void expect(char c) {
    if (at >= regex.length() || regex.charAt(at) != c) {
      throw new IllegalStateException("expected " + c);
    }
    at++;
  }
}
