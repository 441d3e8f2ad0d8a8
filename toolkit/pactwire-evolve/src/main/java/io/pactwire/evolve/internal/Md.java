package io.pactwire.evolve.internal;

/** Markdown helpers for pull-request comments. */
public final class Md {

  private Md() {}

  /** A table cell: pipes escaped, line breaks as spaces. */
  public static String cell(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return text.replace("|", "\\|").replace("\r", "").replace("\n", " ");
  }

  /** Inline code that survives backticks in the text. */
  public static String code(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String fence = text.contains("`") ? "``" : "`";
    String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
    return fence + pad + text.replace("|", "\\|").replace("\n", " ") + pad + fence;
  }

  /** Text padded with spaces to a width, as {@code %-Ns} does without a format parser. */
  public static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  /** {@code n thing} or {@code n things}. */
  public static String count(long n, String thing) {
    return n + " " + thing + (n == 1 ? "" : "s");
  }
}
