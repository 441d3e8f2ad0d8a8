package io.pactwire.example.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event catalog-indexer relies on, as a V4 asynchronous message pact with inventory-service.
 * The message pact-jvm builds from it is fed to the real {@link StockChangedHandler}. The build
 * writes {@code pacts/catalog-indexer-inventory-service.json}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(
    providerName = "inventory-service",
    providerType = ProviderType.ASYNCH,
    pactVersion = PactSpecVersion.V4)
class StockChangedPactTests {

  private static final String INSTANT_REGEX =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";

  @Pact(consumer = "catalog-indexer")
  V4Pact stockChanged(MessagePactBuilder builder) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("sku", "SKU-1001");
    params.put("stock", 12);
    params.put("quantity", 2);
    return builder
        .given("a product's stock changes", params)
        .expectsToReceive("a StockChanged event")
        .withMetadata(Map.of("contentType", "application/json"))
        .withContent(
            new PactDslJsonBody()
                .stringType("sku", "SKU-1001")
                .integerType("available", 10)
                .stringMatcher("occurredAt", INSTANT_REGEX, "2026-11-28T23:00:00Z"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "stockChanged")
  void theEventUpdatesTheProductsSearchDocument(V4Interaction.AsynchronousMessage message) {
    CatalogIndex index = new CatalogIndex();
    byte[] payload = message.getContents().getContents().getValue();

    StockChanged event = new StockChangedHandler(index).handle(payload);

    assertThat(event)
        .isEqualTo(new StockChanged("SKU-1001", 10, Instant.parse("2026-11-28T23:00:00Z")));
    assertThat(index.find("SKU-1001"))
        .contains(new SearchDocument("SKU-1001", 10, true, Instant.parse("2026-11-28T23:00:00Z")));
    assertThat(message.getContents().getMetadata())
        .containsEntry("contentType", "application/json");
  }
}
