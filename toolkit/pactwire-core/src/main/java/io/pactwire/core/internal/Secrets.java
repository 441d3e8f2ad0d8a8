package io.pactwire.core.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credentials Pactwire keeps out of every pact, mapping, report, message and log: which headers
 * and query parameters carry them, and the redaction of their values from text.
 */
public final class Secrets {

  /** What a credential is shown and written as. */
  public static final String REDACTED = "<redacted>";

  /** Headers (lower case) whose values are credentials. */
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
   * query parameters, and the tokens an OAuth 2.0 token endpoint answers with.
   */
  public static final Set<String> BODY_FIELDS =
      Set.of("access_token", "api_key", "apikey", "client_secret", "refresh_token", "id_token");

  // "Authorization: Bearer abc" in a rendered table, up to a column bar, a wide gap or the end
  private static final Pattern NAMED_HEADER =
      Pattern.compile(
          "\\b("
              + String.join("|", new TreeSet<>(HEADERS).descendingSet())
              + ")(\\s*:[ \\t]*)(.+?)(?=[ \\t]+\\||[ \\t]{2,}|[ \\t]*<<<<<|[ \\t]*$)",
          Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  private Secrets() {}

  /** Whether {@code name} is a header of {@link #HEADERS}, in any case. */
  public static boolean isSecretHeader(String name) {
    return name != null && HEADERS.contains(name.toLowerCase(Locale.ROOT));
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
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + REDACTED));
    }
    m.appendTail(out);
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
