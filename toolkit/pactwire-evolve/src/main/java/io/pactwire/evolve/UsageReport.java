package io.pactwire.evolve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.internal.JsonText;
import io.pactwire.evolve.internal.Md;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which consumers depend on which fields of a provider, and (with an OpenAPI document) which
 * response properties none of them reads.
 *
 * @param provider the provider
 * @param pacts how many pacts with the provider were read
 * @param interactions how many interactions they hold
 * @param openApi the document the endpoints were named from, or null
 * @param uses one entry per field, consumer and interaction, sorted
 * @param unread response properties of the document that no consumer reads: safe to remove as far
 *     as the pacts know
 * @param uncalled operations of the document that no consumer calls
 * @since 0.1.0
 */
public record UsageReport(
    String provider,
    int pacts,
    int interactions,
    String openApi,
    List<Use> uses,
    List<Unread> unread,
    List<String> uncalled) {

  /**
   * One interaction's dependence on one field.
   *
   * @param endpoint {@code GET /products/{sku}}, or {@code message "a StockChanged event"}
   * @param part {@code request}, {@code response 200}, {@code message}
   * @param field {@code body $.price}, {@code header content-type}, {@code query page}
   * @param consumer the consumer
   * @param interaction the interaction's description
   * @param matcher the matcher that holds the field ({@code equality} when none)
   * @param pact the pact file
   */
  public record Use(
      String endpoint,
      String part,
      String field,
      String consumer,
      String interaction,
      String matcher,
      String pact) {}

  /**
   * A response property of the OpenAPI document that no consumer reads.
   *
   * @param endpoint {@code GET /products/{sku}}
   * @param part {@code response 200}
   * @param field {@code body $.warehouse}; empty when no consumer expects the response at all
   */
  public record Unread(String endpoint, String part, String field) {}

  private static final Comparator<Use> ORDER =
      Comparator.comparing(Use::endpoint)
          .thenComparing(Use::part)
          .thenComparing(Use::field)
          .thenComparing(Use::consumer)
          .thenComparing(Use::interaction);

  /** Sorts the entries and keeps unmodifiable copies. */
  public UsageReport {
    uses = uses.stream().sorted(ORDER).toList();
    unread =
        unread.stream()
            .sorted(
                Comparator.comparing(Unread::endpoint)
                    .thenComparing(Unread::part)
                    .thenComparing(Unread::field))
            .toList();
    uncalled = uncalled.stream().sorted().toList();
  }

  /** The consumers that use any field, sorted. */
  public List<String> consumers() {
    TreeSet<String> names = new TreeSet<>();
    uses.forEach(u -> names.add(u.consumer()));
    return List.copyOf(names);
  }

  private Map<String, Map<String, Map<String, List<Use>>>> tree() {
    Map<String, Map<String, Map<String, List<Use>>>> out = new LinkedHashMap<>();
    for (Use u : uses) {
      out.computeIfAbsent(u.endpoint(), k -> new LinkedHashMap<>())
          .computeIfAbsent(u.part(), k -> new LinkedHashMap<>())
          .computeIfAbsent(u.field(), k -> new ArrayList<>())
          .add(u);
    }
    return out;
  }

  private String heading(Map<String, Map<String, Map<String, List<Use>>>> tree) {
    return provider
        + ": "
        + Md.count(
            tree.values().stream().flatMap(p -> p.values().stream()).mapToLong(Map::size).sum(),
            "field")
        + " used by "
        + Md.count(consumers().size(), "consumer")
        + " ("
        + Md.count(interactions, "interaction")
        + " in "
        + Md.count(pacts, "pact")
        + ")";
  }

  /** Endpoint, part, then one line per field and user. */
  public String text() {
    var tree = tree();
    StringBuilder b = new StringBuilder(heading(tree)).append('\n');
    for (var endpoint : tree.entrySet()) {
      b.append('\n').append(endpoint.getKey()).append('\n');
      for (var part : endpoint.getValue().entrySet()) {
        b.append("  ").append(part.getKey()).append('\n');
        for (var field : part.getValue().entrySet()) {
          boolean first = true;
          for (Use u : field.getValue()) {
            b.append("    ")
                .append(Md.pad(first ? field.getKey() : "", 28))
                .append(' ')
                .append(u.consumer())
                .append(" \"")
                .append(u.interaction())
                .append("\" (")
                .append(u.matcher())
                .append(")\n");
            first = false;
          }
        }
      }
    }
    if (openApi != null) {
      b.append('\n');
      if (unread.isEmpty() && uncalled.isEmpty()) {
        b.append("Every response property of ").append(openApi).append(" is read by a consumer.\n");
      } else {
        b.append("Not used by any consumer (safe to remove as far as the pacts know), from ")
            .append(openApi)
            .append(":\n");
        for (String op : uncalled) {
          b.append("  ").append(op).append(": no consumer calls it\n");
        }
        for (Unread u : unread) {
          b.append("  ")
              .append(u.endpoint())
              .append("  ")
              .append(u.part())
              .append("  ")
              .append(u.field().isEmpty() ? "(no consumer expects this response)" : u.field())
              .append('\n');
        }
      }
    }
    return b.toString();
  }

  /** The report as a JSON object. */
  public String json() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("provider", provider);
    root.put("pacts", pacts);
    root.put("interactions", interactions);
    ArrayNode consumers = root.putArray("consumers");
    consumers().forEach(consumers::add);
    ArrayNode fields = root.putArray("fields");
    var tree = tree();
    for (var endpoint : tree.entrySet()) {
      for (var part : endpoint.getValue().entrySet()) {
        for (var field : part.getValue().entrySet()) {
          ObjectNode o = fields.addObject();
          o.put("endpoint", endpoint.getKey());
          o.put("part", part.getKey());
          o.put("field", field.getKey());
          ArrayNode users = o.putArray("usedBy");
          for (Use u : field.getValue()) {
            users
                .addObject()
                .put("consumer", u.consumer())
                .put("interaction", u.interaction())
                .put("matcher", u.matcher())
                .put("pact", u.pact());
          }
        }
      }
    }
    if (openApi != null) {
      root.put("openApi", openApi);
      ArrayNode un = root.putArray("unread");
      for (Unread u : unread) {
        un.addObject().put("endpoint", u.endpoint()).put("part", u.part()).put("field", u.field());
      }
      ArrayNode nc = root.putArray("uncalled");
      uncalled.forEach(nc::add);
    }
    return JsonText.render(root);
  }

  /** A pull-request comment: one table of fields and users, one of what no consumer reads. */
  public String markdown() {
    var tree = tree();
    StringBuilder b =
        new StringBuilder("### Field usage: ").append(Md.cell(provider)).append("\n\n");
    b.append(heading(tree).substring(provider.length() + 2)).append(".\n\n");
    if (!uses.isEmpty()) {
      b.append("| endpoint | part | field | used by | matchers |\n");
      b.append("|---|---|---|---|---|\n");
      for (var endpoint : tree.entrySet()) {
        for (var part : endpoint.getValue().entrySet()) {
          for (var field : part.getValue().entrySet()) {
            List<String> users = new ArrayList<>();
            TreeSet<String> matchers = new TreeSet<>();
            for (Use u : field.getValue()) {
              users.add(u.consumer() + " (" + u.interaction() + ")");
              matchers.add(u.matcher());
            }
            b.append("| ")
                .append(Md.code(endpoint.getKey()))
                .append(" | ")
                .append(Md.cell(part.getKey()))
                .append(" | ")
                .append(Md.code(field.getKey()))
                .append(" | ")
                .append(Md.cell(String.join(", ", users)))
                .append(" | ")
                .append(String.join(", ", matchers.stream().map(Md::code).toList()))
                .append(" |\n");
          }
        }
      }
    }
    if (openApi != null) {
      b.append("\n#### Not used by any consumer\n\n");
      if (unread.isEmpty() && uncalled.isEmpty()) {
        b.append("Every response property of ")
            .append(Md.code(openApi))
            .append(" is read by a consumer.\n");
      } else {
        b.append("Safe to remove as far as the pacts know (from ")
            .append(Md.code(openApi))
            .append("):\n\n");
        b.append("| endpoint | part | field |\n|---|---|---|\n");
        for (String op : uncalled) {
          b.append("| ").append(Md.code(op)).append(" | (no consumer calls it) | |\n");
        }
        for (Unread u : unread) {
          b.append("| ")
              .append(Md.code(u.endpoint()))
              .append(" | ")
              .append(Md.cell(u.part()))
              .append(" | ")
              .append(u.field().isEmpty() ? "(no consumer expects it)" : Md.code(u.field()))
              .append(" |\n");
        }
      }
    }
    return b.toString();
  }
}
