package io.pactwire.provider.messages;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.pactwire.provider.InventoryDatabase;
import io.pactwire.provider.PactwireReports;
import io.pactwire.provider.PactwireStates;
import io.pactwire.provider.ProducedMessage;
import io.pactwire.provider.StatesDataSource;
import io.pactwire.provider.TestPacts;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Message contracts verified against the real producing code; run by {@code MessagesTests}. In a
 * package of its own because pact-jvm finds {@code @PactVerifyProvider} methods by scanning
 * packages: without one it scans the whole class path (slow, and it finds other classes' methods).
 */
public @Provider("inventory-service") @PactFolder("${" + TestPacts.FOLDER_PROPERTY + "}")
@PactwireStates(folder = "src/test/resources/states") @PactwireReports class MessagesPactTestCase {

  @StatesDataSource static DataSource database;

  @BeforeAll
  static void database() {
    database = InventoryDatabase.current;
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(new MessageTestTarget(List.of(getClass().getPackageName())));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @PactVerifyProvider("a product CSV export")
  MessageAndMetadata productExport() throws SQLException {
    byte[] csv = new ProductCsvExport(database).export();
    return ProducedMessage.of(csv, "text/csv").withMetadata("fileName", "products.csv").toPact();
  }

  @PactVerifyProvider("a StockChanged event")
  MessageAndMetadata stockChanged() throws SQLException {
    List<ProducedMessage> sent = new ArrayList<>();
    new StockEvents(
            database,
            (topic, key, headers, value) -> sent.add(ProducedMessage.kafka(key, headers, value)),
            Clock.systemUTC())
        .reserve("SKU-1001", 2);
    return sent.get(0).toPact();
  }
}
