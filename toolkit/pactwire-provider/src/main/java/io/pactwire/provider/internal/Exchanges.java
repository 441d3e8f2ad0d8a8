package io.pactwire.provider.internal;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.provider.ProviderResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pactwire.core.internal.report.Exchange;
import io.pactwire.provider.ProducedMessage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders requests and responses as HTTP-like text for reports. */
final class Exchanges {

  // Keys sorted and decimals kept as written, so expected and actual line up for the diff.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Exchanges() {}

  static Exchange of(Interaction interaction, ProviderResponse actual, ProducedMessage produced) {
    if (interaction instanceof SynchronousRequestResponse http) {
      IRequest request = http.getRequest();
      IResponse response = http.getResponse();
      StringBuilder req =
          new StringBuilder(request.getMethod()).append(' ').append(request.getPath());
      if (!request.getQuery().isEmpty()) {
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
                                .append(v)));
        req.append(query);
      }
      return new Exchange(
          message(req.toString(), request.getHeaders(), request.getBody()),
          message(String.valueOf(response.getStatus()), response.getHeaders(), response.getBody()),
          actual == null
              ? null
              : message(
                  String.valueOf(actual.getStatusCode()), actual.getHeaders(), actual.getBody()));
    }
    if (interaction instanceof V4Interaction.AsynchronousMessage message) {
      return new Exchange(
          "message: " + interaction.getDescription(),
          message(
              metadata(message.getContents().getMetadata()),
              Map.of(),
              message.getContents().getContents()),
          produced == null
              ? null
              : metadata(produced.metadata()) + "\n\n" + pretty(produced.text()));
    }
    return null;
  }

  private static String message(
      String start, Map<String, List<String>> headers, OptionalBody body) {
    StringBuilder text = new StringBuilder(start);
    if (headers != null) {
      Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      sorted.putAll(headers);
      sorted.forEach(
          (k, vs) -> text.append('\n').append(k).append(": ").append(String.join(", ", vs)));
    }
    if (body != null && body.isPresent()) {
      text.append("\n\n").append(pretty(body.valueAsString()));
    }
    return text.toString().strip();
  }

  /** Renders message metadata as the first line, sorted: {@code contentType=…, kafka_key=…}. */
  private static String metadata(Map<String, ?> metadata) {
    StringBuilder line = new StringBuilder();
    new TreeMap<>(metadata)
        .forEach(
            (k, v) ->
                line.append(line.isEmpty() ? "" : ", ")
                    .append(k)
                    .append('=')
                    .append(Outcomes.plain(v)));
    return line.isEmpty() ? "(no metadata)" : line.toString();
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
