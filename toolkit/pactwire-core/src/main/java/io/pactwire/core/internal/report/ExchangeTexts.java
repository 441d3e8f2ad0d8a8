package io.pactwire.core.internal.report;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.OptionalBody;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pactwire.core.internal.Secrets;
import io.pactwire.core.internal.TextBodySecrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Renders what was sent and received as HTTP-like text for reports, one way for the JUnit provider
 * module and {@code pactwire verify}: a start line, headers sorted by name, a blank line, and the
 * body, pretty-printed when it is JSON.
 */
public final class ExchangeTexts {

  // Keys sorted and decimals kept as written, so that expected and actual line up in a diff.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** What a credential is shown as: the placeholder pacts carry. */
  static final String REDACTED = Secrets.REDACTED;

  private ExchangeTexts() {}

  /**
   * An HTTP interaction's exchange: the pact's request, the response it expects, and {@code
   * actual}, the text of what the provider answered ({@link #message}), or null when it did not.
   */
  public static Exchange http(IRequest request, IResponse expected, String actual) {
    // a provider that echoes a credential it was sent shows it in its answer: hide it there too
    Set<String> sent = Secrets.carriedBy(request.getHeaders(), request.getQuery());
    return new Exchange(
        scrub(message(requestLine(request), request.getHeaders(), request.getBody()), sent),
        scrub(
            message(
                String.valueOf(expected.getStatus()), expected.getHeaders(), expected.getBody()),
            sent),
        scrub(actual, sent));
  }

  private static String scrub(String text, Set<String> secrets) {
    return Secrets.scrub(text, secrets);
  }

  /**
   * {@code GET /products?a=1&b=2}: method, path, and the query sorted by name, the values of
   * credentials ({@code access_token}) redacted.
   */
  public static String requestLine(IRequest request) {
    StringBuilder line =
        new StringBuilder(request.getMethod()).append(' ').append(request.getPath());
    StringBuilder query = new StringBuilder();
    new TreeMap<>(request.getQuery())
        .forEach(
            (k, vs) ->
                vs.forEach(
                    v ->
                        query
                            .append(query.isEmpty() ? "?" : "&")
                            .append(k)
                            .append('=')
                            .append(
                                Secrets.isSecretQueryParameter(k) && !REDACTED.equals(v)
                                    ? REDACTED
                                    : v)));
    return line.append(query).toString();
  }

  /** A start line, the headers sorted by name, and the body. */
  public static String message(String start, Map<String, List<String>> headers, OptionalBody body) {
    StringBuilder text = new StringBuilder(start);
    if (headers != null) {
      Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      sorted.putAll(headers);
      sorted.forEach(
          (k, vs) ->
              text.append('\n')
                  .append(k)
                  .append(": ")
                  .append(
                      Secrets.isSecretHeader(k) && !String.join(", ", vs).contains(REDACTED)
                          ? REDACTED
                          : String.join(", ", vs)));
    }
    if (body != null && body.isPresent()) {
      text.append("\n\n").append(withoutCredentials(body.valueAsString()));
    }
    return text.toString().strip();
  }

  /** Message metadata as one line, sorted: {@code contentType=…, kafka_key=…}. */
  public static String metadata(Map<String, ?> metadata) {
    StringBuilder line = new StringBuilder();
    new TreeMap<>(metadata)
        .forEach(
            (k, v) ->
                line.append(line.isEmpty() ? "" : ", ")
                    .append(k)
                    .append('=')
                    .append(Mismatches.plain(v)));
    return line.isEmpty() ? "(no metadata)" : line.toString();
  }

  /**
   * A body as {@link #pretty} prints it, with the value of every field named as a credential (an
   * access token the provider issued, a password) redacted: in a JSON body at any depth, in a form
   * body by name, in an XML body by the names of elements and attributes. Values a request carried
   * are redacted wherever they are echoed, but a provider's own were shown.
   */
  static String withoutCredentials(String body) {
    try {
      return JSON.writeValueAsString(
          Secrets.redactFields(JSON.readValue(body, Object.class), false, new TreeSet<>()));
    } catch (JsonProcessingException | RuntimeException e) {
      if (FORM.matcher(body).matches()) {
        return redactedForm(body);
      }
      // an XML answer's elements and attributes of a credential's name (a SOAP session token)
      TextBodySecrets.Redacted xml =
          body.stripLeading().startsWith("<") || body.startsWith("\uFEFF")
              ? TextBodySecrets.xml(body, Secrets::isSecretField)
              : null;
      return xml == null ? body : xml.body();
    }
  }

  private static final Pattern FORM = Pattern.compile("[^\\s=&]+=[^\\s&]*(&[^\\s=&]+=[^\\s&]*)*");

  private static String redactedForm(String body) {
    StringBuilder out = new StringBuilder();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      out.append(out.isEmpty() ? "" : "&")
          .append(
              Secrets.isSecretField(name) && eq < pair.length() - 1
                  ? pair.substring(0, eq + 1) + REDACTED
                  : pair);
    }
    return out.toString();
  }

  /** Pretty-prints JSON, leaving other text as it is. */
  public static String pretty(String body) {
    try {
      return JSON.writeValueAsString(JSON.readValue(body, Object.class));
    } catch (JsonProcessingException | RuntimeException e) {
      return body;
    }
  }
}
