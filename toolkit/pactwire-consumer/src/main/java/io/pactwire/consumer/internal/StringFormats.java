package io.pactwire.consumer.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matcher a response string's own shape asks for: an ISO-8601 date-time, date or time gets a
 * {@code timestamp}, {@code date} or {@code time} matcher with the format the example is written
 * in, a UUID a {@code regex} for UUIDs. A string that only looks like one ({@code 2026-13-45},
 * {@code 10:15}) gets none, and keeps the {@code type} matcher.
 */
public final class StringFormats {

  /** Any UUID, in either case, as the {@code regex} matcher for UUIDs has it. */
  public static final String UUID_REGEX =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  private static final Pattern UUID = Pattern.compile(UUID_REGEX);
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIME = Pattern.compile("(\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?");
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})?");

  private StringFormats() {}

  /** The matcher for {@code value}'s format, if it has one of those above. */
  static Optional<ObjectNode> matcher(String value) {
    if (value.length() < 8 || value.length() > 40 || !Character.isLetterOrDigit(value.charAt(0))) {
      return Optional.empty();
    }
    Matcher m = DATE_TIME.matcher(value);
    if (m.matches() && isDate(m.group(1)) && isTime(m.group(2))) {
      String format =
          "yyyy-MM-dd'T'HH:mm:ss" + fraction(m.group(3)) + (m.group(4) == null ? "" : "XXX");
      return Optional.of(MatchingRules.timestamp(format));
    }
    if (DATE.matcher(value).matches() && isDate(value)) {
      return Optional.of(MatchingRules.date("yyyy-MM-dd"));
    }
    m = TIME.matcher(value);
    if (m.matches() && isTime(m.group(1))) {
      return Optional.of(MatchingRules.time("HH:mm:ss" + fraction(m.group(2))));
    }
    if (UUID.matcher(value).matches()) {
      return Optional.of(MatchingRules.regex(UUID_REGEX));
    }
    return Optional.empty();
  }

  // ".123" is written "SSS": a provider must send as many digits as the example shows.
  private static String fraction(String digits) {
    return digits == null ? "" : "." + "S".repeat(digits.length() - 1);
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean isTime(String text) {
    try {
      LocalTime.parse(text);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
