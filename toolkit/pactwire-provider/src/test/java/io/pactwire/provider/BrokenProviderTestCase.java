package io.pactwire.provider;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.io.IOException;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tiny provider, changed by {@link #variant}, verified as users write it. */
@Provider("inventory-service")
@PactFolder("${" + TestPacts.FOLDER_PROPERTY + "}")
@PactwireStates(folder = "src/test/resources/states")
@PactwireReports
class BrokenProviderTestCase {

  /** How the provider under test breaks its contract; set by {@link BrokenProviderTests}. */
  static volatile UnaryOperator<TinyInventoryProvider.Response> variant = UnaryOperator.identity();

  @StatesDataSource static DataSource database;
  private static TinyInventoryProvider provider;

  @BeforeAll
  static void start() throws IOException {
    database = InventoryDatabase.current;
    provider = new TinyInventoryProvider(database, variant);
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

  @State("no product exists")
  void noProduct(Map<String, Object> params) {
    // the database holds no such product
  }
}
