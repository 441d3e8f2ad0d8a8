package io.pactwire.record;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A third party's sandbox, as a real HTTP server (the JDK's): an orders API that wants a bearer
 * token and an API key, sets a session cookie and issues a payment token. Each way it can change is
 * a switch a test flips.
 */
final class VendorSandbox implements AutoCloseable {

  /** The secret planted everywhere: header, query, request body, response body and cookie. */
  static final String SECRET = "s3cr3t-PLANTED-7f2a";

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  volatile boolean renameStatus;
  volatile boolean retypeQuantity;
  volatile boolean dropRequestId;
  volatile boolean requirePartnerHeader;
  volatile int unavailableTimes;
  volatile boolean alwaysUnavailable;
  volatile long delayMillis;
  final AtomicInteger requests = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  VendorSandbox() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/orders", this::orders);
    server.setExecutor(pool);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void orders(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (alwaysUnavailable || unavailableTimes > 0) {
        if (unavailableTimes > 0) {
          unavailableTimes--;
        }
        send(exchange, 503, "text/plain", "down for maintenance");
        return;
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.startsWith("Bearer ")) {
        send(exchange, 401, "application/json", "{\"name\":\"AUTHENTICATION_FAILURE\"}");
        return;
      }
      if (requirePartnerHeader
          && exchange.getRequestHeaders().getFirst("Partner-Attribution-Id") == null) {
        send(
            exchange,
            400,
            "application/json",
            "{\"name\":\"INVALID_REQUEST\",\"details\":[{\"field\":\"Partner-Attribution-Id\"}]}");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      exchange.getResponseHeaders().add("Set-Cookie", "session=" + SECRET + "; HttpOnly");
      if (!dropRequestId) {
        exchange.getResponseHeaders().add("X-Request-Id", "3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c");
      }
      if (method.equals("POST") && path.equals("/v1/orders")) {
        send(
            exchange,
            201,
            "application/json",
            """
            {"id": "ORD-2", "status": "CREATED", "payment_token": "%s"}
            """
                .formatted(SECRET));
        return;
      }
      if (method.equals("GET") && path.startsWith("/v1/orders/")) {
        String id = path.substring("/v1/orders/".length());
        send(
            exchange,
            200,
            "application/json",
            """
            {"id": "%s", "%s": "APPROVED", "quantity": %s, "total": 49.80,
             "created": "2026-12-06T10:15:30Z", "lines": [{"sku": "SKU-1001", "qty": 2}]}
            """
                .formatted(id, renameStatus ? "state" : "status", retypeQuantity ? "\"2\"" : "2"));
        return;
      }
      send(exchange, 404, "application/json", "{\"name\":\"RESOURCE_NOT_FOUND\"}");
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
