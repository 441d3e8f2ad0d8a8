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

  /** A product whose state a {@code @State} method sets up, no database involved. */
  static final String PRODUCT_IN_MEMORY =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a request for a product kept in memory",
        "providerStates": [{"name": "a product is in stock",
          "params": {"sku": "SKU-5005", "name": "Tamper", "price": 19.50, "stock": 7}}],
        "request": {"method": "GET", "path": "/products/SKU-5005"},
        "response": {"status": 200,
          "headers": {"Content-Type": ["application/json"]},
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"sku": "SKU-5005", "name": "Tamper", "price": 19.50, "stock": 7}}}
      }""";

  /** A request whose bearer token the consumer's capture redacted. */
  static final String PRODUCT_WITH_TOKEN =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a request for a product with a token",
        "providerStates": [{"name": "a product is in stock",
          "params": {"sku": "SKU-5005", "name": "Tamper", "price": 19.50, "stock": 7}}],
        "request": {"method": "GET", "path": "/secure/products/SKU-5005",
          "headers": {"Authorization": ["Bearer <redacted>"]},
          "matchingRules": {"header": {"Authorization": {"combine": "AND",
            "matchers": [{"match": "regex", "regex": "Bearer .+"}]}}}},
        "response": {"status": 200,
          "headers": {"Content-Type": ["application/json"]},
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"sku": "SKU-5005", "name": "Tamper", "price": 19.50, "stock": 7}}}
      }""";

  /** A request whose API key (a query parameter) the consumer's capture redacted. */
  static final String STOCK_WITH_KEY =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a stock query with an API key",
        "providerStates": [{"name": "a product is in stock",
          "params": {"sku": "SKU-5005", "name": "Tamper", "price": 19.50, "stock": 7}}],
        "request": {"method": "GET", "path": "/stock",
          "query": {"sku": ["SKU-5005"], "api_key": ["<redacted>"]},
          "matchingRules": {"query": {"api_key": {"combine": "AND",
            "matchers": [{"match": "regex", "regex": ".+"}]}}}},
        "response": {"status": 200,
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"sku": "SKU-5005", "stock": 7}}}
      }""";

  /** A request whose answer carries the token back (a field the contract does not name). */
  static final String WHO_AM_I =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a request for the caller",
        "request": {"method": "GET", "path": "/secure/me",
          "headers": {"Authorization": ["Bearer <redacted>"]}},
        "response": {"status": 200,
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"consumer": "checkout-service"}}}
      }""";

  /** As {@link #WHO_AM_I}, with a contract that names the echoed token: it fails. */
  static final String WHO_AM_I_WITH_TOKEN =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a request for the caller and its token",
        "request": {"method": "GET", "path": "/secure/me",
          "headers": {"Authorization": ["Bearer <redacted>"]}},
        "response": {"status": 200,
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"consumer": "checkout-service", "token": "<redacted>-by-capture"}}}
      }""";

  /**
   * A login whose answer the provider gives with a session and a token of its own, neither as the
   * contract has them: it fails.
   */
  static final String LOGIN_ISSUING =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a login that opens a session",
        "request": {"method": "POST", "path": "/login"},
        "response": {"status": 200,
          "headers": {"Set-Cookie": ["sid=the-contracts-session"]},
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"access_token": "the-contracts-token", "user": "ada"}}}
      }""";

  /** A request that sends no credential. */
  static final String HEALTH =
      """
      {
        "type": "Synchronous/HTTP",
        "description": "a health check",
        "request": {"method": "GET", "path": "/health"},
        "response": {"status": 200,
          "body": {"contentType": "application/json", "encoded": false,
            "content": {"status": "up"}}}
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
