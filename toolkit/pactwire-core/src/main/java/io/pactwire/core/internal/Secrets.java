package io.pactwire.core.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credentials Pactwire keeps out of every pact, mapping, report, message and log: which headers
 * and query parameters carry them, and the redaction of their values from text.
 */
public final class Secrets {

  /** What a credential is shown and written as. */
  public static final String REDACTED = "<redacted>";

  /**
   * Headers (lower case) whose values are credentials by name. {@link #isSecretHeader} also counts
   * the headers whose names say they carry one, such as {@code X-Request-Token}.
   */
  public static final Set<String> HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "x-api-key",
          "api-key",
          "x-auth-token");

  /** Query parameters (lower case) that carry credentials in OAuth 2.0 and API-key schemes. */
  public static final Set<String> QUERY_PARAMETERS =
      Set.of("access_token", "api_key", "apikey", "client_secret");

  /**
   * Names (lower case) of body fields, in JSON or a form, whose values are credentials: the secret
   * query parameters, and the tokens an OAuth 2.0 token endpoint answers with. {@link
   * #isSecretField} also counts the fields whose names say they hold one, such as {@code password}.
   */
  public static final Set<String> BODY_FIELDS =
      Set.of("access_token", "api_key", "apikey", "client_secret", "refresh_token", "id_token");

  /**
   * Words (a name's letters and digits, lower case) that make a header a credential wherever they
   * are in its name: {@code X-Client-Secret}, {@code X-Session-Id}, {@code X-Goog-Api-Key}.
   */
  private static final List<String> HEADER_WORDS =
      List.of(
          "token",
          "secret",
          "password",
          "passwd",
          "apikey",
          "authorization",
          "credential",
          "session",
          "cookie",
          "accesskey",
          "subscriptionkey");

  /**
   * Body fields (a name's letters and digits, lower case) that are tokens of a credential; a page
   * token ({@code nextPageToken}) is not one.
   */
  private static final Set<String> TOKEN_FIELDS =
      Set.of(
          "token",
          "accesstoken",
          "refreshtoken",
          "idtoken",
          "sessiontoken",
          "sessionid",
          "authtoken",
          "authenticationtoken",
          "bearertoken",
          "apitoken",
          "csrftoken",
          "xsrftoken",
          "securitytoken",
          "clienttoken",
          "jwt");

  // what isSecretHeader said of a name as written: a store's 200,000 interactions repeat a few
  private static final Map<String, Boolean> HEADER_NAMES = new ConcurrentHashMap<>();

  /** Endings of a body field's name (letters and digits, lower case) that hold a credential. */
  private static final List<String> FIELD_ENDINGS =
      List.of("password", "passwd", "secret", "apikey", "privatekey", "secretkey");

  // "Authorization: Bearer abc" in a rendered table, up to a column bar, a wide gap or the end;
  // whether the name is a secret header's is decided by isSecretHeader
  private static final Pattern NAMED_HEADER =
      Pattern.compile(
          "(?<![\\w-])([A-Za-z][\\w-]*)(\\s*:[ \\t]*)(.+?)"
              + "(?=[ \\t]+\\||[ \\t]{2,}|[ \\t]*<<<<<|[ \\t]*$)",
          Pattern.MULTILINE);

  private Secrets() {}

  /**
   * Whether a header of this name carries a credential: one of {@link #HEADERS}, or one whose name
   * holds a word of a credential ({@code X-Request-Token}, {@code X-Client-Secret}), in any case.
   */
  public static boolean isSecretHeader(String name) {
    if (name == null) {
      return false;
    }
    Boolean known = HEADER_NAMES.get(name);
    if (known != null) {
      return known;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    boolean secret = HEADERS.contains(lower);
    if (!secret) {
      String word = lettersAndDigits(lower);
      for (String w : HEADER_WORDS) {
        secret |= word.contains(w);
      }
    }
    if (HEADER_NAMES.size() < 10_000) {
      HEADER_NAMES.put(name, secret);
    }
    return secret;
  }

  /**
   * Whether a body field (JSON or form) of this name holds a credential: one of {@link
   * #BODY_FIELDS}, a token of a credential ({@code session_token}, {@code csrfToken}), or a name
   * ending in a password, a secret or a key ({@code newPassword}, {@code webhook_secret}), in any
   * case.
   */
  public static boolean isSecretField(String name) {
    if (name == null) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (BODY_FIELDS.contains(lower)) {
      return true;
    }
    String word = lettersAndDigits(lower);
    return TOKEN_FIELDS.contains(word) || FIELD_ENDINGS.stream().anyMatch(word::endsWith);
  }

  private static String lettersAndDigits(String lower) {
    StringBuilder word = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      }
    }
    return word.toString();
  }

  /** Whether {@code name} is a query parameter of {@link #QUERY_PARAMETERS}, in any case. */
  public static boolean isSecretQueryParameter(String name) {
    return name != null && QUERY_PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The credentials a request carries: the values of its secret headers and secret query
   * parameters, and for {@code Bearer abc} also {@code abc} alone.
   */
  public static Set<String> carriedBy(
      Map<String, List<String>> headers, Map<String, List<String>> query) {
    Set<String> secrets = new TreeSet<>();
    if (headers != null) {
      headers.forEach(
          (name, values) -> {
            if (isSecretHeader(name) && values != null) {
              values.forEach(value -> add(secrets, value));
            }
          });
    }
    if (query != null) {
      query.forEach(
          (name, values) -> {
            if (isSecretQueryParameter(name) && values != null) {
              values.forEach(value -> add(secrets, value));
            }
          });
    }
    return secrets;
  }

  /** Adds a credential to {@code secrets}: the value, and a scheme's token alone. */
  public static void add(Set<String> secrets, String value) {
    if (value == null || value.isBlank() || value.contains(REDACTED)) {
      return;
    }
    secrets.add(value);
    int space = value.indexOf(' ');
    if (space > 0 && value.length() - space > 4) {
      secrets.add(value.substring(space + 1).strip()); // "Bearer abc": abc alone too
    }
    int equals = value.indexOf('=');
    if (equals > 0 && value.length() - equals > 4) {
      secrets.add(value.substring(equals + 1).strip()); // "session=abc": abc alone too
    }
  }

  /** {@code text} with each of {@code secrets} replaced by {@link #REDACTED}, longest first. */
  public static String scrub(String text, Collection<String> secrets) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String scrubbed = text;
    for (String secret :
        secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      scrubbed = scrubbed.replace(secret, REDACTED);
    }
    return scrubbed;
  }

  /**
   * {@code text} with the value after each secret header's name ({@code Authorization: Bearer abc})
   * redacted, for text rendered by another library whose values are not known, such as WireMock's
   * two-column diff.
   */
  public static String scrubNamed(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = NAMED_HEADER.matcher(text);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      if (isSecretHeader(m.group(1))) {
        out.append(text, copied, m.start(3)).append(REDACTED);
        copied = m.end(3);
        from = m.end(3);
      } else {
        from = m.end(2); // another name's value may hold a secret header of its own
      }
    }
    out.append(text, copied, text.length());
    return redactQuery(out.toString(), QUERY_PARAMETERS);
  }

  /**
   * {@code text} with the value of each query parameter named in {@code names} (lower case)
   * redacted wherever it appears as {@code ?name=value} or {@code &name=value}.
   */
  public static String redactQuery(String text, Collection<String> names) {
    if (text == null || names.isEmpty() || text.indexOf('=') < 0) {
      return text;
    }
    Pattern query =
        Pattern.compile(
            "([?&](?:"
                + String.join("|", names.stream().map(Pattern::quote).toList())
                + ")=)([^&\\s|#]*)",
            Pattern.CASE_INSENSITIVE);
    Matcher m = query.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(m.group(1) + (m.group(2).isEmpty() ? "" : REDACTED)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
