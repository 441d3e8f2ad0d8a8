package org.example.products;

import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import com.fasterxml.jackson.core.json.PackageVersion;
import io.pactwire.provider.PactwirePacts;
import io.pactwire.provider.PactwireStates;
import io.pactwire.provider.StatesDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies every pact with the product service against the real server on an embedded PostgreSQL,
 * its states set up by the YAML fixtures in src/test/resources/states/, all on Jackson 2.17.
 */
@Provider("product-service")
@PactwirePacts
@PactwireStates
class ProductServiceContractTests {

  @StatesDataSource static DataSource database;

  private static EmbeddedPostgres postgres;
  private static ProductServer server;

  @BeforeAll
  static void start() throws Exception {
    assertEquals("2.17.2", PackageVersion.VERSION.toString(), "the build's jackson-core");
    postgres = EmbeddedPostgres.start();
    database = postgres.getPostgresDatabase();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE products (sku text PRIMARY KEY, name text NOT NULL)");
    }
    server = ProductServer.start(0, database);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    postgres.close();
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(new HttpTestTarget("localhost", server.port()));
  }

  @State("no product exists")
  void noProductExists() {}

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
