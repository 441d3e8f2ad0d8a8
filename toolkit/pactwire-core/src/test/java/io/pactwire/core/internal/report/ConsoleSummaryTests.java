package io.pactwire.core.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleSummaryTests {

  @Test
  void listsEveryInteractionOnOneLineWithTheFailureReason() {
    assertThat(ConsoleSummary.render(Runs.mixed("1.0.0")))
        .isEqualTo(
            """
            pact verification of inventory-service: 2 passed, 1 failed
              verified: catalog-indexer → inventory-service: a reservation [(none)]
              verified: checkout-service → inventory-service: a request for a product \
            ['a product exists' {sku=SKU-1001}]
              FAILED:   checkout-service → inventory-service: a request for the stock \
            ['a product exists' {sku=SKU-1001}] — body $.stock: the provider's response has no 'stock'
            """);
  }
}
