package io.pactwire.store.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.internal.JsonText;
import io.pactwire.store.CanIDeployResult;
import io.pactwire.store.Change;
import io.pactwire.store.Matrix;
import io.pactwire.store.MatrixRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The matrix, can-i-deploy and changed pacts as text, JSON and Markdown. */
public final class Formats {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final String[] HEADINGS = {
    "CONSUMER", "VERSION", "PROVIDER", "VERSION", "PACT", "RESULT", "REASON"
  };

  private Formats() {}

  // ----------------------------------------------------------------------------- can-i-deploy

  public static String text(CanIDeployResult result) {
    StringBuilder out = new StringBuilder();
    if (!result.rows().isEmpty()) {
      out.append(table(result.rows())).append('\n');
    }
    return out.append(result.deployable() ? "yes: " : "no: ")
        .append(result.summary())
        .append('\n')
        .toString();
  }

  public static String json(CanIDeployResult result) {
    ObjectNode root = NODES.objectNode();
    root.put("pacticipant", result.pacticipant());
    root.put("version", result.version());
    if (result.target().isLatest()) {
      root.put("latest", true);
    } else {
      root.put("environment", result.target().environment());
    }
    root.put("deployable", result.deployable());
    root.put("summary", result.summary());
    rows(root.putArray("rows"), result.rows());
    return JsonText.render(root);
  }

  public static String markdown(CanIDeployResult result) {
    StringBuilder out = new StringBuilder();
    out.append("### ")
        .append(result.deployable() ? "✅ " : "❌ ")
        .append(escape(result.summary()))
        .append("\n\n");
    if (!result.rows().isEmpty()) {
      out.append(markdownTable(result.rows()));
    }
    return out.toString();
  }

  // ----------------------------------------------------------------------------------- matrix

  public static String text(Matrix matrix) {
    StringBuilder out = new StringBuilder();
    if (matrix.rows().isEmpty()) {
      out.append("no rows\n");
    } else {
      out.append(table(matrix.rows()));
    }
    if (matrix.truncated() > 0) {
      out.append("(").append(matrix.truncated()).append(" more rows: raise --limit to see them)\n");
    }
    return out.toString();
  }

  public static String json(Matrix matrix) {
    ObjectNode root = NODES.objectNode();
    rows(root.putArray("rows"), matrix.rows());
    root.put("truncated", matrix.truncated());
    return JsonText.render(root);
  }

  public static String markdown(Matrix matrix) {
    StringBuilder out = new StringBuilder();
    if (matrix.rows().isEmpty()) {
      out.append("No rows.\n");
    } else {
      out.append(markdownTable(matrix.rows()));
    }
    if (matrix.truncated() > 0) {
      out.append("\n").append(matrix.truncated()).append(" more rows not shown.\n");
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------- changed

  public static String text(List<Change> changes) {
    if (changes.isEmpty()) {
      return "no pact changed: no provider must verify again\n";
    }
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"PROVIDER", "CONSUMER", "PACT FILE", "CHANGE"});
    for (Change c : changes) {
      lines.add(
          new String[] {
            c.provider(),
            c.consumer(),
            c.pactFile(),
            c.before() == null ? "new " + c.after() : c.before() + " -> " + c.after()
          });
    }
    List<String> providers = providers(changes);
    return align(lines)
        + "\n"
        + providers.size()
        + (providers.size() == 1 ? " provider" : " providers")
        + " must verify again: "
        + String.join(", ", providers)
        + "\n";
  }

  public static String names(List<Change> changes) {
    StringBuilder out = new StringBuilder();
    providers(changes).forEach(p -> out.append(p).append('\n'));
    return out.toString();
  }

  public static String json(List<Change> changes) {
    ObjectNode root = NODES.objectNode();
    ArrayNode providers = root.putArray("providers");
    providers(changes).forEach(providers::add);
    ArrayNode pacts = root.putArray("changes");
    for (Change c : changes) {
      ObjectNode o = pacts.addObject();
      o.put("provider", c.provider());
      o.put("consumer", c.consumer());
      o.put("pactFile", c.pactFile());
      if (c.before() != null) {
        o.put("before", c.before().hash());
      } else {
        o.putNull("before");
      }
      o.put("after", c.after().hash());
    }
    return JsonText.render(root);
  }

  private static List<String> providers(List<Change> changes) {
    return changes.stream().map(Change::provider).distinct().sorted().toList();
  }

  // ------------------------------------------------------------------------------------ parts

  private static void rows(ArrayNode array, List<MatrixRow> rows) {
    for (MatrixRow r : rows) {
      ObjectNode o = array.addObject();
      o.put("consumer", r.consumer());
      o.put("consumerVersion", r.consumerVersion());
      o.put("provider", r.provider());
      o.put("providerVersion", r.providerVersion());
      o.put("pactVersion", r.pactVersion() == null ? null : r.pactVersion().hash());
      o.put("status", r.status().name().toLowerCase(Locale.ROOT));
      o.put("verifiedAt", r.verifiedAt() == null ? null : r.verifiedAt().toString());
      o.put("allowed", r.allowed());
      o.put("reason", r.reason());
    }
  }

  private static String[] cells(MatrixRow r) {
    return new String[] {
      r.consumer(),
      dash(r.consumerVersion()),
      r.provider(),
      dash(r.providerVersion()),
      r.pactVersion() == null ? "-" : r.pactVersion().shortHash(),
      r.status().name().toLowerCase(Locale.ROOT),
      r.reason()
    };
  }

  private static String table(List<MatrixRow> rows) {
    List<String[]> lines = new ArrayList<>();
    lines.add(HEADINGS);
    rows.forEach(r -> lines.add(cells(r)));
    return align(lines);
  }

  private static String align(List<String[]> lines) {
    int columns = lines.get(0).length;
    int[] width = new int[columns];
    for (String[] line : lines) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] line : lines) {
      StringBuilder l = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        l.append(line[i]);
        if (i < columns - 1) {
          l.append(" ".repeat(width[i] - line[i].length() + 2));
        }
      }
      out.append(l.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static String markdownTable(List<MatrixRow> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| Consumer | Version | Provider | Version | Pact | Result | Reason |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (MatrixRow r : rows) {
      String[] cells = cells(r);
      cells[5] = (r.allowed() ? "✅ " : "❌ ") + cells[5];
      out.append("|");
      for (String cell : cells) {
        out.append(' ').append(escape(cell)).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String dash(String value) {
    return value == null ? "-" : value;
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
