package io.pactwire.core.internal.report;

import java.util.List;

/** Verification runs built by hand: one passing pact, one with a pass and a renamed field. */
final class Runs {

  private Runs() {}

  static final InteractionResult PRODUCT_PASSES =
      new InteractionResult(
          "a request for a product",
          List.of("'a product exists' {sku=SKU-1001}"),
          true,
          null,
          List.of(),
          new Exchange(
              "GET /products/SKU-1001",
              "200\n\n{\n  \"sku\" : \"SKU-1001\",\n  \"stock\" : 12\n}",
              "200\n\n{\n  \"sku\" : \"SKU-1001\",\n  \"stock\" : 12\n}"));

  static final InteractionResult STOCK_RENAMED =
      new InteractionResult(
          "a request for the stock",
          List.of("'a product exists' {sku=SKU-1001}"),
          false,
          "verifying 'a request for the stock' failed with 1 difference\n"
              + "  1) body $.stock: the provider's response has no 'stock'\n"
              + "     expected: 12\n"
              + "     actual:   (absent)",
          List.of(
              new Difference(
                  "body", "$.stock", "12", "(absent)", "the provider's response has no 'stock'")),
          new Exchange(
              "GET /products/SKU-1001",
              "200\n\n{\n  \"name\" : \"Beans\",\n  \"sku\" : \"SKU-1001\",\n  \"stock\" : 12\n}",
              "200\n\n{\n  \"name\" : \"Beans\",\n  \"quantityOnHand\" : 12,\n"
                  + "  \"sku\" : \"SKU-1001\"\n}"));

  static final InteractionResult RESERVATION_PASSES =
      new InteractionResult(
          "a reservation", List.of(), true, null, List.of(), new Exchange("POST /r", "201", "201"));

  /** catalog-indexer passes; checkout-service has a pass sorted before its failure. */
  static VerificationRun mixed(String version) {
    return new VerificationRun(
        "inventory-service",
        version,
        "main",
        false,
        List.of(
            new PactResult(
                "catalog-indexer",
                "pacts/catalog-indexer-inventory-service.json",
                "aa",
                "2026-01-02T03:04:05Z",
                true,
                List.of(RESERVATION_PASSES)),
            new PactResult(
                "checkout-service",
                "pacts/checkout-service-inventory-service.json",
                "bb",
                "2026-01-02T03:04:05Z",
                false,
                List.of(PRODUCT_PASSES, STOCK_RENAMED))));
  }
}
