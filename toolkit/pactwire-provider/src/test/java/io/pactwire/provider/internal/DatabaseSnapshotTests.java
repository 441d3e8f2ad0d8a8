package io.pactwire.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.testsupport.EmbeddedDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Restoring a real PostgreSQL to a snapshot, whatever happened since. */
class DatabaseSnapshotTests {

  private static EmbeddedDatabase postgres;
  private Connection connection;

  @BeforeAll
  static void start() throws IOException, SQLException {
    postgres = EmbeddedDatabase.start();
    postgres.execute(
        """
          CREATE TABLE products (sku text PRIMARY KEY, stock integer NOT NULL, tags jsonb);
          CREATE TABLE reservations (
            id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            sku text NOT NULL REFERENCES products (sku), quantity integer NOT NULL);
          CREATE TABLE audit (line text);
          INSERT INTO products VALUES ('A', 5, '{"x": 1}'), ('B', 7, null);
          INSERT INTO reservations (sku, quantity) VALUES ('A', 1), ('A', 2);
          INSERT INTO audit VALUES ('one'), ('one');
          """);
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void connect() throws SQLException {
    connection = postgres.dataSource().getConnection();
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void undoesInsertsUpdatesAndDeletesKeepingReferencesValid() throws SQLException {
    List<String> before = contents();
    DatabaseSnapshot snapshot = DatabaseSnapshot.take(connection);
    try (Statement st = connection.createStatement()) {
      // 'A' is referenced by reservations: putting it back must update it in place
      st.execute("UPDATE products SET stock = 0, tags = '{\"x\": 2}' WHERE sku = 'A'");
      st.execute("INSERT INTO products VALUES ('C', 1, null)");
      st.execute("INSERT INTO reservations (sku, quantity) VALUES ('C', 1), ('B', 3)");
      st.execute("DELETE FROM reservations WHERE quantity = 2");
      st.execute("DELETE FROM audit");
      st.execute("INSERT INTO audit VALUES ('two')");
    }
    assertThat(contents()).isNotEqualTo(before);

    snapshot.restore(connection);

    assertThat(contents()).isEqualTo(before);
  }

  @Test
  void restoresAPrimaryKeyThatWasDeletedAndInsertedAgain() throws SQLException {
    List<String> before = contents();
    DatabaseSnapshot snapshot = DatabaseSnapshot.take(connection);
    try (Statement st = connection.createStatement()) {
      st.execute("DELETE FROM products WHERE sku = 'B'");
      st.execute("INSERT INTO products VALUES ('B', 99, '[]')");
    }

    snapshot.restore(connection);

    assertThat(contents()).isEqualTo(before);
  }

  private List<String> contents() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = connection.createStatement()) {
      for (String query :
          List.of(
              "SELECT sku || ' ' || stock || ' ' || coalesce(tags::text, '-') FROM products ORDER BY sku",
              "SELECT id || ' ' || sku || ' ' || quantity FROM reservations ORDER BY id",
              "SELECT line FROM audit ORDER BY line",
              "SELECT last_value || ' ' || is_called FROM reservations_id_seq")) {
        try (ResultSet rs = st.executeQuery(query)) {
          while (rs.next()) {
            rows.add(rs.getString(1));
          }
        }
      }
    }
    return rows;
  }
}
