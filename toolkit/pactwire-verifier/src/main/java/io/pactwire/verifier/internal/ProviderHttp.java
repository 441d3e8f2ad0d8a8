package io.pactwire.verifier.internal;

import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends interactions' requests to the provider over a pool of keep-alive HTTP/1.1 connections, and
 * reads the responses into pact-jvm's model as pact-jvm's provider client does.
 *
 * <p>The client is Apache HttpClient 5's classic (blocking) one, which pact-jvm's provider client
 * is built on too: each exchange is written and read on the thread that sends it. The JDK's {@code
 * HttpClient} hands every response from its selector thread to the caller's, two thread switches
 * per request, which made a verification's requests take twice as long on two cores.
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

  /** Headers the client sets itself from the request: a pact's value for them is not sent. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  /** What a request got: the response in pact-jvm's model, or why there was none. */
  record Answer(String request, Response response, String failure) {}

  /**
   * A POST's answer.
   *
   * @param headers by name, any case
   */
  record Reply(int status, Map<String, List<String>> headers, byte[] body) {

    /** The first value of the header, or null. */
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final CloseableHttpClient client;
  private final URI base;
  private final Duration timeout;
  private final long maxBodyBytes;

  /**
   * A client of the provider at {@code base}, with up to {@code connections} connections to each
   * host and port (the base URL, the state-change URL, the messages URL).
   */
  ProviderHttp(URI base, Duration timeout, long maxBodyBytes, int connections) {
    this.base = base;
    this.timeout = timeout;
    this.maxBodyBytes = maxBodyBytes;
    this.client = client(timeout, connections);
  }

  /**
   * No redirects followed, no retries (a 503 is the provider's answer, judged as it is), no
   * compression asked for, no cookies kept: the request is the pact's, the response the provider's.
   * An idle connection is checked before it is used again, since a provider may close it meanwhile.
   */
  private static CloseableHttpClient client(Duration timeout, int connections) {
    Timeout limit = Timeout.ofMilliseconds(Math.max(1, timeout.toMillis()));
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(connections)
                .setMaxConnTotal(3 * connections)
                .setTlsSocketStrategy(LazyTls::upgrade)
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(limit)
                        .setSocketTimeout(limit)
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                        .build())
                .build())
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setResponseTimeout(limit)
                .setConnectionRequestTimeout(limit)
                .setRedirectsEnabled(false)
                .build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableContentCompression()
        .disableCookieManagement()
        .build();
  }

  /**
   * The JDK's default TLS set up when the first https URL is called: loading its trust store costs
   * a start-up that calls only http URLs tens of milliseconds.
   */
  private static final class LazyTls {
    private static final TlsSocketStrategy DEFAULT = DefaultClientTlsStrategy.createDefault();

    static SSLSocket upgrade(
        Socket socket, String target, int port, Object attachment, HttpContext context)
        throws IOException {
      return DEFAULT.upgrade(socket, target, port, attachment, context);
    }
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
  Answer send(IRequest request) {
    URI uri;
    try {
      uri = uri(request);
    } catch (URISyntaxException e) {
      return new Answer(request.getMethod() + " " + request.getPath(), null, e.getMessage());
    }
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String line = method + " " + uri;
    HttpUriRequestBase http = new HttpUriRequestBase(method, uri);
    request
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                http.addHeader(name, String.join(", ", values));
              }
            });
    OptionalBody body = request.getBody();
    if (body.isPresent() && request.asHttpPart().contentTypeHeader() == null) {
      http.addHeader(
          "Content-Type",
          body.getContentType().equals(ContentType.getUNKNOWN())
              ? "text/plain; charset=ISO-8859-1"
              : body.getContentType().toString());
    }
    if (body.isPresent()) {
      http.setEntity(new ByteArrayEntity(body.orEmpty(), null));
    }
    try {
      return new Answer(line, toPact(exchange(http, maxBodyBytes)), null);
    } catch (HttpTimeoutException e) {
      return new Answer(line, null, "no response to " + line + " within " + seconds() + " s");
    } catch (BodyTooLarge e) {
      return new Answer(line, null, "the response to " + line + " " + e.getMessage());
    } catch (IOException e) {
      return new Answer(line, null, line + " failed: " + why(e));
    }
  }

  /**
   * Sends the request and reads the answer whole, its body up to {@code limit} bytes.
   *
   * @throws HttpTimeoutException when no connection or no answer came within the timeout
   * @throws BodyTooLarge when the body is over the limit
   */
  private Reply exchange(HttpUriRequestBase request, long limit) throws IOException {
    try {
      return client.execute(
          request,
          response -> {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Header header : response.getHeaders()) {
              headers
                  .computeIfAbsent(header.getName(), k -> new ArrayList<>())
                  .add(header.getValue());
            }
            return new Reply(response.getCode(), headers, body(request, response, limit));
          });
    } catch (InterruptedIOException e) {
      // a connect or read timeout (SocketTimeoutException, ConnectTimeoutException)
      HttpTimeoutException timedOut = new HttpTimeoutException(String.valueOf(e.getMessage()));
      timedOut.initCause(e);
      throw timedOut;
    }
  }

  /**
   * Reads a body into memory up to the limit. Beyond it, or when the declared length is beyond it,
   * drops the connection rather than read (or drain) the rest, and fails with BodyTooLarge.
   */
  private static byte[] body(HttpUriRequestBase request, ClassicHttpResponse response, long limit)
      throws IOException {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return new byte[0];
    }
    if (entity.getContentLength() > limit) {
      request.cancel();
      throw new BodyTooLarge(limit);
    }
    InputStream in = entity.getContent();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      if (bytes.size() + (long) n > limit) {
        request.cancel();
        throw new BodyTooLarge(limit);
      }
      bytes.write(buffer, 0, n);
    }
    return bytes.toByteArray();
  }

  /**
   * POSTs a JSON document and reads the answer's body whole, up to the body limit (a message the
   * provider produces for {@code --messages-url}).
   *
   * @throws HttpTimeoutException when there was no answer within the timeout
   * @throws BodyTooLarge when the body is over the limit
   */
  Reply postForBody(URI url, String json) throws IOException {
    return exchange(jsonPost(url, json), maxBodyBytes);
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

  /**
   * POSTs a JSON document (a state change), returning the status, headers and body.
   *
   * @throws HttpTimeoutException when there was no answer within the timeout
   */
  Reply post(URI url, String json) throws IOException {
    return exchange(jsonPost(url, json), Long.MAX_VALUE);
  }

  private static HttpUriRequestBase jsonPost(URI url, String json) {
    HttpUriRequestBase request = new HttpUriRequestBase("POST", url);
    request.addHeader("Content-Type", "application/json");
    request.setEntity(new ByteArrayEntity(json.getBytes(StandardCharsets.UTF_8), null));
    return request;
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
    return toPact(response.statusCode(), response.headers().map(), response.body());
  }

  private static Response toPact(Reply reply) {
    return toPact(reply.status(), reply.headers(), reply.body());
  }

  private static Response toPact(int status, Map<String, List<String>> received, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String contentType = null;
    for (Map.Entry<String, List<String>> header : received.entrySet()) {
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
    return new Response(status, headers, OptionalBody.body(body, type));
  }

  /** Closes the pooled connections. */
  @Override
  public void close() {
    // a graceful close ends each kept-alive connection with FIN, not RST, which providers log as
    // errors (Python's http.server prints a ConnectionResetError traceback)
    client.close(CloseMode.GRACEFUL);
  }

  /** Why a request failed, in words, without the client library's class names. */
  static String why(IOException e) {
    if (e instanceof org.apache.hc.core5.http.NoHttpResponseException) {
      return "the provider closed the connection without answering";
    }
    if (e instanceof java.net.UnknownHostException) {
      return "no such host: " + e.getMessage();
    }
    if (e instanceof org.apache.hc.core5.http.ConnectionClosedException) {
      return "the provider closed the connection before the response was complete";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
