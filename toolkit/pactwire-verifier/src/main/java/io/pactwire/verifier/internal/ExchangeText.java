package io.pactwire.verifier.internal;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.OptionalBody;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pactwire.core.internal.report.Exchange;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders what was sent and received as HTTP-like text, as the JUnit provider's reports do. */
final class ExchangeText {

  // Keys sorted and decimals kept as written, so that expected and actual line up in a diff.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private ExchangeText() {}

  static Exchange of(IRequest request, IResponse expected, IResponse actual) {
    StringBuilder line =
        new StringBuilder(request.getMethod()).append(' ').append(request.getPath());
    StringBuilder query = new StringBuilder();
    new TreeMap<>(request.getQuery())
        .forEach(
            (k, vs) ->
                vs.forEach(
                    v ->
                        query.append(query.isEmpty() ? "?" : "&").append(k).append('=').append(v)));
    line.append(query);
    return new Exchange(
        message(line.toString(), request.getHeaders(), request.getBody()),
        message(String.valueOf(expected.getStatus()), expected.getHeaders(), expected.getBody()),
        actual == null
            ? null
            : message(String.valueOf(actual.getStatus()), actual.getHeaders(), actual.getBody()));
  }

  private static String message(
      String start, Map<String, List<String>> headers, OptionalBody body) {
    StringBuilder text = new StringBuilder(start);
    Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    sorted.putAll(headers);
    sorted.forEach(
        (k, vs) -> text.append('\n').append(k).append(": ").append(String.join(", ", vs)));
    if (body != null && body.isPresent()) {
      text.append("\n\n").append(pretty(body.valueAsString()));
    }
    return text.toString().strip();
  }

  /** Pretty-prints JSON, leaving other text as it is. */
  static String pretty(String body) {
    try {
      return JSON.writeValueAsString(JSON.readValue(body, Object.class));
    } catch (JsonProcessingException | RuntimeException e) {
      return body;
    }
  }
}
