package io.pactwire.openapi.internal.rules;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The search for a witness: a value a matcher admits and the schema forbids. Candidates are a
 * regex's literal alternatives, variations of the example, and values that commonly break enums,
 * patterns, formats, lengths and ranges; a date matcher's are a few instants in its format.
 */
final class Witnesses {

  /** The strings a number matcher admits on a header, query parameter or message value. */
  static final Map<String, String> NUMBER_REGEX =
      Map.of("integer", "-?\\d+", "decimal", "-?\\d+\\.\\d+", "number", "-?\\d+(\\.\\d+)?");

  // what pact-jvm reads when a date, time or timestamp matcher gives no format
  static final Map<String, String> DEFAULT_FORMATS =
      Map.of(
          "date", "yyyy-MM-dd",
          "time", "HH:mm:ss",
          "timestamp", "yyyy-MM-dd'T'HH:mm:ss",
          "datetime", "yyyy-MM-dd'T'HH:mm:ss");

  // instants a date or time matcher admits once formatted: a plain one, one late in the day with
  // a fraction and an offset, and the last second of a year
  private static final List<OffsetDateTime> INSTANTS =
      List.of(
          OffsetDateTime.parse("2000-01-01T00:00:00Z"),
          OffsetDateTime.parse("2001-02-03T21:05:07.123+05:30"),
          OffsetDateTime.parse("1999-12-31T23:59:59Z"));

  private Witnesses() {}

  /** The regex compiled, or null when Java cannot read it. */
  static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  /** The first candidate that the matcher admits and that fails the schema, or null. */
  static String witness(
      Set<String> candidates, Predicate<String> admitted, Function<String, String> violation) {
    for (String c : candidates) {
      if (admitted.test(c) && violation.apply(c) != null) {
        return c;
      }
    }
    return null;
  }

  /** Values a date or time matcher with this (Java) format admits; none for a bad format. */
  static List<String> dates(String format) {
    List<String> out = new ArrayList<>();
    try {
      DateTimeFormatter formatter = DateTimeFormatter.ofPattern(format, Locale.ROOT);
      for (OffsetDateTime instant : INSTANTS) {
        out.add(formatter.format(instant));
      }
    } catch (IllegalArgumentException | DateTimeException e) {
      // a pattern Java cannot read or apply gives no witness
    }
    return out;
  }

  /**
   * Values to try against a regex: its literal alternatives, variations of the example, and values
   * that commonly break enums, patterns, formats, lengths and ranges.
   */
  static Set<String> candidates(String regex, String ex) {
    Set<String> candidates = new LinkedHashSet<>(alternatives(regex));
    candidates.addAll(
        List.of(
            ex,
            ex + "x",
            ex.toUpperCase(),
            ex.toLowerCase(),
            ex.isEmpty() ? "" : ex.substring(1),
            ex.isEmpty() ? "" : ex.substring(0, ex.length() - 1),
            ex.isEmpty() ? "" : ex + ex.charAt(ex.length() - 1),
            ex + ex,
            "",
            "a",
            "x",
            "A",
            "Z",
            "abc",
            "ABC",
            "0",
            "1",
            "9",
            "-1",
            "1.5",
            "a b",
            "true",
            "null",
            "2026-11-28",
            "2026-11-28T23:00:00Z",
            "9999-99-99",
            "2026-02-31T25:61:00Z",
            "not-a-date",
            "user@example.com",
            "00000000-0000-0000-0000-000000000000",
            "ZZZ",
            "AAA",
            "aaa",
            "zzz",
            "a".repeat(300),
            "1".repeat(40),
            "-1.5"));
    return candidates;
  }

  private static List<String> alternatives(String regex) {
    String r = regex;
    if (r.startsWith("^")) {
      r = r.substring(1);
    }
    if (r.endsWith("$")) {
      r = r.substring(0, r.length() - 1);
    }
    if (r.startsWith("(") && r.endsWith(")")) {
      r = r.substring(1, r.length() - 1);
      if (r.startsWith("?:")) {
        r = r.substring(2);
      }
    }
    List<String> out = new ArrayList<>();
    for (String alt : r.split("\\|", -1)) {
      if (alt.matches("[A-Za-z0-9 _\\-]*")) {
        out.add(alt);
      }
    }
    return out;
  }
}
