package io.pactwire.example.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.stubs.PactwireStubs;
import io.pactwire.stubs.PactwireStubsRuntimeInfo;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The client against inventory-service's stubs, served from the pacts inventory verifies (pacts/):
 * when inventory's contract for {@code GET /products/{sku}} changes, this test sees it. It writes
 * no pact of its own.
 */
@PactwireStubs(provider = "inventory-service")
class InventoryClientTests {

  @Test
  void readsTheNameAndPriceOfAProduct(PactwireStubsRuntimeInfo inventory) {
    var client = new InventoryClient(inventory.baseUrl());

    Product product = client.product("SKU-1001").orElseThrow();

    assertThat(product.sku()).isEqualTo("SKU-1001");
    assertThat(product.name()).isEqualTo("Espresso beans 1kg");
    assertThat(product.price()).isEqualByComparingTo(new BigDecimal("24.9"));
    assertThat(product.stock()).isEqualTo(12);
  }

  @Test
  void anyProductsSkuIsAnsweredByTheProductInteraction(PactwireStubsRuntimeInfo inventory) {
    // the pact's path rule is /products/[^/]+: the stub answers every sku with its example
    var client = new InventoryClient(inventory.baseUrl());

    assertThat(client.product("SKU-4711")).map(Product::name).contains("Espresso beans 1kg");
  }
}
