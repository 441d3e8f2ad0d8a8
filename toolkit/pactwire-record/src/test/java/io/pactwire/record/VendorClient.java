package io.pactwire.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** What a consumer of {@link VendorSandbox} sends, with the planted secret in every place. */
final class VendorClient {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final String baseUrl;

  VendorClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  HttpResponse<String> getOrder(String id) {
    return send(
        HttpRequest.newBuilder(
                URI.create(
                    baseUrl
                        + "/v1/orders/"
                        + id
                        + "?api_key="
                        + VendorSandbox.SECRET
                        + "&expand=lines"))
            .header("Authorization", "Bearer " + VendorSandbox.SECRET)
            .header("Accept", "application/json")
            .GET());
  }

  HttpResponse<String> createOrder() {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/v1/orders"))
            .header("Authorization", "Bearer " + VendorSandbox.SECRET)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    """
                    {"card": {"number": "%s"}, "total": 49.80}
                    """
                        .formatted(VendorSandbox.SECRET))));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Records the sandbox's orders API into {@code out}, as a consumer's run would. */
  static RecordingProxy.Recording record(VendorSandbox sandbox, Path out) {
    try (RecordingProxy proxy =
        RecordingProxy.newInstance(URI.create(sandbox.baseUrl()))
            .consumer("shop")
            .provider("vendor-orders")
            .out(out)
            .secretPaths("$.card.number", "$.payment_token")
            .build()
            .start()) {
      VendorClient client = new VendorClient(proxy.baseUrl());
      client.getOrder("ORD-1");
      client.createOrder();
      client.getOrder("ORD-1");
      return proxy.stop();
    }
  }
}
