package io.pactwire.record;

/**
 * One way a sandbox's response departs from the pact.
 *
 * @param interaction the interaction's description
 * @param kind what changed: {@code status changed}, {@code header missing}, {@code header changed},
 *     {@code field gone}, {@code field retyped}, {@code value changed} or {@code body not compared}
 * @param path the JSON path or header name; empty for the status
 * @param expected what the pact shows
 * @param actual what the sandbox answered ({@code (absent)} for a field it no longer sends)
 * @since 0.1.0
 */
public record Drift(String interaction, String kind, String path, String expected, String actual) {

  /**
   * What makes two runs' drift the same: interaction, kind and path (and, for the status, the
   * status answered), not the values, which a sandbox varies.
   */
  public String identity() {
    return interaction
        + "\u0000"
        + kind
        + "\u0000"
        + path
        + ("status changed".equals(kind) ? "\u0000" + actual : "");
  }

  /** {@code body $.status: field gone (expected "APPROVED", got (absent))}. */
  public String describe() {
    String where = path == null || path.isEmpty() ? "" : " " + path;
    return kind + where + " (expected " + shorten(expected) + ", got " + shorten(actual) + ")";
  }

  static String shorten(String text) {
    if (text == null) {
      return "nothing";
    }
    String line = text.replaceAll("\\s+", " ");
    return line.length() > 80 ? line.substring(0, 80) + "…" : line;
  }
}
