package org.example.shop;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/** The shop's client of the carrier's rates API. */
public final class RatesClient {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI baseUri;
  private final String apiKey;

  /** A client that sends {@code apiKey} as the carrier asks. */
  public RatesClient(URI baseUri, String apiKey) {
    this.baseUri = baseUri;
    this.apiKey = apiKey;
  }

  /** The carrier's quote for a parcel, or empty when it does not ship there. */
  public Optional<Quote> quote(String country, int grams) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("destination", country, "weightGrams", grams));
    HttpRequest request =
        HttpRequest.newBuilder(baseUri.resolve("/v1/quotes"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-Api-Key", apiKey)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 422) {
      return Optional.empty();
    }
    if (response.statusCode() != 201) {
      throw new IOException("the carrier answered " + response.statusCode());
    }
    return Optional.of(JSON.readValue(response.body(), Quote.class));
  }
}
