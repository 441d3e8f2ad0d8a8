package org.example.products;

import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import io.pactwire.provider.PactwirePacts;
import java.util.Map;
import org.eclipse.jetty.util.Jetty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Verifies every pact with the product service against the Boot application on Jetty 12. */
@Provider("product-service")
@PactwirePacts
class ProductServiceContractTests {

  private static ConfigurableApplicationContext application;

  @BeforeAll
  static void start() {
    application = ProductApplication.start("--server.port=0", "--server.address=127.0.0.1");
    assertTrue(Jetty.VERSION.startsWith("12."), "the application runs on Jetty " + Jetty.VERSION);
  }

  @AfterAll
  static void stop() {
    application.close();
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    products().clear();
    int port = ((WebServerApplicationContext) application).getWebServer().getPort();
    context.setTarget(new HttpTestTarget("localhost", port));
  }

  @State("a product exists")
  void aProductExists(Map<String, Object> params) {
    products().put((String) params.get("sku"), (String) params.get("name"));
  }

  @State("no product exists")
  void noProductExists() {}

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }

  private static Map<String, String> products() {
    return application.getBean(ProductApplication.class).names();
  }
}
