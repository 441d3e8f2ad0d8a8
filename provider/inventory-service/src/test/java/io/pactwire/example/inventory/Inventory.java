package io.pactwire.example.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Test helpers: rows through real SQL, requests through the real HTTP API. */
final class Inventory {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Inventory() {}

  static void clear(DataSource dataSource) {
    sql(dataSource, "TRUNCATE reservations, products");
  }

  static void insertProduct(
      DataSource dataSource, String sku, String name, BigDecimal price, int stock) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO products (sku, name, price, stock) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name,"
                    + " price = EXCLUDED.price, stock = EXCLUDED.stock")) {
      insert.setString(1, sku);
      insert.setString(2, name);
      insert.setBigDecimal(3, price);
      insert.setInt(4, stock);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static int stockOf(DataSource dataSource, String sku) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT stock FROM products WHERE sku = ?")) {
      select.setString(1, sku);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("no product " + sku);
        }
        return row.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static int reservationCount(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM reservations")) {
      row.next();
      return row.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sql(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> get(URI base, String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
  }

  static HttpResponse<String> delete(URI base, String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE().build());
  }

  static HttpResponse<String> post(URI base, String path, String json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
