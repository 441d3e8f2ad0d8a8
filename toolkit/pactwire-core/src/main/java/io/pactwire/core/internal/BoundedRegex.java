package io.pactwire.core.internal;

import au.com.dius.pact.core.matchers.Matchers;
import au.com.dius.pact.core.matchers.MatchingContext;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.matchingrules.MatchingRule;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleGroup;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Applies a pact's regex matchers with a time bound, before pact-jvm applies them without one.
 *
 * <p>pact-jvm matches a regex rule with {@code java.util.regex}, which cannot be interrupted: a
 * pattern that backtracks catastrophically, such as {@code (a+)+$} on fifty {@code a}s and a {@code
 * !}, holds a thread for longer than the universe has existed. So each regex rule that pact-jvm
 * would apply to a value (the rules it selects for that path, on the same value) is first applied
 * here to a {@link CharSequence} that throws once its deadline has passed; a pattern that finishes
 * in time finishes in pact-jvm too, one that does not fails with {@link TooSlowException} and is
 * never handed to pact-jvm.
 */
public final class BoundedRegex {

  /** How long one regex may take on one value. */
  public static final Duration LIMIT = Duration.ofMillis(500);

  /** A pact's patterns, compiled once: stubs apply the same few to every request. */
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private static final int MAX_COMPILED = 10_000;

  private BoundedRegex() {}

  /** A regex that ran over its time bound on a value, stopped there. */
  public static final class TooSlowException extends RuntimeException {

    TooSlowException(String regex, String where, int length, long millis) {
      super(
          "the regex '"
              + regex
              + "' at "
              + where
              + " was stopped after "
              + millis
              + " ms on a value of "
              + length
              + " characters: a pattern that backtracks without end (such as (a+)+$) cannot be"
              + " applied; simplify it in the pact");
    }
  }

  /**
   * Whether {@code regex} matches the whole of {@code input}, as pact-jvm's regex matcher asks.
   *
   * @param where the value's place, for the message: a JSON path, a header name
   * @throws TooSlowException when the match runs over {@link #LIMIT}
   */
  public static boolean matches(String regex, String input, String where) {
    Pattern pattern = COMPILED.get(regex);
    if (pattern == null) {
      try {
        pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        return false; // pact-jvm reports the pattern itself
      }
      if (COMPILED.size() < MAX_COMPILED) {
        COMPILED.put(regex, pattern);
      }
    }
    long start = System.nanoTime();
    try {
      return pattern.matcher(new Deadline(input, start + LIMIT.toNanos())).matches();
    } catch (Deadline.Passed e) {
      throw new TooSlowException(
          regex, where, input.length(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * Applies each regex rule of {@code rules} (a body category) to the value pact-jvm applies it to
   * in {@code body}, when the body is JSON.
   *
   * @param where the body's place, for the message, e.g. {@code "the response body"}
   */
  public static void checkBody(MatchingRuleCategory rules, OptionalBody body, String where) {
    if (!hasRegex(rules) || body == null || !body.isPresent()) {
      return;
    }
    JsonValue json;
    try {
      json = JsonParser.parseString(body.valueAsString());
    } catch (Exception e) { // not JSON: pact-jvm reports it; its parser declares JsonException
      return;
    }
    MatchingContext context = new MatchingContext(rules, true);
    List<String> regexPaths = new ArrayList<>();
    rules
        .getMatchingRules()
        .forEach(
            (key, group) -> {
              if (group.getRules().stream().anyMatch(RegexMatcher.class::isInstance)) {
                regexPaths.add(key);
              }
            });
    List<String> path = new ArrayList<>();
    path.add("$");
    walk(context, regexPaths, json, path, where);
  }

  /**
   * Applies the regex rules pact-jvm selects for each value. Its selection (the best of the rules
   * whose path matches the value's) picks a regex rule only where the path of one matches, so the
   * selection itself, which weighs every rule of the body, is made only there.
   */
  private static void walk(
      MatchingContext context,
      List<String> regexPaths,
      JsonValue value,
      List<String> path,
      String where) {
    if (value instanceof JsonValue.Object object) {
      for (Map.Entry<String, JsonValue> entry : object.getEntries().entrySet()) {
        path.add(entry.getKey());
        walk(context, regexPaths, entry.getValue(), path, where);
        path.remove(path.size() - 1);
      }
    } else if (value instanceof JsonValue.Array array) {
      List<JsonValue> values = array.getValues();
      for (int i = 0; i < values.size(); i++) {
        path.add(String.valueOf(i));
        walk(context, regexPaths, values.get(i), path, where);
        path.remove(path.size() - 1);
      }
    } else if (value != null && !value.isNull()) {
      if (regexPaths.stream().noneMatch(key -> Matchers.INSTANCE.matchesPath(key, path) > 0)) {
        return;
      }
      String text = value.isString() ? value.asString() : value.serialise();
      if (context.matcherDefined(path)) {
        for (MatchingRule rule : context.selectBestMatcher(path).getRules()) {
          if (rule instanceof RegexMatcher regex) {
            matches(regex.getRegex(), text, where + " " + String.join(".", path));
          }
        }
      }
    }
  }

  /**
   * Applies each regex rule of {@code rules} (headers, query, metadata: one group per name) to the
   * values of that name.
   */
  public static void checkValues(
      MatchingRuleCategory rules,
      Map<String, ? extends List<String>> values,
      boolean ignoreCase,
      String where) {
    if (!hasRegex(rules)) {
      return;
    }
    for (Map.Entry<String, MatchingRuleGroup> group : rules.getMatchingRules().entrySet()) {
      for (Map.Entry<String, ? extends List<String>> actual : values.entrySet()) {
        boolean same =
            ignoreCase
                ? actual
                    .getKey()
                    .toLowerCase(Locale.ROOT)
                    .equals(group.getKey().toLowerCase(Locale.ROOT))
                : actual.getKey().equals(group.getKey());
        if (!same || actual.getValue() == null) {
          continue;
        }
        for (MatchingRule rule : group.getValue().getRules()) {
          if (rule instanceof RegexMatcher regex) {
            for (String value : actual.getValue()) {
              matches(regex.getRegex(), value, where + " " + actual.getKey());
            }
            if (actual.getValue().size() > 1) {
              matches(
                  regex.getRegex(),
                  String.join(", ", actual.getValue()),
                  where + " " + actual.getKey());
            }
          }
        }
      }
    }
  }

  /** Applies each regex rule of a path category to the path. */
  public static void checkPath(MatchingRuleCategory rules, String path) {
    if (!hasRegex(rules) || path == null) {
      return;
    }
    for (MatchingRuleGroup group : rules.getMatchingRules().values()) {
      for (MatchingRule rule : group.getRules()) {
        if (rule instanceof RegexMatcher regex) {
          matches(regex.getRegex(), path, "the path");
        }
      }
    }
  }

  private static boolean hasRegex(MatchingRuleCategory rules) {
    if (rules == null || rules.isEmpty()) {
      return false;
    }
    for (MatchingRuleGroup group : rules.getMatchingRules().values()) {
      for (MatchingRule rule : group.getRules()) {
        if (rule instanceof RegexMatcher) {
          return true;
        }
      }
    }
    return false;
  }

  /** A string whose characters stop being readable once a deadline has passed. */
  private static final class Deadline implements CharSequence {

    /** Thrown through the regex engine, which knows nothing of time. */
    static final class Passed extends RuntimeException {
      Passed() {
        super(null, null, false, false);
      }
    }

    private final String text;
    private final long deadline;
    private int reads;

    Deadline(String text, long deadline) {
      this.text = text;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0x3ff) == 0 && System.nanoTime() > deadline) {
        throw new Passed();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Deadline(text.substring(start, end), deadline);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
