package io.pactwire.record.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sends the monitor's requests to a sandbox: one at a time, no faster than the rate allows, with a
 * timeout per request, retrying on what a flaky sandbox does (no connection, no answer in time,
 * 5xx, 429) with a growing pause, so that an outage is reported as one, not as drift.
 */
public final class SandboxHttp {

  /** Headers the JDK's client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  /**
   * What a call got: a response to judge, or why there is none.
   *
   * @param response the last response, or null
   * @param attempts how many requests were sent
   * @param failure why the response cannot be judged; null when it can
   */
  public record Answer(HttpResponse<byte[]> response, int attempts, String failure) {}

  /** A request to send: method, URI, headers and body. */
  public record Call(String method, URI uri, Map<String, List<String>> headers, byte[] body) {}

  private final HttpClient client;
  private final Duration timeout;
  private final int retries;
  private final Duration backoff;
  private final long intervalNanos;
  private long lastSend;

  /**
   * A client.
   *
   * @param rate requests per second at most, retries included
   * @param retries how many times a failed call is sent again
   * @param backoff the pause before the first retry; each further one doubles it
   */
  public SandboxHttp(Duration timeout, double rate, int retries, Duration backoff) {
    this.timeout = timeout;
    this.retries = retries;
    this.backoff = backoff;
    this.intervalNanos = rate <= 0 ? 0 : (long) (1_000_000_000L / rate);
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  /**
   * Sends the call, again after a pause while it fails.
   *
   * @param expectedStatus the status the pact expects: a 5xx or 429 the pact expects is an answer
   */
  public Answer send(Call call, int expectedStatus) throws InterruptedException {
    String failure = null;
    HttpResponse<byte[]> response = null;
    for (int attempt = 1; attempt <= retries + 1; attempt++) {
      if (attempt > 1) {
        Thread.sleep(pause(attempt, response).toMillis());
      }
      pace();
      try {
        response = client.send(request(call), HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status == expectedStatus || (status < 500 && status != 429)) {
          return new Answer(response, attempt, null);
        }
        failure = "answered " + status;
      } catch (HttpTimeoutException e) {
        response = null;
        failure = "no response within " + seconds(timeout) + " s";
      } catch (IOException e) {
        response = null;
        failure = "no connection: " + reason(e);
      }
      if (attempt == retries + 1) {
        return new Answer(null, attempt, failure);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private Duration pause(int attempt, HttpResponse<byte[]> last) {
    Duration pause = backoff.multipliedBy(1L << Math.min(attempt - 2, 10));
    if (last != null) {
      var retryAfter = last.headers().firstValue("Retry-After");
      if (retryAfter.isPresent() && retryAfter.get().strip().matches("\\d{1,5}")) {
        pause = Duration.ofSeconds(Long.parseLong(retryAfter.get().strip()));
      }
    }
    return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
  }

  private synchronized void pace() throws InterruptedException {
    long now = System.nanoTime();
    long wait = lastSend + intervalNanos - now;
    if (lastSend != 0 && wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    lastSend = System.nanoTime();
  }

  private HttpRequest request(Call call) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri()).timeout(timeout);
    call.headers()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, String.join(", ", values));
              }
            });
    builder.method(
        call.method(),
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    return builder.build();
  }

  private static String reason(IOException e) {
    Throwable t = e;
    while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
      t = t.getCause();
    }
    String message = t.getMessage();
    if (message != null && !message.isBlank()) {
      return message;
    }
    // the JDK's client reports a refused connection with no words, its cause a closed channel
    return e instanceof java.net.ConnectException
        ? "Connection refused"
        : t.getClass().getSimpleName();
  }

  static String seconds(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
  }

  /** The query string of encoded pairs, in the given order. */
  public static String query(Map<String, List<String>> query) {
    StringBuilder out = new StringBuilder();
    query.forEach(
        (name, values) -> {
          for (String value : values) {
            out.append(out.length() == 0 ? '?' : '&').append(encode(name));
            if (value != null) {
              out.append('=').append(encode(value));
            }
          }
        });
    return out.toString();
  }

  /** Percent-encodes all but unreserved characters. */
  public static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
