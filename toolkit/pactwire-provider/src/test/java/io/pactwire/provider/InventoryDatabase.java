package io.pactwire.provider;

import io.pactwire.testsupport.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/** A real embedded PostgreSQL with the inventory schema; one per test class. */
public final class InventoryDatabase implements AutoCloseable {

  /** The database the {@code *TestCase} classes use; set by the test that runs them. */
  public static volatile DataSource current;

  /** The database the tiny provider of the {@code *TestCase} classes reads. */
  static volatile DataSource providerDatabase;

  private final EmbeddedDatabase postgres;

  /**
   * One database for a test class, registered with {@code @RegisterExtension static}: started
   * before the class, closed after it, and made {@link #current} before each test.
   */
  static final class PerClass implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private InventoryDatabase database;

    InventoryDatabase get() {
      return database;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, SQLException {
      database = start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
      database.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      current = database.dataSource();
    }
  }

  private InventoryDatabase(EmbeddedDatabase postgres) {
    this.postgres = postgres;
  }

  static InventoryDatabase start() throws IOException, SQLException {
    InventoryDatabase db = new InventoryDatabase(EmbeddedDatabase.start());
    db.postgres.execute(
        """
          CREATE TABLE products (
            sku   text PRIMARY KEY,
            name  text NOT NULL,
            price numeric(10, 2) NOT NULL,
            stock integer NOT NULL CHECK (stock >= 0)
          );
          CREATE TABLE reservations (
            id       integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            sku      text NOT NULL REFERENCES products (sku),
            quantity integer NOT NULL
          );
          INSERT INTO products VALUES ('SKU-0001', 'Always there', 1.00, 1);
          """);
    return db;
  }

  DataSource dataSource() {
    return postgres.dataSource();
  }

  /** A data source for a port where nothing listens. */
  static DataSource unreachable() {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"localhost"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName("inventory");
    ds.setUser("postgres");
    ds.setConnectTimeout(2);
    return ds;
  }

  /** Every row of both tables, in a fixed order, to compare before and after. */
  List<String> contents() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = dataSource().getConnection();
        Statement st = c.createStatement()) {
      for (String query :
          List.of(
              "SELECT 'products', sku, name, price, stock FROM products ORDER BY sku",
              "SELECT 'reservations', id, sku, quantity, 0 FROM reservations ORDER BY id",
              "SELECT 'sequence', last_value, is_called, 0, 0 FROM reservations_id_seq")) {
        try (ResultSet rs = st.executeQuery(query)) {
          while (rs.next()) {
            rows.add(
                rs.getString(1)
                    + " "
                    + rs.getString(2)
                    + " "
                    + rs.getString(3)
                    + " "
                    + rs.getString(4)
                    + " "
                    + rs.getString(5));
          }
        }
      }
    }
    return rows;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
