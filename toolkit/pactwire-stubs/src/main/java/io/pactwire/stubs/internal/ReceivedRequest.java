package io.pactwire.stubs.internal;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A request WireMock received, as a text that two requests share exactly when {@link
 * PactRequests#of} makes the same pact request of them: the method, the URL as sent, every header
 * in order with its values, and the body's bytes. It keys the verdict a stub remembers ({@link
 * CompiledInteraction#matches}).
 */
public final class ReceivedRequest {

  /** Above this, a body is not kept in a key: the request is judged each time it comes. */
  static final int MAX_BODY_BYTES = 8192;

  private ReceivedRequest() {}

  /** The key of {@code received}, or null when its body is too large to keep. */
  public static String key(Request received) {
    byte[] body = received.getBody();
    int length = body == null ? 0 : body.length;
    if (length > MAX_BODY_BYTES) {
      return null;
    }
    StringBuilder key = new StringBuilder(256 + length);
    key.append(received.getMethod().getName()).append(' ').append(received.getUrl()).append('\n');
    // counted, and a URL, a header name or value holds no line break: no two requests share a key
    List<HttpHeader> headers = List.copyOf(received.getHeaders().all());
    key.append(headers.size()).append('\n');
    for (HttpHeader header : headers) {
      List<String> values = header.values();
      key.append(header.key()).append('\n').append(values.size()).append('\n');
      for (String value : values) {
        key.append(value).append('\n');
      }
    }
    if (length > 0) {
      // one char per byte: two bodies give the same text exactly when their bytes are the same
      key.append(new String(body, StandardCharsets.ISO_8859_1));
    }
    return key.toString();
  }
}
