package io.pactwire.provider.messages;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** A partner's daily file: every product as RFC 4180 CSV. The "real producing code". */
public final class ProductCsvExport {

  private final DataSource database;

  public ProductCsvExport(DataSource database) {
    this.database = database;
  }

  public byte[] export() throws SQLException {
    StringBuilder csv = new StringBuilder("sku,name,price,stock\r\n");
    try (Connection c = database.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT sku, name, price, stock FROM products WHERE sku <> 'SKU-0001' ORDER BY sku")) {
      while (rs.next()) {
        csv.append(field(rs.getString(1)))
            .append(',')
            .append(field(rs.getString(2)))
            .append(',')
            .append(rs.getBigDecimal(3).toPlainString())
            .append(',')
            .append(rs.getInt(4))
            .append("\r\n");
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String field(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
