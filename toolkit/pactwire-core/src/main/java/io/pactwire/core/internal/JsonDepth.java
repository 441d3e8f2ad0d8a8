package io.pactwire.core.internal;

/**
 * How deep JSON text nests, found by a scan that builds nothing: pact-jvm parses, compares and
 * prints JSON recursively, and a body nested some 650 levels deep overflows a thread's stack in it.
 * What pact-jvm is given is first asked here.
 */
public final class JsonDepth {

  /** The deepest nesting handed to pact-jvm: {@value}, as the pact reader allows in a pact. */
  public static final int MAX = PactReader.MAX_DEPTH;

  private JsonDepth() {}

  /**
   * Whether {@code json} nests objects and arrays deeper than {@link #MAX} (brackets in strings are
   * not counted). Only a body that starts as JSON does ({@code {} or {@code [}); one with a control
   * byte no JSON has (a binary body, whose bytes a bracket count would read as nesting) does not.
   */
  public static boolean tooDeep(byte[] json) {
    if (json == null) {
      return false;
    }
    int start = 0;
    while (start < json.length && Character.isWhitespace(json[start])) {
      start++;
    }
    if (start == json.length || json[start] != '{' && json[start] != '[') {
      return false;
    }
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < json.length; i++) {
      byte b = json[i];
      if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        if (++depth > MAX) {
          return true;
        }
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    return false;
  }

  /** The words a difference gives a body {@link #tooDeep} finds. */
  public static String tooDeepWords(String what) {
    return what + " is nested more than " + MAX + " levels deep, which pact-jvm cannot compare";
  }
}
