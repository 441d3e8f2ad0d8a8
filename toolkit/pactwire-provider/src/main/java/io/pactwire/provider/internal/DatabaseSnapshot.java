package io.pactwire.provider.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rows of every table of a schema (and, on PostgreSQL, its sequences), taken before a provider
 * state is set up and put back after the interaction.
 *
 * <p>Snapshot and restore, rather than deleting what a fixture inserted, because the interaction
 * itself changes the database too (a reservation made, stock decremented), and a fixture may update
 * or delete rows; only restoring every table undoes all of that, so the next interaction starts
 * from the same database whatever ran before it. Tables whose rows did not change are left alone.
 */
public final class DatabaseSnapshot {

  private record Table(String qualified, List<String> columns, List<List<Object>> rows) {}

  private final Map<String, Table> tables;
  private final List<String> insertOrder;
  private final Map<String, long[]> sequences;

  private DatabaseSnapshot(
      Map<String, Table> tables, List<String> insertOrder, Map<String, long[]> sequences) {
    this.tables = tables;
    this.insertOrder = insertOrder;
    this.sequences = sequences;
  }

  /** Reads every table of the connection's current schema. */
  public static DatabaseSnapshot take(Connection connection) throws SQLException {
    String schema = connection.getSchema();
    DatabaseMetaData meta = connection.getMetaData();
    List<String> names = new ArrayList<>();
    try (ResultSet rs =
        meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    Map<String, Set<String>> parents = new LinkedHashMap<>();
    for (String name : names) {
      Set<String> referenced = new LinkedHashSet<>();
      try (ResultSet rs = meta.getImportedKeys(connection.getCatalog(), schema, name)) {
        while (rs.next()) {
          String parent = rs.getString("PKTABLE_NAME");
          if (!parent.equals(name) && names.contains(parent)) {
            referenced.add(parent);
          }
        }
      }
      parents.put(name, referenced);
    }
    List<String> order = new ArrayList<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String name : names) {
      visit(name, parents, order, visiting);
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    for (String name : order) {
      tables.put(name, read(connection, qualify(meta, schema, name)));
    }
    return new DatabaseSnapshot(tables, order, readSequences(connection, schema));
  }

  private static void visit(
      String name, Map<String, Set<String>> parents, List<String> order, Set<String> visiting) {
    if (order.contains(name) || !visiting.add(name)) {
      return; // done, or a cycle of foreign keys (restored in discovery order)
    }
    for (String parent : parents.getOrDefault(name, Set.of())) {
      visit(parent, parents, order, visiting);
    }
    order.add(name);
  }

  private static String qualify(DatabaseMetaData meta, String schema, String table)
      throws SQLException {
    String q = meta.getIdentifierQuoteString().trim();
    String quotedTable = q + table.replace(q, q + q) + q;
    return schema == null ? quotedTable : q + schema.replace(q, q + q) + q + "." + quotedTable;
  }

  private static Table read(Connection connection, String qualified) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + qualified)) {
      ResultSetMetaData md = rs.getMetaData();
      for (int c = 1; c <= md.getColumnCount(); c++) {
        columns.add(md.getColumnName(c));
      }
      while (rs.next()) {
        List<Object> row = new ArrayList<>(columns.size());
        for (int c = 1; c <= columns.size(); c++) {
          row.add(rs.getObject(c));
        }
        rows.add(row);
      }
    }
    return new Table(qualified, columns, rows);
  }

  // pg_sequences, not information_schema.sequences: the latter leaves out identity columns' ones.
  private static Map<String, long[]> readSequences(Connection connection, String schema)
      throws SQLException {
    Map<String, long[]> result = new LinkedHashMap<>();
    if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
      return result;
    }
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT sequencename FROM pg_catalog.pg_sequences WHERE schemaname = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    for (String name : names) {
      String qualified = qualify(connection.getMetaData(), schema, name);
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT last_value, is_called FROM " + qualified)) {
        rs.next();
        result.put(qualified, new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0});
      }
    }
    return result;
  }

  /** Puts back the rows of every table that changed since the snapshot, in one transaction. */
  public void restore(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      List<String> changed = new ArrayList<>();
      for (String name : insertOrder) {
        Table before = tables.get(name);
        if (!sameRows(before.rows(), read(connection, before.qualified()).rows())) {
          changed.add(name);
        }
      }
      try (Statement st = connection.createStatement()) {
        for (int i = changed.size() - 1; i >= 0; i--) {
          st.executeUpdate("DELETE FROM " + tables.get(changed.get(i)).qualified());
        }
      }
      for (String name : changed) {
        insert(connection, tables.get(name));
      }
      for (Map.Entry<String, long[]> seq : sequences.entrySet()) {
        try (PreparedStatement ps =
            connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
          ps.setString(1, seq.getKey());
          ps.setLong(2, seq.getValue()[0]);
          ps.setBoolean(3, seq.getValue()[1] == 1);
          ps.execute();
        }
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void insert(Connection connection, Table table) throws SQLException {
    if (table.rows().isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.qualified()).append(" (");
    String q = connection.getMetaData().getIdentifierQuoteString().trim();
    for (int c = 0; c < table.columns().size(); c++) {
      sql.append(c == 0 ? "" : ", ").append(q).append(table.columns().get(c)).append(q);
    }
    sql.append(")");
    if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
      sql.append(" OVERRIDING SYSTEM VALUE"); // identity columns GENERATED ALWAYS get old values
    }
    sql.append(" VALUES (").append("?, ".repeat(table.columns().size() - 1)).append("?)");
    try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
      for (List<Object> row : table.rows()) {
        for (int c = 0; c < row.size(); c++) {
          ps.setObject(c + 1, row.get(c));
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static boolean sameRows(List<List<Object>> a, List<List<Object>> b) {
    if (a.size() != b.size()) {
      return false;
    }
    // Order of rows is not guaranteed without ORDER BY; compare as multisets of rendered rows.
    List<String> left = new ArrayList<>(a.stream().map(DatabaseSnapshot::render).toList());
    List<String> right = new ArrayList<>(b.stream().map(DatabaseSnapshot::render).toList());
    left.sort(null);
    right.sort(null);
    return left.equals(right);
  }

  private static String render(List<Object> row) {
    StringBuilder s = new StringBuilder();
    for (Object v : row) {
      s.append(v instanceof byte[] bytes ? Arrays.toString(bytes) : Objects.toString(v))
          .append('\u0000');
    }
    return s.toString();
  }
}
