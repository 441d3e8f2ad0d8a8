package io.pactwire.example.checkout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Client for PayPal Orders v2: create, capture and get an order.
 *
 * <p>Authenticates with an OAuth 2 bearer token obtained from {@code POST /v1/oauth2/token} with
 * the app's client credentials (HTTP Basic), cached until shortly before it expires; when PayPal
 * nevertheless answers {@code 401} (a revoked token), the token is fetched again and the call
 * repeated once. Create and capture carry the caller's {@code PayPal-Request-Id}, so a retried call
 * with the same id is not executed twice by PayPal.
 */
public final class PayPalOrdersClient {

  /** A token is renewed this long before PayPal's stated expiry, so none expires in flight. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final URI baseUri;
  private final String basicAuthorization;
  private final HttpClient http;
  private final Clock clock;
  private final Duration timeout;

  private AccessToken token;

  public PayPalOrdersClient(
      URI baseUri, PayPalCredentials credentials, HttpClient http, Clock clock, Duration timeout) {
    this.baseUri = Json.withTrailingSlash(Objects.requireNonNull(baseUri, "baseUri"));
    Objects.requireNonNull(credentials, "credentials");
    this.basicAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (credentials.clientId() + ":" + credentials.clientSecret())
                        .getBytes(StandardCharsets.UTF_8));
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** A client for {@code baseUri} (for example {@code https://api-m.sandbox.paypal.com}). */
  public static PayPalOrdersClient create(URI baseUri, PayPalCredentials credentials) {
    return new PayPalOrdersClient(
        baseUri,
        credentials,
        HttpClient.newBuilder().connectTimeout(DEFAULT_TIMEOUT).build(),
        Clock.systemUTC(),
        DEFAULT_TIMEOUT);
  }

  /**
   * {@code POST /v2/checkout/orders} with intent {@code CAPTURE}.
   *
   * @param requestId idempotency key: the same id for a retry of the same order
   */
  public PayPalOrder createOrder(NewOrder order, String requestId) {
    var body =
        new OrderRequest(
            "CAPTURE",
            List.of(
                new PurchaseUnitRequest(order.referenceId(), order.customId(), order.amount())));
    return call(
        "POST",
        "v2/checkout/orders",
        requestId,
        HttpRequest.BodyPublishers.ofString(Json.write(body)),
        201,
        200);
  }

  /**
   * {@code POST /v2/checkout/orders/{id}/capture}: collects the payment the payer approved.
   *
   * @param requestId idempotency key: the same id for a retry of the same capture
   */
  public PayPalOrder captureOrder(String orderId, String requestId) {
    return call(
        "POST",
        "v2/checkout/orders/" + orderId + "/capture",
        requestId,
        HttpRequest.BodyPublishers.ofString("{}"),
        201,
        200);
  }

  /** {@code GET /v2/checkout/orders/{id}}. */
  public PayPalOrder getOrder(String orderId) {
    return call("GET", "v2/checkout/orders/" + orderId, null, null, 200, 200);
  }

  private PayPalOrder call(
      String method,
      String path,
      String requestId,
      HttpRequest.BodyPublisher body,
      int created,
      int ok) {
    HttpResponse<String> response = send(orderRequest(method, path, requestId, body, bearer()));
    if (response.statusCode() == 401) {
      invalidate();
      response = send(orderRequest(method, path, requestId, body, bearer()));
    }
    int status = response.statusCode();
    if (status != created && status != ok) {
      throw failure(method + " /" + path, response);
    }
    return read(response, PayPalOrder.class, method + " /" + path);
  }

  private HttpRequest orderRequest(
      String method, String path, String requestId, HttpRequest.BodyPublisher body, String bearer) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(baseUri.resolve(path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + bearer)
            .header("Accept", "application/json");
    if (requestId != null) {
      builder.header("PayPal-Request-Id", requestId);
    }
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return builder.header("Content-Type", "application/json").method(method, body).build();
  }

  private synchronized String bearer() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(token.renewAt())) {
      token = fetchToken(now);
    }
    return token.value();
  }

  private synchronized void invalidate() {
    token = null;
  }

  private AccessToken fetchToken(Instant now) {
    HttpRequest request =
        HttpRequest.newBuilder(baseUri.resolve("v1/oauth2/token"))
            .timeout(timeout)
            .header("Authorization", basicAuthorization)
            .header("Accept", "application/json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw failure("POST /v1/oauth2/token", response);
    }
    TokenResponse body = read(response, TokenResponse.class, "POST /v1/oauth2/token");
    if (body.accessToken() == null || body.expiresIn() == null) {
      throw new PayPalException(
          "POST /v1/oauth2/token answered 200 without access_token or expires_in", 200, null);
    }
    return new AccessToken(
        body.accessToken(), now.plusSeconds(body.expiresIn()).minus(EXPIRY_MARGIN));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new PayPalException(
          request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PayPalException(request.method() + " " + request.uri() + " interrupted", e);
    }
  }

  private static PayPalException failure(String call, HttpResponse<String> response) {
    PayPalError error = null;
    try {
      error = Json.MAPPER.readValue(response.body(), PayPalError.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // not PayPal's error shape (a proxy's HTML page, an empty body): report the status alone
    }
    StringBuilder message =
        new StringBuilder(call).append(" answered ").append(response.statusCode());
    if (error != null && error.name() != null) {
      message.append(' ').append(error.name());
      error.issue().ifPresent(issue -> message.append(": ").append(issue));
      if (error.debugId() != null) {
        message.append(" (debug_id ").append(error.debugId()).append(')');
      }
    }
    return new PayPalException(message.toString(), response.statusCode(), error);
  }

  private static <T> T read(HttpResponse<String> response, Class<T> type, String call) {
    try {
      return Json.MAPPER.readValue(response.body(), type);
    } catch (JsonProcessingException e) {
      throw new PayPalException(
          call
              + " answered "
              + response.statusCode()
              + " with a body that is not a "
              + type.getSimpleName()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  private record AccessToken(String value, Instant renewAt) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  private record TokenResponse(String accessToken, String tokenType, Long expiresIn) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  private record OrderRequest(String intent, List<PurchaseUnitRequest> purchaseUnits) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record PurchaseUnitRequest(String referenceId, String customId, Money amount) {}
}
