package io.pactwire.provider.loader;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The body of the stock-service provider tests; the classes that extend it name where the pacts are
 * (on one class only: pact-jvm reads the pacts once per annotation it finds). In a package of its
 * own because pact-jvm finds {@code @PactVerifyProvider} methods by scanning packages, and would
 * find other test cases' methods for the same message.
 */
public abstract class StockServiceCase {

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(new MessageTestTarget(List.of(getClass().getPackageName())));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @PactVerifyProvider("a StockChanged event")
  public MessageAndMetadata stockChanged() {
    return new MessageAndMetadata(
        """
        {"sku": "SKU-1001", "available": 10}"""
            .getBytes(StandardCharsets.UTF_8),
        Map.of("contentType", "application/json"));
  }
}
