package io.pactwire.core.internal.report;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.OptionalBody;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
  static final String REDACTED = "<redacted>";

  // Headers that carry credentials: their values never reach a report, a log or an exception.
  private static final Set<String> SECRET_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "x-api-key",
          "api-key",
          "x-auth-token");

  private ExchangeTexts() {}

  /**
   * An HTTP interaction's exchange: the pact's request, the response it expects, and {@code
   * actual}, the text of what the provider answered ({@link #message}), or null when it did not.
   */
  public static Exchange http(IRequest request, IResponse expected, String actual) {
    // a provider that echoes a credential it was sent shows it in its answer: hide it there too
    Set<String> sent = new HashSet<>();
    if (request.getHeaders() != null) {
      request
          .getHeaders()
          .forEach(
              (name, values) -> {
                if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                  for (String value : values) {
                    addSecret(sent, value);
                  }
                }
              });
    }
    return new Exchange(
        message(requestLine(request), request.getHeaders(), request.getBody()),
        scrub(
            message(
                String.valueOf(expected.getStatus()), expected.getHeaders(), expected.getBody()),
            sent),
        scrub(actual, sent));
  }

  private static void addSecret(Set<String> secrets, String value) {
    if (value == null || value.isBlank() || value.equals(REDACTED)) {
      return;
    }
    secrets.add(value);
    int space = value.indexOf(' ');
    if (space > 0 && value.length() - space > 4) {
      secrets.add(value.substring(space + 1).strip()); // "Bearer abc": abc alone too
    }
  }

  private static String scrub(String text, Set<String> secrets) {
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

  /** {@code GET /products?a=1&b=2}: method, path, and the query sorted by name. */
  public static String requestLine(IRequest request) {
    StringBuilder line =
        new StringBuilder(request.getMethod()).append(' ').append(request.getPath());
    StringBuilder query = new StringBuilder();
    new TreeMap<>(request.getQuery())
        .forEach(
            (k, vs) ->
                vs.forEach(
                    v ->
                        query.append(query.isEmpty() ? "?" : "&").append(k).append('=').append(v)));
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
                      SECRET_HEADERS.contains(k.toLowerCase(Locale.ROOT))
                              && !String.join(", ", vs).contains(REDACTED)
                          ? REDACTED
                          : String.join(", ", vs)));
    }
    if (body != null && body.isPresent()) {
      text.append("\n\n").append(pretty(body.valueAsString()));
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

  /** Pretty-prints JSON, leaving other text as it is. */
  public static String pretty(String body) {
    try {
      return JSON.writeValueAsString(JSON.readValue(body, Object.class));
    } catch (JsonProcessingException | RuntimeException e) {
      return body;
    }
  }
}
