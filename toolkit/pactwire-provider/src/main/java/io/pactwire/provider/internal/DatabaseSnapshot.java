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
import java.util.HashMap;
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
 * from the same database whatever ran before it. Only the rows that changed are put back (by
 * primary key; a table without one is emptied and refilled).
 */
public final class DatabaseSnapshot {

  private record Table(
      String qualified, List<String> columns, List<List<Object>> rows, List<Integer> key) {}

  /** What to undo in one table: rows added or changed since, and rows to put back. */
  private record Undo(
      Table table,
      List<List<Object>> delete,
      List<List<Object>> insert,
      List<List<Object>> update) {}

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
      Table table = read(connection, qualify(meta, schema, name));
      List<Integer> key = new ArrayList<>();
      try (ResultSet rs = meta.getPrimaryKeys(connection.getCatalog(), schema, name)) {
        while (rs.next()) {
          key.add(table.columns().indexOf(rs.getString("COLUMN_NAME")));
        }
      }
      tables.put(
          name,
          new Table(
              table.qualified(),
              table.columns(),
              table.rows(),
              key.contains(-1) ? List.of() : key));
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
    return new Table(qualified, columns, rows, List.of());
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
      // Undo only what changed: with a primary key, delete the rows added or changed since and
      // put back the rows removed or changed; without one, empty the table and refill it.
      List<Undo> undos = new ArrayList<>();
      for (String name : insertOrder) {
        Table before = tables.get(name);
        List<List<Object>> now = read(connection, before.qualified()).rows();
        List<List<Object>> delete = minus(now, before.rows());
        List<List<Object>> insert = minus(before.rows(), now);
        if (!delete.isEmpty() || !insert.isEmpty()) {
          undos.add(
              before.key().isEmpty()
                  ? new Undo(before, null, before.rows(), List.of())
                  : byKey(before, delete, insert));
        }
      }
      for (int i = undos.size() - 1; i >= 0; i--) {
        delete(connection, undos.get(i));
      }
      for (Undo undo : undos) {
        update(connection, undo.table(), undo.update());
        insert(connection, undo.table(), undo.insert());
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

  /**
   * Splits changes into rows to delete, insert, and update: a row whose key is on both sides was
   * updated and is written back in place, so rows referencing it keep their foreign keys valid.
   */
  private static Undo byKey(Table table, List<List<Object>> delete, List<List<Object>> insert) {
    Map<String, List<Object>> deleted = new LinkedHashMap<>();
    for (List<Object> row : delete) {
      deleted.put(key(table, row), row);
    }
    List<List<Object>> inserts = new ArrayList<>();
    List<List<Object>> updates = new ArrayList<>();
    for (List<Object> row : insert) {
      if (deleted.remove(key(table, row)) != null) {
        updates.add(row);
      } else {
        inserts.add(row);
      }
    }
    return new Undo(table, new ArrayList<>(deleted.values()), inserts, updates);
  }

  private static String key(Table table, List<Object> row) {
    List<Object> key = new ArrayList<>();
    for (int k : table.key()) {
      key.add(row.get(k));
    }
    return render(key);
  }

  private static void update(Connection connection, Table table, List<List<Object>> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    String q = connection.getMetaData().getIdentifierQuoteString().trim();
    StringBuilder sql = new StringBuilder("UPDATE ").append(table.qualified()).append(" SET ");
    List<Integer> set = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      if (!table.key().contains(c)) {
        sql.append(set.isEmpty() ? "" : ", ").append(q).append(table.columns().get(c)).append(q);
        sql.append(" = ?");
        set.add(c);
      }
    }
    if (set.isEmpty()) {
      return; // only key columns, and the key is unchanged
    }
    sql.append(" WHERE ").append(keyMatches(table, q));
    try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
      for (List<Object> row : rows) {
        int index = 1;
        for (int c : set) {
          ps.setObject(index++, row.get(c));
        }
        for (int k : table.key()) {
          ps.setObject(index++, row.get(k));
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** {@code "k1" = ? AND "k2" = ?} over the table's key columns, quoted with {@code q}. */
  private static String keyMatches(Table table, String q) {
    StringBuilder sql = new StringBuilder();
    for (int k = 0; k < table.key().size(); k++) {
      sql.append(k == 0 ? "" : " AND ")
          .append(q)
          .append(table.columns().get(table.key().get(k)))
          .append(q)
          .append(" = ?");
    }
    return sql.toString();
  }

  private static void delete(Connection connection, Undo undo) throws SQLException {
    Table table = undo.table();
    if (undo.delete() == null) {
      try (Statement st = connection.createStatement()) {
        st.executeUpdate("DELETE FROM " + table.qualified());
      }
      return;
    }
    if (undo.delete().isEmpty()) {
      return;
    }
    String q = connection.getMetaData().getIdentifierQuoteString().trim();
    String sql = "DELETE FROM " + table.qualified() + " WHERE " + keyMatches(table, q);
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (List<Object> row : undo.delete()) {
        for (int k = 0; k < table.key().size(); k++) {
          ps.setObject(k + 1, row.get(table.key().get(k)));
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void insert(Connection connection, Table table, List<List<Object>> rows)
      throws SQLException {
    if (rows.isEmpty()) {
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
      for (List<Object> row : rows) {
        for (int c = 0; c < row.size(); c++) {
          ps.setObject(c + 1, row.get(c));
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The rows of {@code a} not in {@code b}, as multisets (row order is not guaranteed). */
  private static List<List<Object>> minus(List<List<Object>> a, List<List<Object>> b) {
    Map<String, Integer> counts = new HashMap<>();
    for (List<Object> row : b) {
      counts.merge(render(row), 1, Integer::sum);
    }
    List<List<Object>> result = new ArrayList<>();
    for (List<Object> row : a) {
      String key = render(row);
      Integer count = counts.get(key);
      if (count == null || count == 0) {
        result.add(row);
      } else {
        counts.put(key, count - 1);
      }
    }
    return result;
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
