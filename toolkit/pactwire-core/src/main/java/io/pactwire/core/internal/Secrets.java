package io.pactwire.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

  /** The fewest characters of a credential that is looked for where an answer echoes it. */
  private static final int MIN_ECHOED = 6;

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

  // up to the last @ of the authority: a password may hold an @ of its own
  private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)[^/?#\\s]*@");
  private static final Pattern URL_QUERY_PAIR = Pattern.compile("([?&])([^=&#\\s]+)=([^&#\\s]*)");

  // parts that name a credential wherever they are in a cookie's name (JSESSIONID, PHPSESSID,
  // XSRF-TOKEN, wordpress_logged_in_…)
  private static final List<String> COOKIE_PARTS =
      List.of(
          "session",
          "sessid",
          "token",
          "csrf",
          "xsrf",
          "jwt",
          "secret",
          "password",
          "passwd",
          "remember",
          "logged_in",
          "login",
          "signature");
  // words that do as whole words of the name (connect.sid, auth, CloudFront-Key-Pair-Id)
  private static final Set<String> COOKIE_WORDS =
      Set.of("sid", "sess", "auth", "key", "pass", "sig", "ticket", "tgc", "uid", "user");
  // well-known session cookies whose names say nothing of it
  private static final Set<String> COOKIE_NAMES = Set.of("li_at", "xs", "c_user", "castgc");

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
   * The last word of a header's name that makes it a credential ({@code X-Request-Token}, {@code
   * X-Client-Secret}, {@code Cookie}); a name's words are split at {@code -} and {@code _}.
   */
  private static final Set<String> HEADER_LAST_WORDS =
      Set.of("token", "secret", "password", "passwd", "apikey", "cookie", "authorization");

  /**
   * The last two words of a name, joined, that make it a credential: of a header ({@code
   * X-Api-Key}, {@code X-Session-Id}, {@code Ocp-Apim-Subscription-Key}) or of a body field ({@code
   * SecretAccessKey}, {@code private_key}).
   */
  private static final Set<String> LAST_TWO_WORDS =
      Set.of(
          "apikey",
          "accesskey",
          "secretkey",
          "privatekey",
          "signingkey",
          "subscriptionkey",
          "sessionid",
          "clientassertion",
          "codeverifier");

  /** The last word of a body field's name that makes it a credential ({@code newPassword}). */
  private static final Set<String> FIELD_LAST_WORDS =
      Set.of("password", "passwd", "passphrase", "secret", "apikey", "jwt");

  /**
   * The words before a field's last word {@code token} that make it no credential: a page or sync
   * token ({@code nextPageToken}, {@code continuation_token}) only says where a list goes on.
   */
  private static final Set<String> NOT_CREDENTIAL_TOKENS =
      Set.of("page", "next", "continuation", "sync", "cursor", "pagination", "resume");

  // what isSecretHeader said of a name as written: a store's 200,000 interactions repeat a few
  private static final Map<String, Boolean> HEADER_NAMES = new ConcurrentHashMap<>();

  // a header's name and colon in rendered text ("Authorization: "), as few characters as that; the
  // value after a secret one is matched by VALUE from there
  private static final Pattern HEADER_NAME = Pattern.compile("(?<![\\w-])([A-Za-z][\\w-]*)\\s*:");

  // the value after a secret header's name, up to a column bar, a wide gap or the end of its line
  private static final Pattern VALUE =
      Pattern.compile(
          "[ \\t]*(.+?)(?=[ \\t]+\\||[ \\t]{2,}|[ \\t]*<<<<<|[ \\t]*$)", Pattern.MULTILINE);

  private Secrets() {}

  /**
   * Whether a header of this name carries a credential, in any case: one of {@link #HEADERS}, or
   * one whose name ends in a credential's word ({@code X-Request-Token}, {@code X-Client-Secret},
   * {@code X-Goog-Api-Key}, {@code X-Session-Id}), its words split at {@code -} and {@code _}. A
   * name that only holds such a word ({@code X-Token-Expires-In}, {@code
   * X-RateLimit-Remaining-Tokens}, {@code Access-Control-Allow-Credentials}) is not one.
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
    List<String> words = List.of(lower.split("[-_]+"));
    boolean secret =
        HEADERS.contains(lower)
            || !words.isEmpty()
                && (HEADER_LAST_WORDS.contains(words.get(words.size() - 1))
                    || LAST_TWO_WORDS.contains(lastTwo(words)));
    if (HEADER_NAMES.size() < 10_000) {
      HEADER_NAMES.put(name, secret);
    }
    return secret;
  }

  /**
   * Whether a cookie's name says its value is a credential: a session ({@code SESSION}, {@code
   * JSESSIONID}, {@code connect.sid}), a token, a CSRF guard, a login or remember-me key, an id, or
   * any name {@link #isSecretField} counts. A preference ({@code theme}, {@code lang}) is not.
   */
  public static boolean isSecretCookie(String name) {
    if (name == null) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (isSecretField(name)
        || COOKIE_NAMES.contains(lower)
        || COOKIE_PARTS.stream().anyMatch(lower::contains)) {
      return true;
    }
    // short words only whole (sid, not sidebar; auth, not author), split as field names are
    String[] words =
        name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[_.\\-]+");
    return Arrays.stream(words).anyMatch(COOKIE_WORDS::contains);
  }

  /**
   * Whether a body field (JSON or form) of this name holds a credential, in any case: one of {@link
   * #BODY_FIELDS}, or one whose last word is a token ({@code session_token}, {@code csrfToken}; not
   * a page token such as {@code nextPageToken}), a password, a passphrase, a secret or a JWT
   * ({@code newPassword}, {@code webhook_secret}), or whose last two words are an API, access,
   * private, secret or signing key, a session id, a client assertion or a code verifier ({@code
   * SecretAccessKey}, {@code private_key}). Words are split at {@code _}, {@code -} and where a
   * capital follows a small letter.
   */
  public static boolean isSecretField(String name) {
    if (name == null) {
      return false;
    }
    if (BODY_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
      return true;
    }
    List<String> words = fieldWords(name);
    if (words.isEmpty()) {
      return false;
    }
    String last = words.get(words.size() - 1);
    if (last.equals("token")) {
      return words.size() == 1 || !NOT_CREDENTIAL_TOKENS.contains(words.get(words.size() - 2));
    }
    return FIELD_LAST_WORDS.contains(last) || LAST_TWO_WORDS.contains(lastTwo(words));
  }

  private static String lastTwo(List<String> words) {
    return words.size() < 2
        ? words.get(words.size() - 1)
        : words.get(words.size() - 2) + words.get(words.size() - 1);
  }

  // "nextPageToken" -> next, page, token; "SecretAccessKey" -> secret, access, key
  private static List<String> fieldWords(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean split =
          c == '_'
              || c == '-'
              || c == '.'
              || Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1));
      if (split && word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
      if (Character.isLetterOrDigit(c)) {
        word.append(Character.toLowerCase(c));
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * {@code text} with the user information of each URL in it ({@code bob:pw@}) as {@code ****@}.
   */
  public static String withoutUserInfo(String text) {
    return text == null ? null : URL_USER_INFO.matcher(text).replaceAll("****@");
  }

  /**
   * A URL as a message shows it: its user information ({@code bob:pw@}) as {@code ****@}, and the
   * value of each query parameter named as a credential ({@code access_token}, {@code token},
   * {@code password}) as {@link #REDACTED}.
   */
  public static String shownUrl(String url) {
    if (url == null) {
      return null;
    }
    String out = withoutUserInfo(url);
    Matcher pair = URL_QUERY_PAIR.matcher(out);
    StringBuilder shown = new StringBuilder();
    while (pair.find()) {
      String name = pair.group(2);
      boolean secret = isSecretQueryParameter(name) || isSecretField(name);
      pair.appendReplacement(
          shown,
          Matcher.quoteReplacement(
              secret && !pair.group(3).isEmpty()
                  ? pair.group(1) + name + "=" + REDACTED
                  : pair.group()));
    }
    pair.appendTail(shown);
    return shown.toString();
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
    // a value of a few characters ("7", "true") would be found in every echo that is no echo of it
    if (value == null || value.strip().length() < MIN_ECHOED || value.contains(REDACTED)) {
      return;
    }
    secrets.add(value);
    int space = value.indexOf(' ');
    if (space > 0 && value.length() - space > MIN_ECHOED) {
      secrets.add(value.substring(space + 1).strip()); // "Bearer abc": abc alone too
    }
    int equals = value.indexOf('=');
    if (equals > 0 && value.length() - equals > MIN_ECHOED) {
      secrets.add(value.substring(equals + 1).strip()); // "session=abc": abc alone too
    }
  }

  /**
   * A JSON value read as plain Java objects (maps, lists, text, numbers) with every value under a
   * field named as a credential ({@link #isSecretField}, at any depth) redacted; {@code secret}
   * says the value itself is one. Text and numbers become {@link #REDACTED}; true, false and null
   * stay, as they carry no credential and say what type the value had. Each value redacted is added
   * to {@code found} as written, for the words that quote it ({@link #withoutWords}).
   */
  public static Object redactFields(Object value, boolean secret, Set<String> found) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (k, v) ->
              copy.put(
                  k,
                  redactFields(
                      v,
                      // a header kept in a body ({"Authorization": "Basic ..."}) too
                      secret
                          || isSecretField(String.valueOf(k))
                          || isSecretHeader(String.valueOf(k)),
                      found)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(redactFields(v, secret, found)));
      return copy;
    }
    if (secret && (value instanceof String || value instanceof Number)) {
      String written =
          value instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(value);
      if (!written.isEmpty() && !written.equals(REDACTED)) {
        found.add(written);
      }
      return REDACTED;
    }
    return value;
  }

  /**
   * {@code words} with each of {@code values} redacted wherever it stands on its own (quoted, or
   * between spaces and punctuation), however short: pact-jvm's words quote a compared value ({@code
   * Expected 'abc'}, {@code Expected 1234 (Integer)}).
   */
  public static String withoutWords(String words, Collection<String> values) {
    if (words == null || values.isEmpty()) {
      return words;
    }
    String out = words;
    for (String value : longestFirst(values)) {
      out =
          Pattern.compile("(?<![\\w.-])" + Pattern.quote(value) + "(?![\\w-])")
              .matcher(out)
              .replaceAll(Matcher.quoteReplacement(REDACTED));
    }
    return out;
  }

  // a longer value first, so that one inside another is not replaced in part
  private static List<String> longestFirst(Collection<String> values) {
    return values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /** {@code text} with each of {@code secrets} replaced by {@link #REDACTED}, longest first. */
  public static String scrub(String text, Collection<String> secrets) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String scrubbed = text;
    for (String secret : longestFirst(secrets)) {
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
    Matcher name = HEADER_NAME.matcher(text);
    Matcher value = VALUE.matcher(text);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    int from = 0;
    while (from < text.length() && name.find(from)) {
      from = name.end();
      if (isSecretHeader(name.group(1))
          && value.region(name.end(), text.length()).lookingAt()
          && value.start(1) >= copied) {
        out.append(text, copied, value.start(1)).append(REDACTED);
        copied = value.end(1);
        from = value.end(1);
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
