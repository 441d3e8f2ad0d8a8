package io.pactwire.example.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Client for inventory-service: look up a product, reserve stock for a checkout, release it again.
 *
 * <p>Expected business outcomes are values ({@link Optional#empty()} for an unknown product, {@link
 * InsufficientStock} for a refused reservation); anything else the service answers is an {@link
 * InventoryException} carrying the status and the parsed problem body.
 */
public final class InventoryClient {

  private static final String ACCEPT = "application/json, application/problem+json";
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final URI baseUri;
  private final HttpClient http;
  private final Duration timeout;

  public InventoryClient(URI baseUri, HttpClient http, Duration timeout) {
    this.baseUri = Json.withTrailingSlash(Objects.requireNonNull(baseUri, "baseUri"));
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** A client with its own {@link HttpClient} and a five-second request timeout. */
  public static InventoryClient create(URI baseUri) {
    return new InventoryClient(
        baseUri, HttpClient.newBuilder().connectTimeout(DEFAULT_TIMEOUT).build(), DEFAULT_TIMEOUT);
  }

  /** {@code GET /products/{sku}}: the product, or empty when inventory does not know the sku. */
  public Optional<Product> getProduct(String sku) {
    HttpResponse<String> response = send(request("products/" + sku).GET().build());
    return switch (response.statusCode()) {
      case 200 -> Optional.of(read(response, ProductBody.class, "product").toProduct());
      case 404 -> Optional.empty();
      default -> throw unexpected("GET /products/" + sku, response);
    };
  }

  /**
   * {@code POST /reservations}: holds {@code quantity} units of {@code sku}, or reports that fewer
   * are available.
   */
  public ReservationOutcome reserve(String sku, int quantity) {
    String body = Json.write(new ReservationRequest(sku, quantity));
    HttpResponse<String> response =
        send(
            request("reservations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    return switch (response.statusCode()) {
      case 201 -> {
        URI location =
            response
                .headers()
                .firstValue("Location")
                .map(baseUri::resolve)
                .orElseThrow(
                    () ->
                        new InventoryException(
                            "POST /reservations answered 201 without a Location header",
                            201,
                            null));
        yield read(response, ReservationBody.class, "reservation").toReservation(location);
      }
      case 409 -> new InsufficientStock(sku, quantity, problem(response));
      default -> throw unexpected("POST /reservations", response);
    };
  }

  /**
   * {@code DELETE /reservations/{id}}: returns the held units to stock; {@code false} when the
   * reservation no longer exists (released before, or expired).
   */
  public boolean release(UUID id) {
    HttpResponse<String> response = send(request("reservations/" + id).DELETE().build());
    return switch (response.statusCode()) {
      case 204 -> true;
      case 404 -> false;
      default -> throw unexpected("DELETE /reservations/" + id, response);
    };
  }

  private HttpRequest.Builder request(String relativePath) {
    return HttpRequest.newBuilder(baseUri.resolve(relativePath))
        .timeout(timeout)
        .header("Accept", ACCEPT);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new InventoryException(
          request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InventoryException(request.method() + " " + request.uri() + " interrupted", e);
    }
  }

  private static <T> T read(HttpResponse<String> response, Class<T> type, String noun) {
    try {
      return Json.MAPPER.readValue(response.body(), type);
    } catch (JsonProcessingException e) {
      throw new InventoryException(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + " with a body that is not a "
              + noun
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static Problem problem(HttpResponse<String> response) {
    boolean isProblem =
        response
            .headers()
            .firstValue("Content-Type")
            .map(value -> value.startsWith("application/problem+json"))
            .orElse(false);
    if (!isProblem || response.body().isBlank()) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(response.body(), Problem.class);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static InventoryException unexpected(String call, HttpResponse<String> response) {
    Problem problem = problem(response);
    String because =
        problem == null
            ? ""
            : ": "
                + problem.title()
                + (problem.detail() == null ? "" : " (" + problem.detail() + ")");
    return new InventoryException(
        call + " answered " + response.statusCode() + because, response.statusCode(), problem);
  }

  private record ReservationRequest(String sku, int quantity) {}

  private record ProductBody(String sku, String name, BigDecimal price, Integer stock) {
    Product toProduct() {
      if (sku == null || name == null || price == null || stock == null) {
        throw new InventoryException(
            "product body lacks sku, name, price or stock: " + this, 200, null);
      }
      return new Product(sku, name, price, stock);
    }
  }

  private record ReservationBody(UUID id, String sku, Integer quantity, Instant expiresAt) {
    Reservation toReservation(URI location) {
      if (id == null || sku == null || quantity == null || expiresAt == null) {
        throw new InventoryException(
            "reservation body lacks id, sku, quantity or expiresAt: " + this, 201, null);
      }
      return new Reservation(id, sku, quantity, expiresAt, location);
    }
  }
}
