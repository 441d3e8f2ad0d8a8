package io.pactwire.provider.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pactwire.core.internal.report.Display;
import io.pactwire.provider.StateFixtureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One provider state's fixture file, and how to apply it to a database. */
public final class StateFixture {

  private static final List<String> EXTENSIONS = List.of(".sql", ".json", ".yaml", ".yml");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern PG_POSITION = Pattern.compile("Position: (\\d+)");

  private final Path file;
  private final String state;
  private final Map<String, Object> params;

  private StateFixture(Path file, String state, Map<String, Object> params) {
    this.file = file;
    this.state = state;
    this.params = params == null ? Map.of() : params;
  }

  /** Finds the fixture of a state in {@code folder}, failing when two files claim it. */
  public static Optional<StateFixture> find(Path folder, String state, Map<String, Object> params) {
    List<Path> found = new ArrayList<>();
    for (String extension : EXTENSIONS) {
      Path candidate = folder.resolve(state + extension);
      if (Files.isRegularFile(candidate)) {
        found.add(candidate);
      }
    }
    if (found.size() > 1) {
      throw new StateFixtureException(
          found.get(0),
          0,
          "state '"
              + state
              + "' has more than one fixture: "
              + found.stream().map(Display::path).toList()
              + "; keep one",
          null);
    }
    return found.stream().findFirst().map(f -> new StateFixture(f, state, params));
  }

  public Path file() {
    return file;
  }

  /** Applies the fixture in one transaction on {@code connection}; rolls back when it fails. */
  public void apply(Connection connection, InteractionRef ref) {
    try {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        if (file.getFileName().toString().endsWith(".sql")) {
          applySql(connection, ref);
        } else {
          applyRows(connection, ref);
        }
        connection.commit();
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw failure(0, "the database failed: " + e.getMessage(), e, ref);
    }
  }

  private void applySql(Connection connection, InteractionRef ref) {
    List<SqlScript.Statement> statements;
    try {
      statements = SqlScript.parse(read());
    } catch (SqlScript.SyntaxException e) {
      throw failure(e.line(), e.getMessage(), e, ref);
    }
    boolean postgres = isPostgres(connection);
    for (SqlScript.Statement statement : statements) {
      try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
        for (int i = 0; i < statement.parameters().size(); i++) {
          String name = statement.parameters().get(i);
          if (!params.containsKey(name)) {
            throw failure(
                statement.parameterLines().get(i),
                "parameter :" + name + " is not a param of the state; it has " + params.keySet(),
                null,
                ref);
          }
          bind(ps, i + 1, params.get(name), postgres);
        }
        ps.execute();
      } catch (SQLException e) {
        Matcher position = PG_POSITION.matcher(String.valueOf(e.getMessage()));
        int line =
            position.find()
                ? statement.lineAt(Integer.parseInt(position.group(1)))
                : statement.line();
        throw failure(line, firstLine(e.getMessage()), e, ref);
      }
    }
  }

  private void applyRows(Connection connection, InteractionRef ref) throws SQLException {
    ObjectMapper mapper = file.getFileName().toString().endsWith(".json") ? JSON : YAML;
    JsonFactory factory = mapper.getFactory();
    try (JsonParser parser = factory.createParser(read())) {
      parser.setCodec(mapper);
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw failure(
            line(parser),
            "a rows fixture is an object: {\"table\": [{\"column\": value}]}",
            null,
            ref);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String table = parser.currentName();
        if (parser.nextToken() != JsonToken.START_ARRAY) {
          throw failure(line(parser), "table '" + table + "' must hold a list of rows", null, ref);
        }
        Map<String, Integer> types = columnTypes(connection, table);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          int line = line(parser);
          JsonNode row = parser.readValueAsTree();
          insertRow(connection, table, row, types, line, ref);
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw failure(line, "malformed: " + e.getOriginalMessage(), e, ref);
    } catch (IOException e) {
      throw failure(0, "cannot read: " + e, e, ref);
    }
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }

  private void insertRow(
      Connection connection,
      String table,
      JsonNode row,
      Map<String, Integer> types,
      int line,
      InteractionRef ref) {
    List<String> columns = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      columns.add(field.getKey());
      values.add(substitute(field.getValue(), line, ref));
    }
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", columns)
            + ") VALUES ("
            + "?, ".repeat(Math.max(0, columns.size() - 1))
            + (columns.isEmpty() ? "" : "?")
            + ")";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        Integer type = types.get(columns.get(i).toLowerCase(Locale.ROOT));
        Object value = values.get(i);
        if (value == null) {
          ps.setNull(i + 1, type == null ? Types.NULL : type);
        } else if (type != null) {
          ps.setObject(i + 1, value, type == Types.BIT ? Types.BOOLEAN : type);
        } else {
          ps.setObject(i + 1, value);
        }
      }
      ps.execute();
    } catch (SQLException e) {
      throw failure(line, firstLine(e.getMessage()), e, ref);
    }
  }

  private static Map<String, Integer> columnTypes(Connection connection, String table)
      throws SQLException {
    Map<String, Integer> types = new HashMap<>();
    for (String name :
        List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs =
          connection
              .getMetaData()
              .getColumns(connection.getCatalog(), connection.getSchema(), name, "%")) {
        while (rs.next()) {
          types.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
        }
      }
      if (!types.isEmpty()) {
        break;
      }
    }
    return types;
  }

  /** Replaces {@code ${param}}: a whole-value placeholder keeps the param's type. */
  private Object substitute(JsonNode value, int line, InteractionRef ref) {
    if (value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      String text = value.asText();
      Matcher whole = PLACEHOLDER.matcher(text);
      if (whole.matches()) {
        return param(whole.group(1), line, ref);
      }
      Matcher m = PLACEHOLDER.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(
            out, Matcher.quoteReplacement(String.valueOf(param(m.group(1), line, ref))));
      }
      m.appendTail(out);
      return out.toString();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.asLong() : value.bigIntegerValue();
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return value.toString(); // objects and arrays go to JSON columns as text
  }

  private Object param(String name, int line, InteractionRef ref) {
    if (!params.containsKey(name)) {
      throw failure(
          line,
          "${" + name + "} is not a param of the state; it has " + params.keySet(),
          null,
          ref);
    }
    Object value = params.get(name);
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        return String.valueOf(value);
      }
    }
    return value;
  }

  private static void bind(PreparedStatement ps, int index, Object value, boolean postgres)
      throws SQLException {
    if (value == null) {
      ps.setObject(index, null);
    } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
      String json;
      try {
        json = JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        json = String.valueOf(value);
      }
      ps.setObject(index, json, postgres ? Types.OTHER : Types.VARCHAR);
    } else if (value instanceof String text && postgres) {
      // Untyped, so PostgreSQL infers the column's type: '12' binds to an integer, a uuid, a date.
      ps.setObject(index, text, Types.OTHER);
    } else {
      ps.setObject(index, value);
    }
  }

  private static boolean isPostgres(Connection connection) {
    try {
      return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    } catch (SQLException e) {
      return false;
    }
  }

  private String read() {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StateFixtureException(file, 0, "cannot read fixture " + Display.path(file), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline).strip();
  }

  private StateFixtureException failure(
      int line, String problem, Throwable cause, InteractionRef ref) {
    String at = Display.path(file) + (line > 0 ? ":" + line : "");
    return new StateFixtureException(
        file,
        line,
        "fixture " + at + " for state '" + state + "' failed: " + problem + ref.where(),
        cause);
  }

  /** Describes the parameters a fixture was applied with, for logs. */
  public Map<String, Object> params() {
    return new LinkedHashMap<>(params);
  }
}
