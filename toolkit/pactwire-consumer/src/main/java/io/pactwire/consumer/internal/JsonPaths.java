package io.pactwire.consumer.internal;

import java.util.regex.Pattern;

/** Pact-style JSON paths: {@code $.a.b}, {@code $['odd key']}, {@code $.items[*].id}. */
final class JsonPaths {

  private static final Pattern SIMPLE_PATH =
      Pattern.compile(
          "\\$(\\.[A-Za-z_][A-Za-z0-9_-]*|\\['[^']+'\\]|\\[\"[^\"]+\"\\]|\\[\\d+\\]|\\[\\*\\])*");

  private JsonPaths() {}

  static String child(String parent, String key) {
    return isIdentifier(key) ? parent + "." + key : parent + "['" + key.replace("'", "\\'") + "']";
  }

  // [A-Za-z_][A-Za-z0-9_]*, checked for every key of every body: a loop costs less than a regex.
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

  /** True for a path without filters, functions or recursive descent. */
  static boolean isSimple(String path) {
    return SIMPLE_PATH.matcher(path.trim()).matches();
  }

  /** Writes indexes as {@code [*]} and quoted keys as Pact does, so paths compare as text. */
  static String normalise(String path) {
    String p =
        path.trim().replaceAll("\\[\\d+\\]", "[*]").replace("[\"", "['").replace("\"]", "']");
    StringBuilder out = new StringBuilder("$");
    var m = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_-]*)|\\['([^']+)'\\]|(\\[\\*\\])").matcher(p);
    int at = 1;
    while (at < p.length() && m.find(at) && m.start() == at) {
      if (m.group(3) != null) {
        out.append("[*]");
      } else {
        out.replace(
            0, out.length(), child(out.toString(), m.group(1) != null ? m.group(1) : m.group(2)));
      }
      at = m.end();
    }
    return at >= p.length() ? out.toString() : p;
  }
}
