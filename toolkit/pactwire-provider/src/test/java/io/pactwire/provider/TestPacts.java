package io.pactwire.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Pact files that tests write into a temporary folder, interaction by interaction. */
public final class TestPacts {

  /** The system property the {@code *TestCase} classes read their pact folder from. */
  public static final String FOLDER_PROPERTY = "pactwire.test.pactFolder";

  static final String PRODUCT =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a request for a product",
        "providerStates": [{"name": "a product exists",
          "params": {"sku": "SKU-1001", "name": "Espresso beans 1kg", "price": 24.90, "stock": 12}}],
        "request": {"method": "GET", "path": "/products/SKU-1001"},
        "response": {"status": 200,
          "headers": {"Content-Type": ["application/json"]},
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"sku": "SKU-1001", "name": "Espresso beans 1kg", "price": 24.90, "stock": 12}}}
      }""";

  static final String RESERVATION =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a reservation within stock",
        "providerStates": [{"name": "a product exists",
          "params": {"sku": "SKU-1001", "name": "Espresso beans 1kg", "price": 24.90, "stock": 12}}],
        "request": {"method": "POST", "path": "/reservations",
          "headers": {"Content-Type": ["application/json"]},
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"sku": "SKU-1001", "quantity": 2}}},
        "response": {"status": 201,
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"sku": "SKU-1001", "quantity": 2, "remaining": 10}}}
      }""";

  static final String UNKNOWN_PRODUCT =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a request for an unknown product",
        "providerStates": [{"name": "no product exists", "params": {"sku": "SKU-1001"}}],
        "request": {"method": "GET", "path": "/products/SKU-1001"},
        "response": {"status": 404,
          "headers": {"Content-Type": ["application/problem+json"]},
          "body": {"contentType": "application/problem+json", "encoded": false,
            "content": {"type": "about:blank", "title": "Product not found", "status": 404,
              "detail": "no product with sku SKU-1001"}}}
      }""";

  static final String LAST_ITEMS =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a reservation of the last items",
        "providerStates": [{"name": "a product exists",
          "params": {"sku": "SKU-1001", "name": "Espresso beans 1kg", "price": 24.90, "stock": 3}}],
        "request": {"method": "POST", "path": "/reservations",
          "headers": {"Content-Type": ["application/json"]},
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"sku": "SKU-1001", "quantity": 3}}},
        "response": {"status": 201,
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"sku": "SKU-1001", "quantity": 3, "remaining": 0}}}
      }""";

  static final String RESERVED_PRODUCT =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a request for a product with reservations",
        "providerStates": [{"name": "a product with reservations exists",
          "params": {"sku": "SKU-2002", "stock": 5, "reserved": 2}}],
        "request": {"method": "GET", "path": "/products/SKU-2002"},
        "response": {"status": 200,
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"sku": "SKU-2002", "name": "Milk frother SKU-2002", "price": 49.00,
              "stock": 5}}}
      }""";

  static final String DISCONTINUED =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a request for a discontinued product",
        "providerStates": [{"name": "a discontinued product exists",
          "params": {"sku": "SKU-3003", "name": "Kettle"}}],
        "request": {"method": "GET", "path": "/products/SKU-3003"},
        "response": {"status": 200,
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"sku": "SKU-3003", "name": "Kettle (discontinued)", "price": 0.00,
              "stock": 0}}}
      }""";

  static final String BROKEN_ROWS =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a request in a state whose rows are broken",
        "providerStates": [{"name": "a broken rows fixture", "params": {"sku": "SKU-4004"}}],
        "request": {"method": "GET", "path": "/products/SKU-4004"},
        "response": {"status": 200}
      }""";

  static final String TYPO_FIXTURE =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a request in a state whose fixture has a typo",
        "providerStates": [{"name": "a fixture with a typo", "params": {"sku": "SKU-0001"}}],
        "request": {"method": "GET", "path": "/products/SKU-0001"},
        "response": {"status": 200}
      }""";

  static final String WRONG_PRICE =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a request for a product at the old price",
        "providerStates": [{"name": "a product exists",
          "params": {"sku": "SKU-1003", "name": "Grinder", "price": 89.00, "stock": 4}}],
        "request": {"method": "GET", "path": "/products/SKU-1003"},
        "response": {"status": 200,
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"sku": "SKU-1003", "name": "Grinder", "price": 79.00, "stock": 4}}}
      }""";

  static final String UNKNOWN_STATE =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a request in a state nobody wrote",
        "providerStates": [{"name": "a warehouse is closed", "params": {"warehouse": "north"}}],
        "request": {"method": "GET", "path": "/products/SKU-0001"},
        "response": {"status": 200}
      }""";

  static final String BROKEN_FIXTURE =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a request in a state whose fixture is broken",
        "providerStates": [{"name": "a broken fixture", "params": {"sku": "SKU-1001"}}],
        "request": {"method": "GET", "path": "/products/SKU-1001"},
        "response": {"status": 200}
      }""";

  /** All interactions that pass against the tiny provider. */
  static final List<String> PASSING =
      List.of(PRODUCT, RESERVATION, UNKNOWN_PRODUCT, LAST_ITEMS, RESERVED_PRODUCT, DISCONTINUED);

  private TestPacts() {}

  /** Writes a V4 pact between checkout-service and inventory-service into {@code folder}. */
  static Path write(Path folder, List<String> interactions) throws IOException {
    return write(folder, "checkout-service", interactions);
  }

  /** Writes a V4 pact between {@code consumer} and inventory-service into {@code folder}. */
  static Path write(Path folder, String consumer, List<String> interactions) throws IOException {
    String pact =
        """
        {
          "consumer": {"name": "%s"},
          "provider": {"name": "inventory-service"},
          "interactions": [
        %s
          ],
          "metadata": {"pactSpecification": {"version": "4.0"}}
        }
        """
            .formatted(consumer, String.join(",\n", interactions));
    Files.createDirectories(folder);
    Path file = folder.resolve(consumer + "-inventory-service.json");
    Files.writeString(file, pact, StandardCharsets.UTF_8);
    return file;
  }
}
