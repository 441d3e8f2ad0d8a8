package io.pactwire.example.inventory.contract;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import io.pactwire.example.inventory.InMemoryStockEventPublisher;
import io.pactwire.example.inventory.InventoryService;
import io.pactwire.example.inventory.StockEvents;
import io.pactwire.provider.PactwirePacts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HashMap;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies inventory-service against every consumer pact in {@code pacts/}: HTTP interactions
 * against the real service on a random port, the StockChanged message against what the real
 * publishing code emitted. One test per interaction.
 */
@Provider("inventory-service")
@PactwirePacts
class InventoryContractTests {

  private static EmbeddedPostgres postgres;
  private static DataSource dataSource;
  private static final InMemoryStockEventPublisher events = new InMemoryStockEventPublisher();
  private static InventoryService service;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    dataSource = postgres.getPostgresDatabase();
    service = InventoryService.builder().dataSource(dataSource).events(events).port(0).start();
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    postgres.close();
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    if (context.getInteraction().isAsynchronousMessage()) {
      context.setTarget(new MessageTestTarget(List.of(getClass().getPackageName())));
    } else {
      context.setTarget(new HttpTestTarget("localhost", service.port()));
    }
    context.withStateChangeHandlers(new InventoryStates(dataSource, service.baseUri(), events));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }

  /** The event the state's reservation published, with its headers as message metadata. */
  @PactVerifyProvider("a StockChanged event")
  MessageAndMetadata stockChanged() {
    List<StockEvents.Message> published = events.messages();
    if (published.size() != 1) {
      throw new IllegalStateException(
          "expected the state to publish one StockChanged, it published " + published);
    }
    StockEvents.Message message = published.get(0);
    return new MessageAndMetadata(message.value(), new HashMap<String, Object>(message.headers()));
  }
}
