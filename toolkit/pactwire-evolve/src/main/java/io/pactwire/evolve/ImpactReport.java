package io.pactwire.evolve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.internal.JsonText;
import io.pactwire.evolve.internal.Md;
import io.pactwire.openapi.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a new version of a provider's document gives that the old one does not, by consumer.
 *
 * @param provider the provider
 * @param specs the new version's documents
 * @param baseSpecs the old version's documents; empty when none was given
 * @param pacts how many pacts with the provider were checked
 * @param consumers the consumers with new findings, by name
 * @since 0.1.0
 */
public record ImpactReport(
    String provider,
    List<String> specs,
    List<String> baseSpecs,
    int pacts,
    List<ConsumerImpact> consumers) {

  /**
   * One consumer's new findings.
   *
   * @param consumer the consumer
   * @param pact its pact file
   * @param findings the findings only the new version gives, in interaction order
   */
  public record ConsumerImpact(String consumer, String pact, List<Finding> findings) {
    /** Keeps an unmodifiable copy of the findings. */
    public ConsumerImpact {
      findings = List.copyOf(findings);
    }

    /** The findings by interaction description, in order. */
    public Map<String, List<Finding>> byInteraction() {
      Map<String, List<Finding>> out = new LinkedHashMap<>();
      for (Finding f : findings) {
        String name =
            f.mockDetails() == null || f.mockDetails().interactionDescription() == null
                ? ""
                : f.mockDetails().interactionDescription();
        out.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
      }
      return out;
    }
  }

  /** Sorts the consumers by name and keeps unmodifiable copies. */
  public ImpactReport {
    specs = List.copyOf(specs);
    baseSpecs = List.copyOf(baseSpecs);
    consumers =
        consumers.stream()
            .sorted(
                Comparator.comparing(ConsumerImpact::consumer).thenComparing(ConsumerImpact::pact))
            .toList();
  }

  /** True when any new finding is an error: the new version breaks a consumer. */
  public boolean breaks() {
    return consumers.stream().flatMap(c -> c.findings().stream()).anyMatch(Finding::isError);
  }

  private long interactions() {
    return consumers.stream().mapToLong(c -> c.byInteraction().size()).sum();
  }

  private String versions() {
    return String.join(", ", specs)
        + (baseSpecs.isEmpty() ? "" : " (against " + String.join(", ", baseSpecs) + ")");
  }

  private String summary() {
    if (consumers.isEmpty()) {
      return "no new findings in " + Md.count(pacts, "pact") + " with " + provider;
    }
    return Md.count(interactions(), "interaction")
        + " of "
        + Md.count(consumers.size(), "consumer")
        + " with new findings ("
        + (breaks() ? "errors: the change breaks them" : "warnings only")
        + ")";
  }

  /** By consumer and interaction, each finding with where it is in the pact and in the spec. */
  public String text() {
    StringBuilder b =
        new StringBuilder("impact of ")
            .append(versions())
            .append(" on ")
            .append(provider)
            .append('\n');
    for (ConsumerImpact c : consumers) {
      b.append('\n').append(c.consumer()).append(" (").append(c.pact()).append(")\n");
      for (var interaction : c.byInteraction().entrySet()) {
        b.append("  \"").append(interaction.getKey()).append("\"\n");
        for (Finding f : interaction.getValue()) {
          b.append("    ").append(f.type().label()).append("  ").append(f.code()).append('\n');
          b.append("      ").append(f.message()).append('\n');
          if (f.mockDetails() != null) {
            b.append("      pact: ").append(f.mockDetails().location()).append('\n');
          }
          if (f.specDetails() != null) {
            b.append("      spec: ").append(f.specDetails().location()).append('\n');
          }
        }
      }
    }
    b.append('\n').append(summary()).append('\n');
    return b.toString();
  }

  /** The report as a JSON object. */
  public String json() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("provider", provider);
    specs.forEach(root.withArray("specs")::add);
    baseSpecs.forEach(root.withArray("baseSpecs")::add);
    root.put("pacts", pacts);
    root.put("breaks", breaks());
    ArrayNode list = root.putArray("consumers");
    for (ConsumerImpact c : consumers) {
      ObjectNode o = list.addObject();
      o.put("consumer", c.consumer());
      o.put("pact", c.pact());
      ArrayNode fs = o.putArray("findings");
      for (Finding x : c.findings()) {
        ObjectNode n = fs.addObject();
        n.put("type", x.type().label());
        n.put("code", x.code());
        n.put("message", x.message());
        if (x.mockDetails() != null) {
          n.put("interaction", x.mockDetails().interactionDescription());
          n.put("pactLocation", x.mockDetails().location());
        }
        if (x.specDetails() != null) {
          n.put("specLocation", x.specDetails().location());
        }
      }
    }
    return JsonText.render(root);
  }

  /** A pull-request comment: the summary, then a table per consumer. */
  public String markdown() {
    StringBuilder b =
        new StringBuilder("### Impact of the spec change on ")
            .append(Md.cell(provider))
            .append("'s consumers\n\n");
    b.append(Md.code(String.join(", ", specs)));
    if (!baseSpecs.isEmpty()) {
      b.append(" against ").append(Md.code(String.join(", ", baseSpecs)));
    }
    b.append(": ")
        .append(consumers.isEmpty() ? "**no new findings**" : "**" + summary() + "**")
        .append(".\n");
    for (ConsumerImpact c : consumers) {
      b.append("\n#### ").append(Md.cell(c.consumer())).append("\n\n");
      b.append("| interaction | finding | message | pact | spec |\n|---|---|---|---|---|\n");
      for (Finding x : c.findings()) {
        b.append("| ")
            .append(
                Md.cell(x.mockDetails() == null ? "" : x.mockDetails().interactionDescription()))
            .append(" | ")
            .append(x.isError() ? "**error** " : x.type().label() + " ")
            .append(Md.code(x.code()))
            .append(" | ")
            .append(Md.cell(x.message()))
            .append(" | ")
            .append(Md.code(x.mockDetails() == null ? "" : x.mockDetails().location()))
            .append(" | ")
            .append(Md.code(x.specDetails() == null ? "" : x.specDetails().location()))
            .append(" |\n");
      }
    }
    return b.toString();
  }
}
