package io.pactwire.verifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A real HTTP provider for tests: answers by method and path, and records every request. */
final class ProviderServer implements AutoCloseable {

  /** Answers one request. */
  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  /**
   * The request's body, read before the handler runs, which runs on the same thread. Not an
   * exchange attribute: the JDK's server keeps those per context, so that concurrent requests would
   * read each other's.
   */
  private static final ThreadLocal<String> BODY = new ThreadLocal<>();

  private final HttpServer server;
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();

  /** Each request as {@code METHOD /path body}, in the order they arrived. */
  final List<String> requests = new CopyOnWriteArrayList<>();

  private ProviderServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            requests.add(key + (body.isEmpty() ? "" : " " + body));
            BODY.set(body);
            Handler handler = routes.get(key);
            if (handler == null) {
              send(exchange, 404, "text/plain", "no route " + key);
            } else {
              handler.handle(exchange);
            }
          }
        });
    server.start();
  }

  /** The body of the request the calling handler answers. */
  static String body(HttpExchange exchange) {
    return BODY.get();
  }

  static ProviderServer start() {
    try {
      return new ProviderServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ProviderServer on(String methodAndPath, Handler handler) {
    routes.put(methodAndPath, handler);
    return this;
  }

  /** Answers with a JSON body. */
  ProviderServer json(String methodAndPath, int status, String json) {
    return on(methodAndPath, e -> send(e, status, "application/json", json));
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  URI url(String path) {
    return url().resolve(path);
  }

  static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      exchange.getResponseHeaders().add("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
