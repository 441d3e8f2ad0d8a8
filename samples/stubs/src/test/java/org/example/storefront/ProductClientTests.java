package org.example.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwire.stubs.PactwireStubs;
import io.pactwire.stubs.PactwireStubsRuntimeInfo;
import java.math.BigDecimal;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The storefront's client against the product service's contract: the interactions of the pacts in
 * this project's pacts folder, served as stubs that keep the pacts' matching rules.
 */
@PactwireStubs(provider = "product-service")
class ProductClientTests {

  @Test
  void readsAProduct(PactwireStubsRuntimeInfo products) throws Exception {
    Product product =
        new ProductClient(URI.create(products.baseUrl())).product("SKU-1001").orElseThrow();

    assertEquals("kettle", product.name());
    assertEquals(new BigDecimal("24.5"), product.price());
    assertEquals(2026, product.updatedAt().getYear());
  }

  @Test
  void anotherSkuMatchesThePactsPathRule(PactwireStubsRuntimeInfo products) throws Exception {
    // the pact's regex on the path accepts any SKU-<digits>; its example answers
    assertTrue(new ProductClient(URI.create(products.baseUrl())).product("SKU-77").isPresent());
  }

  @Test
  void anUnknownProductIsEmpty(PactwireStubsRuntimeInfo products) throws Exception {
    // both interactions accept /products/SKU-404: the literal path is the more specific one
    assertTrue(new ProductClient(URI.create(products.baseUrl())).product("SKU-404").isEmpty());
  }
}
