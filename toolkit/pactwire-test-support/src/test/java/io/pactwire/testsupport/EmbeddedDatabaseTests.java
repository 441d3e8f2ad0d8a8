package io.pactwire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTests {

  @Test
  void runsStatementsAgainstARealPostgresAndIsGoneAfterClose() throws SQLException {
    DataSource dataSource;
    try (EmbeddedDatabase database = EmbeddedDatabase.start()) {
      dataSource = database.dataSource();
      database.execute(
          """
          CREATE TABLE products (sku text PRIMARY KEY, stock integer NOT NULL);
          INSERT INTO products VALUES ('SKU-1', 3), ('SKU-2', 4);
          """);

      try (Connection c = dataSource.getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT sum(stock) FROM products")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(7);
      }
    }

    assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class);
  }
}
