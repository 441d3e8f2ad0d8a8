package io.pactwire.example.inventory.contract;

import au.com.dius.pact.provider.junitsupport.State;
import io.pactwire.example.inventory.InMemoryStockEventPublisher;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The one inventory-service provider state a fixture cannot express. {@code a product's stock
 * changes} needs the service's own code to make a reservation, because that code is what publishes
 * StockChanged: the fixture {@code states/a product's stock changes.sql} inserts the product, then
 * this method (pact-jvm runs {@code @State} methods after Pactwire's fixtures) reserves through the
 * HTTP API. The database is put back by Pactwire's snapshot and restore after the interaction.
 */
public final class InventoryStates {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI service;
  private final InMemoryStockEventPublisher events;

  /** States for the service at {@code service}, which publishes to {@code events}. */
  public InventoryStates(URI service, InMemoryStockEventPublisher events) {
    this.service = service;
    this.events = events;
  }

  /**
   * Reserves {@code quantity} of {@code sku} through {@code POST /reservations}, so that the real
   * publishing code emits the one event the message interaction verifies.
   */
  @State("a product's stock changes")
  public void aProductsStockChanges(Map<String, Object> params)
      throws IOException, InterruptedException {
    events.clear(); // events of earlier interactions are not this state's
    String sku = text(params, "sku");
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
          "state 'a product's stock changes' "
              + params
              + ": the service refused the reservation: "
              + response.statusCode()
              + " "
              + response.body());
    }
  }

  private static String text(Map<String, Object> params, String name) {
    Object value = params.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "state 'a product's stock changes' has no param '" + name + "'; it has " + params);
    }
    return value.toString();
  }

  private static int integer(Map<String, Object> params, String name) {
    return new BigDecimal(text(params, name)).intValueExact();
  }
}
