package org.example.products;

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
import javax.sql.DataSource;

/** The product service: GET /products/{sku} answers the row of table products as JSON, or 404. */
public final class ProductServer implements AutoCloseable {

  private final DataSource database;
  private final HttpServer server;

  private ProductServer(DataSource database, HttpServer server) {
    this.database = database;
    this.server = server;
  }

  /** Starts on {@code port} (0 for any free port) on the loopback address. */
  public static ProductServer start(int port, DataSource database) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    ProductServer products = new ProductServer(database, http);
    http.createContext("/products/", products::handle);
    http.start();
    return products;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String sku = exchange.getRequestURI().getPath().substring("/products/".length());
    String name;
    try (Connection connection = database.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT name FROM products WHERE sku = ?")) {
      select.setString(1, sku);
      try (ResultSet row = select.executeQuery()) {
        name = row.next() ? row.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IOException(e);
    }
    if (name == null) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    byte[] body =
        ("{\"sku\": \"" + sku + "\", \"name\": \"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
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
