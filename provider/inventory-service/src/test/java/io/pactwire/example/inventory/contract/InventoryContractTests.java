package io.pactwire.example.inventory.contract;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import io.pactwire.example.inventory.InMemoryStockEventPublisher;
import io.pactwire.example.inventory.InventoryService;
import io.pactwire.example.inventory.contract.messages.StockChangedProducer;
import io.pactwire.provider.PactwirePacts;
import io.pactwire.provider.PactwireReports;
import io.pactwire.provider.PactwireStates;
import io.pactwire.provider.StatesDataSource;
import io.pactwire.testsupport.EmbeddedDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies inventory-service against every consumer pact in {@code pacts/}: HTTP interactions
 * against the real service on a random port over a real PostgreSQL, the StockChanged message
 * against what the real publishing code emitted. Provider states come from the fixtures in {@code
 * src/test/resources/states/}; results and JUnit XML, Markdown and HTML reports go to {@code
 * target/pactwire/}. One test per interaction.
 */
@Provider("inventory-service")
@PactwirePacts
@PactwireStates
@PactwireReports
class InventoryContractTests {

  @StatesDataSource static DataSource dataSource;

  private static EmbeddedDatabase postgres;
  private static final InMemoryStockEventPublisher events = new InMemoryStockEventPublisher();
  private static InventoryService service;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedDatabase.start();
    dataSource = postgres.dataSource();
    service = InventoryService.builder().dataSource(dataSource).events(events).port(0).start();
    StockChangedProducer.capture(events);
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    postgres.close();
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    if (context.getInteraction().isAsynchronousMessage()) {
      context.setTarget(
          new MessageTestTarget(List.of(StockChangedProducer.class.getPackageName())));
    } else {
      context.setTarget(new HttpTestTarget("localhost", service.port()));
    }
    context.withStateChangeHandlers(new InventoryStates(service.baseUri(), events));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
