package io.pactwire.verifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The contract the verifier's tests verify: checkout-service's pact with inventory-service. */
final class TestPacts {

  static final String PRODUCT_BODY =
      """
      {"sku": "SKU-1001", "name": "Espresso beans 1kg", "price": 24.90, "stock": 12}""";

  /** Two interactions: a product (with a provider state) and a missing product (without). */
  static final String INVENTORY =
      """
      {
        "consumer": {"name": "checkout-service"},
        "provider": {"name": "inventory-service"},
        "interactions": [
          {
            "description": "a request for a product",
            "providerStates": [
              {"name": "a product exists", "params": {"sku": "SKU-1001", "stock": 12}}
            ],
            "request": {"method": "GET", "path": "/products/SKU-1001"},
            "response": {
              "status": 200,
              "headers": {"Content-Type": "application/json"},
              "body": {"sku": "SKU-1001", "name": "Espresso beans 1kg", "price": 24.90, "stock": 12},
              "matchingRules": {
                "body": {
                  "$.name": {"matchers": [{"match": "type"}]},
                  "$.price": {"matchers": [{"match": "decimal"}]},
                  "$.stock": {"matchers": [{"match": "integer"}]}
                }
              }
            }
          },
          {
            "description": "a request for a missing product",
            "request": {"method": "GET", "path": "/products/NOPE"},
            "response": {"status": 404}
          }
        ],
        "metadata": {"pactSpecification": {"version": "3.0.0"}}
      }
      """;

  private TestPacts() {}

  static Path write(Path dir, String name, String text) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The inventory pact, in {@code dir}. */
  static Path inventory(Path dir) {
    return write(dir, "checkout-service-inventory-service.json", INVENTORY);
  }
}
