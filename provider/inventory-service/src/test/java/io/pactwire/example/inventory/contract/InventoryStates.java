package io.pactwire.example.inventory.contract;

import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.StateChangeAction;
import io.pactwire.example.inventory.InMemoryStockEventPublisher;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The inventory-service's provider states (docs/reference-system.md): each inserts the rows it
 * describes through real SQL after emptying the tables, and teardown empties them again, so that no
 * interaction depends on another's leftovers or on the order they run in.
 */
public final class InventoryStates {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final DataSource dataSource;
  private final URI service;
  private final InMemoryStockEventPublisher events;

  /**
   * States for the service at {@code service} on {@code dataSource}, publishing to {@code events}.
   */
  public InventoryStates(DataSource dataSource, URI service, InMemoryStockEventPublisher events) {
    this.dataSource = dataSource;
    this.service = service;
    this.events = events;
  }

  /** One row in products with the given sku, name, price and stock. */
  @State("a product exists")
  public void aProductExists(Map<String, Object> params) throws SQLException {
    empty();
    insertProduct(
        text(params, "sku"),
        text(params, "name"),
        new BigDecimal(text(params, "price")),
        integer(params, "stock"));
  }

  /** No row in products for the sku. */
  @State("no product exists")
  public void noProductExists(Map<String, Object> params) throws SQLException {
    empty();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM products WHERE sku = ?")) {
      delete.setString(1, text(params, "sku"));
      delete.executeUpdate();
    }
  }

  /**
   * A product with {@code stock}, then a reservation of {@code quantity} made through the service's
   * own HTTP API, so that the real publishing code emits the event.
   */
  @State("a product's stock changes")
  public void aProductsStockChanges(Map<String, Object> params)
      throws SQLException, IOException, InterruptedException {
    empty();
    String sku = text(params, "sku");
    insertProduct(sku, "Product " + sku, new BigDecimal("1.00"), integer(params, "stock"));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(service.resolve("/reservations"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"sku\": \"%s\", \"quantity\": %d}"
                            .formatted(sku, integer(params, "quantity"))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "state 'a product's stock changes': the reservation was refused: "
              + response.statusCode()
              + " "
              + response.body());
    }
  }

  /** Empties the tables and forgets published events after every interaction. */
  @State(
      value = {"a product exists", "no product exists", "a product's stock changes"},
      action = StateChangeAction.TEARDOWN)
  public void tearDown() throws SQLException {
    empty();
  }

  private void empty() throws SQLException {
    events.clear();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE reservations, products");
    }
  }

  private void insertProduct(String sku, String name, BigDecimal price, int stock)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO products (sku, name, price, stock) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, sku);
      insert.setString(2, name);
      insert.setBigDecimal(3, price);
      insert.setInt(4, stock);
      insert.executeUpdate();
    }
  }

  private static String text(Map<String, Object> params, String name) {
    Object value = params.get(name);
    if (value == null) {
      throw new IllegalArgumentException("provider state parameter '" + name + "' is missing");
    }
    return value.toString();
  }

  private static int integer(Map<String, Object> params, String name) {
    return new BigDecimal(text(params, name)).intValueExact();
  }
}
