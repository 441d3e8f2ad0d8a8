package org.example.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The event the search index relies on, in pact-jvm's message DSL. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(
    providerName = "price-service",
    providerType = ProviderType.ASYNCH,
    pactVersion = PactSpecVersion.V4)
class PriceChangedPactTests {

  @Pact(consumer = "search-indexer")
  V4Pact priceChanged(MessagePactBuilder builder) {
    return builder
        .given("a product is on sale", Map.of("sku", "SKU-1001"))
        .expectsToReceive("a PriceChanged event")
        .withMetadata(Map.of("contentType", "application/json", "kafka_key", "SKU-1001"))
        .withContent(
            new PactDslJsonBody()
                .stringType("sku", "SKU-1001")
                .decimalType("price", new BigDecimal("19.90"))
                .stringMatcher("currency", "[A-Z]{3}", "EUR")
                .stringMatcher(
                    "changedAt",
                    "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z",
                    "2026-12-01T08:00:00Z"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "priceChanged")
  void theEventSetsTheIndexedPrice(V4Interaction.AsynchronousMessage message) {
    PriceChangedHandler handler = new PriceChangedHandler();

    handler.handle(message.getContents().getContents().getValue());

    assertEquals(
        new PriceChanged(
            "SKU-1001", new BigDecimal("19.90"), "EUR", Instant.parse("2026-12-01T08:00:00Z")),
        handler.price("SKU-1001").orElseThrow());
  }
}
