package io.pactwire.example.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Looks a product up in inventory-service ({@code GET /products/{sku}}), for the name and price
 * that a stock event does not carry.
 */
public final class InventoryClient {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final URI baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A client of the inventory-service at {@code baseUrl}, e.g. {@code http://inventory:8080}. */
  public InventoryClient(String baseUrl) {
    this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
  }

  /**
   * The product with this sku; empty when inventory knows none.
   *
   * @throws IllegalStateException when inventory answers with anything but the product or 404
   */
  public Optional<Product> product(String sku) {
    HttpRequest request =
        HttpRequest.newBuilder(
                baseUrl.resolve("products/" + URLEncoder.encode(sku, StandardCharsets.UTF_8)))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("inventory-service: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.uri(), e);
    }
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "inventory-service answered " + response.statusCode() + " to GET " + request.uri());
    }
    try {
      return Optional.of(JSON.readValue(response.body(), Product.class));
    } catch (IOException e) {
      throw new IllegalStateException(
          "inventory-service: unreadable product from " + request.uri(), e);
    }
  }
}
