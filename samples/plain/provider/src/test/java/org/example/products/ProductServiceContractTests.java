package org.example.products;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import io.pactwire.provider.Credential;
import io.pactwire.provider.PactwirePacts;
import io.pactwire.provider.PactwireReports;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies every pact with the product service against the real server, with the real token in
 * place of the pact's placeholder, and writes the reports (none of which may show the token).
 */
@Provider("product-service")
@PactwirePacts
@PactwireReports
@Credential(header = "Authorization", value = "Bearer ${env:PRODUCTS_TOKEN}")
class ProductServiceContractTests {

  private static ProductServer server;

  @BeforeAll
  static void start() throws Exception {
    server = ProductServer.start(0, System.getenv("PRODUCTS_TOKEN"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    server.names().clear();
    context.setTarget(new HttpTestTarget("localhost", server.port()));
  }

  @State("a product exists")
  void aProductExists(Map<String, Object> params) {
    server.names().put((String) params.get("sku"), (String) params.get("name"));
  }

  @State("no product exists")
  void noProductExists() {}

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
