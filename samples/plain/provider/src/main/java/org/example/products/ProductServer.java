package org.example.products;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The product service: GET /products/{sku} answers the product as JSON, or 404; a request without
 * the service's bearer token gets 401.
 */
public final class ProductServer implements AutoCloseable {

  private final Map<String, String> names = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final String token;

  private ProductServer(HttpServer server, String token) {
    this.server = server;
    this.token = token;
  }

  /**
   * Starts on {@code port} (0 for any free port) on the loopback address, answering requests that
   * carry {@code token}.
   */
  public static ProductServer start(int port, String token) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    ProductServer products = new ProductServer(http, token);
    http.createContext("/products/", products::handle);
    http.start();
    return products;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The catalogue, for tests to set up. */
  public Map<String, String> names() {
    return names;
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
      return;
    }
    String sku = exchange.getRequestURI().getPath().substring("/products/".length());
    String name = names.get(sku);
    if (name == null) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    byte[] body =
        ("{\"sku\": \""
                + sku
                + "\", \"name\": \""
                + name
                + "\", \"updatedAt\": \""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
