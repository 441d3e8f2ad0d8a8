package io.pactwire.openapi.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON path of a matching rule ({@code $.items[*].sku}, {@code $['a b']}) into segments;
 * an index or {@code *} is a segment of its own.
 */
final class RulePaths {

  private static final Pattern SEGMENT =
      Pattern.compile("\\.([^.\\[]+)|\\['([^']*)'\\]|\\[(\\*|\\d+)\\]");

  private RulePaths() {}

  static List<String> parse(String path) {
    List<String> out = new ArrayList<>();
    Matcher m = SEGMENT.matcher(path.startsWith("$") ? path.substring(1) : path);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
    return out;
  }
}
