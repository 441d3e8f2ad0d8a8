package io.pactwire.provider;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.StateChangeAction;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The body of a provider test without a database: pact-jvm {@code @State} methods set up each state
 * in memory, on a provider that checks credentials. The {@code *TestCase} classes that extend it
 * add the annotations (on one class only: pact-jvm would read the pacts once per annotation).
 */
abstract class InMemoryProviderCase {

  static GuardedInventoryProvider provider;

  @BeforeAll
  static void start() throws IOException {
    provider = new GuardedInventoryProvider();
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(new HttpTestTarget("localhost", provider.port()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @State("a product is in stock")
  void productInStock(Map<String, Object> params) {
    String sku = (String) params.get("sku");
    provider.products.put(
        sku,
        new GuardedInventoryProvider.Product(
            sku,
            (String) params.get("name"),
            new BigDecimal(params.get("price").toString()),
            ((Number) params.get("stock")).intValue()));
  }

  @State(value = "a product is in stock", action = StateChangeAction.TEARDOWN)
  void productInStockGone(Map<String, Object> params) {
    provider.products.remove((String) params.get("sku"));
  }

  @State("no product exists")
  void noProduct() {
    provider.products.clear();
  }
}
