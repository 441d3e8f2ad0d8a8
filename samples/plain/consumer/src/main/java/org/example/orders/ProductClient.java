package org.example.orders;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** The order service's client of the product service. */
public final class ProductClient {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI baseUri;
  private final String token;

  /** A client that sends {@code token} as its bearer token. */
  public ProductClient(URI baseUri, String token) {
    this.baseUri = baseUri;
    this.token = token;
  }

  /** The product with this SKU, or empty when the product service has none. */
  public Optional<Product> product(String sku) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(baseUri.resolve("/products/" + sku))
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token)
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IOException("product service answered " + response.statusCode());
    }
    return Optional.of(JSON.readValue(response.body(), Product.class));
  }
}
