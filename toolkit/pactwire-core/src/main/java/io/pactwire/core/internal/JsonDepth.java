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
   * not counted). Text that is not JSON is scanned the same way and is rarely deep.
   */
  public static boolean tooDeep(byte[] json) {
    if (json == null) {
      return false;
    }
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
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
