package org.example.prices;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import io.pactwire.provider.PactwirePacts;
import io.pactwire.provider.PactwireReports;
import io.pactwire.provider.ProducedMessage;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/** Verifies every consumer's pact with the price service: the events it publishes. */
@Provider("price-service")
@PactwirePacts
@PactwireReports
class PriceEventsContractTests {

  private final List<ProducedMessage> sent = new ArrayList<>();
  private final PriceService prices =
      new PriceService(
          (topic, key, headers, value) -> sent.add(ProducedMessage.kafka(key, headers, value)),
          Clock.systemUTC(),
          "EUR");

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(new MessageTestTarget(List.of(getClass().getPackageName())));
  }

  @State("a product is on sale")
  void aProductIsOnSale(Map<String, Object> params) {
    prices.list((String) params.get("sku"), new BigDecimal("24.90"));
  }

  @PactVerifyProvider("a PriceChanged event")
  MessageAndMetadata priceChanged() {
    prices.discount("SKU-1001", 20);
    return sent.get(sent.size() - 1).toPact();
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
