package io.pactwire.provider.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL fixture into statements and turns named parameters ({@code :sku}) into JDBC
 * placeholders, knowing enough SQL lexis (quotes, comments, dollar quoting, {@code ::} casts) not
 * to split or bind inside them.
 */
public final class SqlScript {

  /**
   * One statement of a script.
   *
   * @param sql the statement with {@code ?} in place of each named parameter
   * @param parameters the parameter names, in placeholder order
   * @param line the 1-based line of the script the statement starts on
   * @param parameterLines the script line of each parameter
   */
  public record Statement(
      String sql, List<String> parameters, int line, List<Integer> parameterLines) {

    /** Returns the script line of a 1-based character position in {@link #sql()}. */
    public int lineAt(int position) {
      int result = line;
      for (int i = 0; i < Math.min(position - 1, sql.length()); i++) {
        if (sql.charAt(i) == '\n') {
          result++;
        }
      }
      return result;
    }
  }

  /** Thrown for a script the splitter cannot read, such as an unterminated quote. */
  public static final class SyntaxException extends RuntimeException {
    private final int line;

    SyntaxException(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  private SqlScript() {}

  /** Parses a script into its non-empty statements. */
  public static List<Statement> parse(String script) {
    List<Statement> statements = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    List<String> parameters = new ArrayList<>();
    List<Integer> parameterLines = new ArrayList<>();
    int line = 1;
    int startLine = -1;
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == '\n') {
        line++;
      }
      if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        int end = script.indexOf('\n', i);
        i = end < 0 ? n : end; // the newline itself is handled (and counted) next round
        continue;
      }
      if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int depth = 0;
        int open = line;
        do {
          if (script.startsWith("/*", i)) {
            depth++;
            i += 2;
          } else if (script.startsWith("*/", i)) {
            depth--;
            i += 2;
          } else {
            if (script.charAt(i) == '\n') {
              line++;
            }
            i++;
          }
        } while (depth > 0 && i < n);
        if (depth > 0) {
          throw new SyntaxException(open, "unterminated /* comment");
        }
        sql.append(' ');
        continue;
      }
      if (Character.isWhitespace(c) && startLine < 0) {
        i++;
        continue;
      }
      if (startLine < 0 && c != ';') {
        startLine = line;
      }
      if (c == ';') {
        add(statements, sql, parameters, parameterLines, startLine);
        sql.setLength(0);
        parameters = new ArrayList<>();
        parameterLines = new ArrayList<>();
        startLine = -1;
        i++;
        continue;
      }
      if (c == '\'' || c == '"') {
        boolean backslashEscapes =
            c == '\''
                && i > 0
                && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
                && (i < 2 || !Character.isLetterOrDigit(script.charAt(i - 2)));
        int open = line;
        int j = i + 1;
        while (true) {
          if (j >= n) {
            throw new SyntaxException(
                open, "unterminated " + (c == '\'' ? "string literal" : "quoted identifier"));
          }
          char d = script.charAt(j);
          if (d == '\n') {
            line++;
          }
          if (backslashEscapes && d == '\\') {
            j += 2;
            continue;
          }
          if (d == c) {
            if (j + 1 < n && script.charAt(j + 1) == c) {
              j += 2; // doubled quote
              continue;
            }
            break;
          }
          j++;
        }
        sql.append(script, i, j + 1);
        i = j + 1;
        continue;
      }
      if (c == '$') {
        String tag = dollarTag(script, i);
        if (tag != null) {
          int open = line;
          int end = script.indexOf(tag, i + tag.length());
          if (end < 0) {
            throw new SyntaxException(open, "unterminated dollar-quoted string " + tag);
          }
          String body = script.substring(i, end + tag.length());
          line += (int) body.chars().filter(ch -> ch == '\n').count();
          sql.append(body);
          i = end + tag.length();
          continue;
        }
      }
      if (c == ':') {
        if (i + 1 < n && script.charAt(i + 1) == ':') {
          sql.append("::"); // a cast, not a parameter
          i += 2;
          continue;
        }
        boolean afterWord = i > 0 && isIdentifierPart(script.charAt(i - 1));
        int j = i + 1;
        if (!afterWord && j < n && Character.isJavaIdentifierStart(script.charAt(j))) {
          while (j < n && isIdentifierPart(script.charAt(j))) {
            j++;
          }
          parameters.add(script.substring(i + 1, j));
          parameterLines.add(line);
          sql.append('?');
          i = j;
          continue;
        }
      }
      if (c == '?') {
        throw new SyntaxException(line, "use named parameters (:name), not '?'");
      }
      sql.append(c);
      i++;
    }
    add(statements, sql, parameters, parameterLines, startLine);
    return statements;
  }

  private static void add(
      List<Statement> statements,
      StringBuilder sql,
      List<String> parameters,
      List<Integer> parameterLines,
      int startLine) {
    String text = sql.toString().strip();
    if (!text.isEmpty()) {
      statements.add(
          new Statement(text, List.copyOf(parameters), startLine, List.copyOf(parameterLines)));
    }
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Returns the {@code $tag$} opening at {@code i}, or null when {@code $} starts no quote. */
  private static String dollarTag(String script, int i) {
    if (i > 0 && isIdentifierPart(script.charAt(i - 1))) {
      return null; // part of an identifier such as a$b
    }
    int j = i + 1;
    while (j < script.length() && script.charAt(j) != '$') {
      char d = script.charAt(j);
      boolean ok = j == i + 1 ? Character.isLetter(d) || d == '_' : isIdentifierPart(d);
      if (!ok) {
        return null; // $1 positional parameter or a stray dollar
      }
      j++;
    }
    return j < script.length() ? script.substring(i, j + 1) : null;
  }
}
