package io.pactwire.verifier.internal;

import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Sends interactions' requests to the provider over one keep-alive HTTP/1.1 client, and reads the
 * responses into pact-jvm's model as pact-jvm's provider client does.
 */
final class ProviderHttp implements AutoCloseable {

  /** Headers pact-jvm's provider client keeps whole; others it splits at commas. */
  private static final Set<String> SINGLE_VALUE_HEADERS =
      Set.of(
          "set-cookie",
          "www-authenticate",
          "proxy-authenticate",
          "date",
          "expires",
          "last-modified",
          "if-modified-since",
          "if-unmodified-since",
          "retry-after");

  /** Headers the JDK's client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  /** What a request got: the response in pact-jvm's model, or why there was none. */
  record Answer(String request, Response response, String failure) {}

  private final HttpClient client;
  private final URI base;
  private final Duration timeout;
  private final long maxBodyBytes;

  /**
   * A client of the provider at {@code base}; {@code plainOnly} when no URL it will be given (state
   * changes, messages) is https either.
   */
  ProviderHttp(URI base, Duration timeout, long maxBodyBytes, boolean plainOnly) {
    this.base = base;
    this.timeout = timeout;
    this.maxBodyBytes = maxBodyBytes;
    this.client = client(timeout, !"https".equalsIgnoreCase(base.getScheme()) && plainOnly);
  }

  /**
   * One keep-alive HTTP/1.1 client. Its work runs on the thread that finishes it (the caller's or
   * the client's selector thread) rather than being handed to a pool: each exchange then crosses
   * two threads fewer, which cuts a request's latency and the client's CPU time by a third or more
   * on a busy machine; nothing the client calls back blocks. With {@code plain} (no https URL to
   * call), the client gets a TLS context that is never initialised, sparing the start-up the
   * loading of the JDK's trust store.
   */
  private static HttpClient client(Duration timeout, boolean plain) {
    if (plain) {
      try {
        return builder(timeout)
            .sslContext(SSLContext.getInstance("TLS"))
            .sslParameters(new SSLParameters())
            .build();
      } catch (NoSuchAlgorithmException | RuntimeException e) {
        // a JDK that wants the context initialised gets the default one
      }
    }
    return builder(timeout).build();
  }

  private static HttpClient.Builder builder(Duration timeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(timeout)
        .executor(Runnable::run);
  }

  /** Whether a TCP connection to the URL's host and port opens; the reason when it does not. */
  static String unreachable(URI url, Duration timeout) {
    int port = url.getPort() >= 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.getHost(), port), (int) timeout.toMillis());
      return null;
    } catch (IOException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  /** Sends an interaction's (generated) request to the provider. */
  Answer send(IRequest request) throws InterruptedException {
    URI uri;
    try {
      uri = uri(request);
    } catch (URISyntaxException e) {
      return new Answer(request.getMethod() + " " + request.getPath(), null, e.getMessage());
    }
    String line = request.getMethod().toUpperCase(Locale.ROOT) + " " + uri;
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
    request
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, String.join(", ", values));
              }
            });
    OptionalBody body = request.getBody();
    if (body.isPresent() && request.asHttpPart().contentTypeHeader() == null) {
      builder.header(
          "Content-Type",
          body.getContentType().equals(ContentType.getUNKNOWN())
              ? "text/plain; charset=ISO-8859-1"
              : body.getContentType().toString());
    }
    builder.method(
        request.getMethod().toUpperCase(Locale.ROOT),
        body.isPresent()
            ? HttpRequest.BodyPublishers.ofByteArray(body.orEmpty())
            : HttpRequest.BodyPublishers.noBody());
    try {
      HttpResponse<byte[]> response = client.send(builder.build(), limited());
      return new Answer(line, toPact(response), null);
    } catch (HttpTimeoutException e) {
      return new Answer(line, null, "no response to " + line + " within " + seconds() + " s");
    } catch (IOException e) {
      BodyTooLarge tooLarge = tooLarge(e);
      if (tooLarge != null) {
        return new Answer(line, null, "the response to " + line + " " + tooLarge.getMessage());
      }
      return new Answer(line, null, line + " failed: " + e);
    }
  }

  /**
   * POSTs a JSON document and reads the answer's body whole, up to the body limit (a message the
   * provider produces for {@code --messages-url}).
   *
   * @throws BodyTooLarge when the body is over the limit
   */
  HttpResponse<byte[]> postForBody(URI url, String json) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    try {
      return client.send(request, limited());
    } catch (IOException e) {
      BodyTooLarge tooLarge = tooLarge(e);
      throw tooLarge != null ? tooLarge : e;
    }
  }

  /** A body over the limit: read no further than the limit, never held whole. */
  static final class BodyTooLarge extends IOException {
    BodyTooLarge(long limit) {
      super(
          "is larger than the limit of "
              + limit
              + " bytes (--max-body-bytes): refused rather than read into memory");
    }
  }

  private static BodyTooLarge tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLarge b) {
        return b;
      }
    }
    return null;
  }

  /** Reads a body into memory up to the limit; beyond it, cancels and fails with BodyTooLarge. */
  private HttpResponse.BodyHandler<byte[]> limited() {
    return info ->
        new LimitedSubscriber(
            maxBodyBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  /** Collects a body's buffers, cancelling the subscription once they pass the limit. */
  private static final class LimitedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final long declared;
    private final java.util.concurrent.CompletableFuture<byte[]> body =
        new java.util.concurrent.CompletableFuture<>();
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    private java.util.concurrent.Flow.Subscription subscription;

    LimitedSubscriber(long limit, long declared) {
      this.limit = limit;
      this.declared = declared;
    }

    @Override
    public java.util.concurrent.CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declared > limit) {
        subscription.cancel();
        body.completeExceptionally(new BodyTooLarge(limit));
        return;
      }
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<java.nio.ByteBuffer> buffers) {
      if (body.isDone()) {
        return;
      }
      for (java.nio.ByteBuffer buffer : buffers) {
        if (bytes.size() + (long) buffer.remaining() > limit) {
          subscription.cancel();
          body.completeExceptionally(new BodyTooLarge(limit));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toByteArray());
    }
  }

  /** POSTs a JSON document (a state change), returning the status, content type and body. */
  HttpResponse<String> post(URI url, String json) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  String seconds() {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
  }

  /**
   * The base URL's path, then the interaction's path decoded (pact-jvm decodes it before its URL
   * builder encodes it again), then the query in the pact's order.
   */
  URI uri(IRequest request) throws URISyntaxException {
    String basePath = base.getPath() == null ? "" : base.getPath();
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    String path = basePath + URLDecoder.decode(request.getPath(), StandardCharsets.UTF_8);
    String uri =
        new URI(base.getScheme(), null, base.getHost(), base.getPort(), path, null, null)
            .toASCIIString();
    StringBuilder query = new StringBuilder();
    request
        .getQuery()
        .forEach(
            (name, values) -> {
              for (String value : values) {
                query.append(query.length() == 0 ? '?' : '&').append(encode(name));
                if (value != null) {
                  query.append('=').append(encode(value));
                }
              }
            });
    return URI.create(uri + query);
  }

  private static String encode(String text) {
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

  /** The response as pact-jvm's provider client reads it (ProviderClient.handleResponse). */
  static Response toPact(HttpResponse<byte[]> response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String contentType = null;
    for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
      String name = header.getKey();
      if (name.startsWith(":")) {
        continue;
      }
      List<String> values = new ArrayList<>();
      boolean single = SINGLE_VALUE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
      for (String value : header.getValue()) {
        if (single) {
          values.add(value.trim());
        } else {
          for (String part : value.split(",", -1)) {
            values.add(part.trim());
          }
        }
      }
      headers.put(name, values);
      if (contentType == null && name.equalsIgnoreCase("Content-Type")) {
        contentType = header.getValue().get(0);
      }
    }
    ContentType type =
        contentType == null ? ContentType.getTEXT_PLAIN() : ContentType.fromString(contentType);
    return new Response(response.statusCode(), headers, OptionalBody.body(response.body(), type));
  }

  @Override
  public void close() {
    // HttpClient is AutoCloseable from Java 21 on; on 17 its daemon threads end with the JVM and
    // its idle connections close when the provider times them out.
  }
}
