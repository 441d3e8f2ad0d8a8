package io.pactwire.evolve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.internal.JsonText;
import io.pactwire.evolve.internal.Md;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes between two versions of pacts, with the three ways to print them: text for a
 * terminal, JSON for tools, Markdown for a pull-request comment.
 *
 * @param before what the old side is, as the user named it (a file, a folder, {@code REV:path})
 * @param after what the new side is
 * @param contracts how many contracts were compared
 * @param changes the changes, by contract, interaction and location
 * @since 0.1.0
 */
public record DiffReport(String before, String after, int contracts, List<Change> changes) {

  /** Keeps an unmodifiable copy of the changes. */
  public DiffReport {
    changes = List.copyOf(changes);
  }

  /** True when any change is breaking for the provider. */
  public boolean breaksProvider() {
    return changes.stream().anyMatch(c -> c.forProvider() == Impact.BREAKING);
  }

  /** True when any change is breaking for the consumer. */
  public boolean breaksConsumer() {
    return changes.stream().anyMatch(c -> c.forConsumer() == Impact.BREAKING);
  }

  private String summary() {
    if (changes.isEmpty()) {
      return "no changes in " + Md.count(contracts, "contract");
    }
    long provider = changes.stream().filter(c -> c.forProvider() == Impact.BREAKING).count();
    long consumer = changes.stream().filter(c -> c.forConsumer() == Impact.BREAKING).count();
    long changed = changes.stream().map(c -> c.consumer() + "\n" + c.provider()).distinct().count();
    return Md.count(changes.size(), "change")
        + " in "
        // "in 1 of 4 contracts": the others were compared and did not change
        + (changed < contracts ? changed + " of " : "")
        + Md.count(contracts, "contract")
        + ": "
        + provider
        + " breaking for the provider, "
        + consumer
        + " breaking for the consumer";
  }

  private Map<String, List<Change>> byContract() {
    Map<String, List<Change>> out = new LinkedHashMap<>();
    for (Change c : changes) {
      out.computeIfAbsent(c.consumer() + " → " + c.provider(), k -> new java.util.ArrayList<>())
          .add(c);
    }
    return out;
  }

  /** One line per change under its contract and interaction, then a summary line. */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("diff ").append(before).append(" → ").append(after).append('\n');
    for (Map.Entry<String, List<Change>> contract : byContract().entrySet()) {
      b.append('\n').append(contract.getKey()).append('\n');
      String interaction = null;
      for (Change c : contract.getValue()) {
        if (!c.interaction().equals(interaction)) {
          interaction = c.interaction();
          if (!interaction.isEmpty()) {
            b.append("  \"").append(interaction).append("\"\n");
          }
        }
        b.append(interaction.isEmpty() ? "  " : "    ")
            .append(Md.pad(c.forProvider().label(), 9))
            .append(' ')
            .append(Md.pad(c.forConsumer().label(), 9))
            .append(' ')
            .append(Md.pad(c.kind().label(), 20));
        if (!c.location().isEmpty()) {
          b.append(' ').append(c.location());
        }
        String values = values(c);
        if (!values.isEmpty()) {
          b.append(c.location().isEmpty() ? " " : ": ").append(values);
        }
        b.append('\n');
      }
    }
    if (!changes.isEmpty()) {
      b.append("\n(columns: for the provider, for the consumer)\n");
    }
    b.append(summary()).append('\n');
    return b.toString();
  }

  private static String values(Change c) {
    if (!c.before().isEmpty() && !c.after().isEmpty()) {
      return c.before() + " → " + c.after();
    }
    return c.before().isEmpty() ? c.after() : "was " + c.before();
  }

  /** The report as a JSON object: both sides, counts and every change. */
  public String json() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("before", before);
    root.put("after", after);
    root.put("contracts", contracts);
    root.put("changeCount", changes.size());
    root.put(
        "breakingForProvider",
        changes.stream().filter(c -> c.forProvider() == Impact.BREAKING).count());
    root.put(
        "breakingForConsumer",
        changes.stream().filter(c -> c.forConsumer() == Impact.BREAKING).count());
    ArrayNode list = root.putArray("changes");
    for (Change c : changes) {
      ObjectNode o = list.addObject();
      o.put("consumer", c.consumer());
      o.put("provider", c.provider());
      o.put("interaction", c.interaction());
      o.put("kind", c.kind().name());
      o.put("location", c.location());
      o.put("before", c.before());
      o.put("after", c.after());
      o.put("forProvider", c.forProvider().label());
      o.put("forConsumer", c.forConsumer().label());
    }
    return JsonText.render(root);
  }

  /** A pull-request comment: a heading, the summary, one table per contract. */
  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("### Contract changes\n\n");
    b.append(Md.code(before)).append(" → ").append(Md.code(after)).append(": ");
    if (changes.isEmpty()) {
      b.append("**no changes** in ").append(Md.count(contracts, "contract")).append(".\n");
      return b.toString();
    }
    b.append(summary().replaceFirst("^(\\d+ changes?)", "**$1**")).append(".\n");
    for (Map.Entry<String, List<Change>> contract : byContract().entrySet()) {
      b.append("\n#### ").append(Md.cell(contract.getKey())).append("\n\n");
      b.append("| interaction | change | where | before | after | provider | consumer |\n");
      b.append("|---|---|---|---|---|---|---|\n");
      for (Change c : contract.getValue()) {
        b.append("| ")
            .append(Md.cell(c.interaction()))
            .append(" | ")
            .append(c.kind().label())
            .append(" | ")
            .append(Md.code(c.location()))
            .append(" | ")
            .append(Md.code(c.before()))
            .append(" | ")
            .append(Md.code(c.after()))
            .append(" | ")
            .append(impact(c.forProvider()))
            .append(" | ")
            .append(impact(c.forConsumer()))
            .append(" |\n");
      }
    }
    return b.toString();
  }

  private static String impact(Impact i) {
    return i == Impact.BREAKING ? "**breaking**" : i.label();
  }
}
