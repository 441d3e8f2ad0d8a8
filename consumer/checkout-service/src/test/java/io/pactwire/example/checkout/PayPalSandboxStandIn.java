package io.pactwire.example.checkout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for PayPal's Orders v2 sandbox, as a real HTTP server (the JDK's): the OAuth 2
 * token call with the app's client credentials, then create, get and capture with the bearer token
 * it issued. Two switches change it as a vendor might: {@link #renameStatus} (the order's {@code
 * status} becomes {@code order_status}) and {@link #requirePartnerAttribution} (capture wants a new
 * {@code PayPal-Partner-Attribution-Id} header and answers 400 without it).
 */
final class PayPalSandboxStandIn implements AutoCloseable {

  static final String ACCESS_TOKEN = "A21AAsandboxStandInTokenNeverInAFile0042";
  static final String ORDER_ID = "5O190127TN364715T";

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  volatile boolean renameStatus;
  volatile boolean requirePartnerAttribution;

  private final String basic;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  PayPalSandboxStandIn(PayPalCredentials credentials) throws IOException {
    this.basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (credentials.clientId() + ":" + credentials.clientSecret())
                        .getBytes(StandardCharsets.UTF_8));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/oauth2/token", this::token);
    server.createContext("/v2/checkout/orders", this::orders);
    server.setExecutor(pool);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
          || !body.equals("grant_type=client_credentials")) {
        send(exchange, 401, "{\"error\": \"invalid_client\"}");
        return;
      }
      send(
          exchange,
          200,
          """
          {"scope": "https://uri.paypal.com/services/payments/payment",
           "access_token": "%s", "token_type": "Bearer",
           "app_id": "APP-80W284485P519543T", "expires_in": 32400}
          """
              .formatted(ACCESS_TOKEN));
    }
  }

  private void orders(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      if (!("Bearer " + ACCESS_TOKEN)
          .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, "{\"name\": \"AUTHENTICATION_FAILURE\"}");
        return;
      }
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      exchange.getResponseHeaders().add("Paypal-Debug-Id", "c9b5d4e0b3f2a");
      if (method.equals("POST") && path.equals("/v2/checkout/orders")) {
        send(
            exchange,
            201,
            """
            {"id": "%1$s", "status": "CREATED", "links": [
              {"href": "https://www.sandbox.paypal.com/checkoutnow?token=%1$s", "rel": "approve",
               "method": "GET"}]}
            """
                .formatted(ORDER_ID));
      } else if (method.equals("GET") && path.equals("/v2/checkout/orders/" + ORDER_ID)) {
        send(
            exchange,
            200,
            """
            {"id": "%s", "%s": "APPROVED", "purchase_units": [
              {"reference_id": "SKU-1001", "amount": {"currency_code": "EUR", "value": "49.80"}}]}
            """
                .formatted(ORDER_ID, renameStatus ? "order_status" : "status"));
      } else if (method.equals("POST")
          && path.equals("/v2/checkout/orders/" + ORDER_ID + "/capture")) {
        if (requirePartnerAttribution
            && exchange.getRequestHeaders().getFirst("PayPal-Partner-Attribution-Id") == null) {
          send(
              exchange,
              400,
              """
              {"name": "INVALID_REQUEST", "details": [
                {"field": "PayPal-Partner-Attribution-Id", "issue": "MISSING_REQUIRED_HEADER"}]}
              """);
          return;
        }
        send(
            exchange,
            201,
            """
            {"id": "%s", "status": "COMPLETED", "purchase_units": [{"reference_id": "SKU-1001",
              "payments": {"captures": [{"id": "3C679366HH908993F", "status": "COMPLETED",
                "amount": {"currency_code": "EUR", "value": "49.80"}}]}}]}
            """
                .formatted(ORDER_ID));
      } else {
        send(exchange, 404, "{\"name\": \"RESOURCE_NOT_FOUND\"}");
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
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
