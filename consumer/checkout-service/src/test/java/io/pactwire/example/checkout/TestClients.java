package io.pactwire.example.checkout;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Clients as the tests build them. The request timeout is generous on purpose: the build shares its
 * cores with other builds, and a test must not fail because the machine is slow (speed belongs in
 * benchmarks).
 */
final class TestClients {

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private TestClients() {}

  static InventoryClient inventory(String baseUrl) {
    return new InventoryClient(URI.create(baseUrl), HttpClient.newHttpClient(), TIMEOUT);
  }
}
