package io.pactwire.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/** A provider small enough to read in one go: products and reservations over JDK HTTP. */
final class TinyInventoryProvider implements AutoCloseable {

  /** What the provider answers: a variant may change it to break a contract. */
  record Response(String path, int status, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final DataSource database;
  private final UnaryOperator<Response> variant;

  TinyInventoryProvider(DataSource database) throws IOException {
    this(database, UnaryOperator.identity());
  }

  /** A provider whose every response goes through {@code variant} before it is sent. */
  TinyInventoryProvider(DataSource database, UnaryOperator<Response> variant) throws IOException {
    this.database = database;
    this.variant = variant;
    this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/products/", this::product);
    server.createContext("/reservations", this::reserve);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void product(HttpExchange exchange) throws IOException {
    String sku = exchange.getRequestURI().getPath().substring("/products/".length());
    try (Connection c = database.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT sku, name, price, stock FROM products WHERE sku = ?")) {
      ps.setString(1, sku);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          problem(exchange, 404, "Product not found", "no product with sku " + sku);
          return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("sku", rs.getString(1));
        body.put("name", rs.getString(2));
        body.put("price", rs.getBigDecimal(3));
        body.put("stock", rs.getInt(4));
        send(exchange, 200, "application/json", body);
      }
    } catch (SQLException e) {
      problem(exchange, 500, "Database error", e.getMessage());
    }
  }

  private void reserve(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    String sku = request.path("sku").asText();
    int quantity = request.path("quantity").asInt();
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE products SET stock = stock - ? WHERE sku = ? AND stock >= ?"
                  + " RETURNING stock")) {
        ps.setInt(1, quantity);
        ps.setString(2, sku);
        ps.setInt(3, quantity);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            c.rollback();
            problem(exchange, 409, "Insufficient stock", "cannot reserve " + quantity + " " + sku);
            return;
          }
          int remaining = rs.getInt(1);
          try (PreparedStatement insert =
              c.prepareStatement("INSERT INTO reservations (sku, quantity) VALUES (?, ?)")) {
            insert.setString(1, sku);
            insert.setInt(2, quantity);
            insert.executeUpdate();
          }
          c.commit();
          ObjectNode body = JSON.createObjectNode();
          body.put("sku", sku);
          body.put("quantity", quantity);
          body.put("remaining", remaining);
          send(exchange, 201, "application/json", body);
        }
      }
    } catch (SQLException e) {
      problem(exchange, 500, "Database error", e.getMessage());
    }
  }

  private void problem(HttpExchange exchange, int status, String title, String detail)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    send(exchange, status, "application/problem+json", body);
  }

  private void send(HttpExchange exchange, int status, String type, JsonNode body)
      throws IOException {
    Response response =
        variant.apply(
            new Response(
                exchange.getRequestURI().getPath(), status, JSON.writeValueAsString(body)));
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
