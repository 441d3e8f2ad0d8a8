package io.pactwire.stubs.internal;

import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.HeaderParser;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.PactReaderKt;
import au.com.dius.pact.core.model.Request;
import au.com.dius.pact.core.support.json.JsonValue;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request WireMock received, as pact-jvm's model holds a request, for pact-jvm to judge. */
public final class PactRequests {

  private PactRequests() {}

  /** The pact request for a request WireMock received. */
  public static Request of(com.github.tomakehurst.wiremock.http.Request received) {
    String url = received.getUrl();
    int question = url.indexOf('?');
    String rawPath = question < 0 ? url : url.substring(0, question);
    String rawQuery = question < 0 ? null : url.substring(question + 1);
    Map<String, List<String>> query =
        rawQuery == null || rawQuery.isEmpty()
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(PactReaderKt.queryStringToMap(rawQuery, true));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : received.getHeaders().all()) {
      List<String> values = headers.computeIfAbsent(header.key(), k -> new ArrayList<>());
      for (String value : header.values()) {
        // split as pact-jvm splits a header read from a pact, so both sides compare alike
        values.addAll(
            HeaderParser.INSTANCE.fromJson(header.key(), new JsonValue.StringValue(value)));
      }
    }
    byte[] bytes = received.getBody();
    OptionalBody body;
    if (bytes == null || bytes.length == 0) {
      body = OptionalBody.missing();
    } else {
      String contentType = received.getHeader("Content-Type");
      body =
          contentType == null
              ? OptionalBody.body(bytes)
              : OptionalBody.body(bytes, ContentType.fromString(contentType));
    }
    return new Request(received.getMethod().getName(), decodePath(rawPath), query, headers, body);
  }

  /** The provider states a request names in the state header, in order; none when absent. */
  public static List<String> states(com.github.tomakehurst.wiremock.http.Request received) {
    HttpHeader header = received.header("X-Pact-State");
    return header.isPresent() ? header.values() : List.of();
  }

  // A path is percent-decoded, but a '+' in a path is a plus, not a space.
  private static String decodePath(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
