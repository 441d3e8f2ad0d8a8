package io.pactwire.provider;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.io.IOException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/** A provider verification as users write it; run by {@link StateFixturesTests}. */
@Provider("inventory-service")
@PactFolder("${" + TestPacts.FOLDER_PROPERTY + "}")
@PactwireStates(folder = "src/test/resources/states")
@PactwireReports
class InventoryPactTestCase {

  @StatesDataSource static DataSource database;
  private static TinyInventoryProvider provider;

  @BeforeAll
  static void start() throws IOException {
    database = InventoryDatabase.current;
    // The provider always talks to a reachable database, even when the fixtures' one is not.
    provider = new TinyInventoryProvider(InventoryDatabase.providerDatabase);
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

  /** No fixture file: the state is the database as the snapshot left it, with a check. */
  @State("no product exists")
  void noProduct(Map<String, Object> params) {
    // nothing to insert; the fixture-less state coexists with fixtures
  }
}
