package io.pactwire.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory provider (no database) whose {@code /secure} paths answer 401 without a bearer token
 * it issued, and whose {@code /stock} answers 401 without its API key; {@code /products} and {@code
 * /health} are open.
 */
final class GuardedInventoryProvider implements AutoCloseable {

  /** The token tests hand over through a system property. */
  static final String TOKEN = "tok-5up3r-s3cr3t-1001";

  /** The API key, as the build sets the environment variable PACTWIRE_TEST_API_KEY. */
  static final String API_KEY = "key-env-s3cr3t-2002";

  record Product(String sku, String name, BigDecimal price, int stock) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  final Map<String, Product> products = new ConcurrentHashMap<>();

  /** The Authorization header of each request, "(none)" when absent, by path. */
  final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final HttpServer server;

  GuardedInventoryProvider() throws IOException {
    tokens.add(TOKEN);
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Issues a new token, as an identity provider would for each test. */
  String mint() {
    String token = "minted-" + UUID.randomUUID();
    tokens.add(token);
    return token;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    authorizations.add(path + " " + (authorization == null ? "(none)" : authorization));
    String token =
        authorization != null && authorization.startsWith("Bearer ")
            ? authorization.substring(7)
            : null;
    if (path.startsWith("/secure/") && (token == null || !tokens.contains(token))) {
      problem(exchange, 401, "Unauthorized", "a valid bearer token is required");
      return;
    }
    if (path.equals("/secure/me")) {
      // echoes the token back, as a careless provider might
      send(
          exchange,
          200,
          "application/json",
          Map.of("consumer", "checkout-service", "token", token));
    } else if (path.startsWith("/secure/products/") || path.startsWith("/products/")) {
      product(exchange, path.substring(path.lastIndexOf('/') + 1));
    } else if (path.equals("/stock")) {
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (!API_KEY.equals(query.get("api_key"))) {
        problem(exchange, 401, "Unauthorized", "a valid api_key is required");
        return;
      }
      Product product = products.get(query.getOrDefault("sku", ""));
      send(
          exchange,
          200,
          "application/json",
          Map.of("sku", query.get("sku"), "stock", product == null ? 0 : product.stock()));
    } else if (path.equals("/health")) {
      send(exchange, 200, "application/json", Map.of("status", "up"));
    } else {
      problem(exchange, 404, "Not found", "no such path " + path);
    }
  }

  private void product(HttpExchange exchange, String sku) throws IOException {
    Product product = products.get(sku);
    if (product == null) {
      problem(exchange, 404, "Product not found", "no product with sku " + sku);
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sku", product.sku());
    body.put("name", product.name());
    body.put("price", product.price());
    body.put("stock", product.stock());
    send(exchange, 200, "application/json", body);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          query.put(
              URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }

  private void problem(HttpExchange exchange, int status, String title, String detail)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    send(exchange, status, "application/problem+json", body);
  }

  private static void send(HttpExchange exchange, int status, String type, Object body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
