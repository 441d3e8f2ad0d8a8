package io.pactwire.evolve;

import io.pactwire.core.internal.JsonPath;
import io.pactwire.evolve.internal.ContractCache;
import io.pactwire.evolve.internal.ContractFields;
import io.pactwire.evolve.internal.ContractFields.InteractionFields;
import io.pactwire.evolve.internal.ContractFields.PartFields;
import io.pactwire.evolve.internal.ContractStore;
import io.pactwire.evolve.internal.SpecFields;
import io.pactwire.openapi.SpecException;
import io.pactwire.openapi.internal.SpecDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Who uses which field of a provider: for every field of every request and response (and message)
 * the provider's pacts hold, the consumers, interactions and matchers that depend on it; with an
 * OpenAPI document, the response properties no consumer reads.
 *
 * <pre>{@code
 * UsageReport report =
 *     FieldUsage.newInstance()
 *         .pacts(Path.of("pacts"))
 *         .provider("inventory-service")
 *         .openApi(Path.of("openapi.yaml"))
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FieldUsage {

  private FieldUsage() {}

  /** Starts a builder. */
  public static Builder newInstance() {
    return new Builder();
  }

  /** Builds a {@link UsageReport}. */
  public static final class Builder {
    private Path pacts;
    private String provider;
    private String path;
    private String field;
    private Path openApi;
    private Path cache;
    // the names of the parts with a status, by part name and status, for the whole store
    private final Map<String, Map<String, String>> partNames = new ConcurrentHashMap<>();
    // the endpoints by method and path, for the whole store
    private final Map<String, Map<String, String>> endpoints = new ConcurrentHashMap<>();

    private Builder() {}

    /** The folder of pacts to read (its {@code *.json} files). */
    public Builder pacts(Path pacts) {
      this.pacts = pacts;
      return this;
    }

    /** The provider whose fields are reported. */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /**
     * Only this request path: a template such as {@code /products/{sku}} or a literal path; a
     * message's description for messages.
     */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /** Only this field (a JSON path such as {@code $.price}, with its children) or header. */
    public Builder field(String field) {
      this.field = field;
      return this;
    }

    /**
     * The provider's OpenAPI document: its templates name endpoints, its unread properties are
     * listed.
     */
    public Builder openApi(Path openApi) {
      this.openApi = openApi;
      return this;
    }

    /**
     * Keeps what is read of each pact in this folder and reads it from there while the pact is
     * unchanged; null (the default) reads every pact from its file.
     */
    public Builder cache(Path cache) {
      this.cache = cache;
      return this;
    }

    /**
     * Reads the pacts (and the document) and reports.
     *
     * @throws EvolveException naming the file and location when a pact or the document cannot be
     *     read
     */
    public UsageReport build() {
      if (pacts == null || provider == null) {
        throw new IllegalStateException("pacts and provider are required");
      }
      if (field != null && field.startsWith("$")) {
        field = bodyField(field, field);
      } else if (field != null && field.contains("[")) {
        // a body field written without its root ("items[0].sku"), which no header name is
        field = bodyField("$." + field, field);
      }
      SpecFields spec = null;
      if (openApi != null) {
        try {
          spec = SpecFields.of(SpecDocument.read(openApi).tree());
        } catch (SpecException e) {
          throw new EvolveException(e.getMessage(), e);
        }
      }
      SpecFields fields = spec;
      // A store repeats its endpoints, parts, fields, matchers and consumers in every pact: one
      // string each for the whole store, as the uses outlive the contracts, and a report compares
      // them (equal strings then are the same string, which compares at once).
      Map<String, String> shared = new ConcurrentHashMap<>();
      // the providers the store's pacts name, for the message when none is this one
      Set<String> providers = ConcurrentHashMap.newKeySet();
      // each pact is reduced to its uses as soon as it is read: a large store is never held whole
      List<Collected> perPact =
          ContractStore.mapFields(
              ContractStore.files(pacts),
              UnaryOperator.identity(),
              c -> {
                if (c.provider().equals(provider)) {
                  return collect(c, fields, shared);
                }
                providers.add(c.provider());
                return null;
              },
              ContractCache.at(cache),
              // what names an endpoint and a part, and the fields asked for
              location ->
                  field == null
                      || location.equals("method")
                      || location.equals("path")
                      || location.equals("status")
                      || selected(location));
      if (perPact.isEmpty()) {
        throw new EvolveException(ContractStore.noPactWith(provider, pacts, providers), null);
      }
      Collected all = new Collected();
      int uses = 0;
      for (Collected c : perPact) {
        uses += c.uses.size();
      }
      all.uses.ensureCapacity(uses);
      for (Collected c : perPact) {
        all.uses.addAll(c.uses);
        c.read.forEach(
            (endpoint, byStatus) ->
                byStatus.forEach(
                    (status, paths) ->
                        all.read
                            .computeIfAbsent(endpoint, k -> new HashMap<>())
                            .computeIfAbsent(status, k -> new HashSet<>())
                            .addAll(paths)));
        all.called.addAll(c.called);
        all.interactions += c.interactions;
        all.onPath += c.onPath;
        all.otherPaths.addAll(c.otherPaths);
      }
      if (path != null && all.onPath == 0 && !inSpec(spec)) {
        // an empty report would say that nothing of a mistyped path is used
        List<String> others = List.copyOf(all.otherPaths);
        throw new EvolveException(
            "--path '"
                + path
                + "': no interaction of the pacts with provider '"
                + provider
                + "' is on it"
                + (spec == null ? "" : ", and the OpenAPI document has no such path")
                + (others.isEmpty()
                    ? ""
                    : "; their paths and messages: "
                        + String.join(", ", others.subList(0, Math.min(others.size(), 10)))
                        + (others.size() > 10 ? ", … (" + others.size() + ")" : "")),
            null);
      }
      UsageReport report = usage(perPact.size(), all, spec);
      if (field != null && report.uses().isEmpty() && report.unread().isEmpty()) {
        // an empty report would say that a mistyped field is used by no one, safe to remove
        throw new EvolveException(
            "--field '"
                + field
                + "': no interaction of the pacts with provider '"
                + provider
                + "'"
                + (path == null ? "" : " on " + path)
                + " has it"
                + (spec == null
                    ? ""
                    : ", nor has a response of the OpenAPI document that they call such a property"),
            null);
      }
      return report;
    }

    // whether the OpenAPI document has the path asked for: a path no consumer calls is a question
    private boolean inSpec(SpecFields spec) {
      if (spec == null) {
        return false;
      }
      Pattern pathPattern = SpecFields.pattern(path);
      // a template, or a concrete path of one (under a server's path or base path too)
      return spec.operations().stream()
          .anyMatch(
              op ->
                  path.equals(op.template())
                      || pathPattern.matcher(op.template()).matches()
                      || spec.operation(op.method(), path) != null);
    }

    /**
     * A body field as the report writes its locations: {@code $['meta']} is {@code $.meta}, and an
     * array's items share one location, so {@code $.items[0].sku} is {@code $.items[*].sku}.
     */
    private static String bodyField(String path, String field) {
      JsonPath parsed =
          JsonPath.tryParse(path)
              .orElseThrow(
                  () -> new EvolveException("--field '" + field + "': not a JSON path", null));
      List<JsonPath.Segment> segments = new ArrayList<>();
      for (JsonPath.Segment s : parsed.segments()) {
        segments.add(s instanceof JsonPath.Index ? new JsonPath.AnyIndex() : s);
      }
      return new JsonPath(segments).toString();
    }

    /** What one pact says about the provider's fields. */
    private static final class Collected {
      final ArrayList<UsageReport.Use> uses = new ArrayList<>();
      final Map<String, Map<String, Set<String>>> read = new HashMap<>();
      final Set<String> called = new HashSet<>();
      // with --path: the interactions on it, and the paths of the others, for the message when
      // none is on it
      int onPath;
      final Set<String> otherPaths = new TreeSet<>();
      int interactions;
    }

    private Collected collect(ContractFields c, SpecFields spec, Map<String, String> shared) {
      Pattern pathPattern = path == null ? null : SpecFields.pattern(path);
      Collected out = new Collected();
      List<UsageReport.Use> uses = out.uses;
      Map<String, Map<String, Set<String>>> read = out.read;
      Set<String> called = out.called;
      String consumer = one(shared, c.consumer());
      for (InteractionFields i : c.interactions()) {
        out.interactions++;
        String endpoint;
        String template = null;
        if (i.kind().equals("HTTP")) {
          SpecFields.Operation op = spec == null ? null : spec.operation(i.method(), i.path());
          template = op == null ? i.path() : op.template();
          endpoint = endpoint(i.method(), template);
          if (op != null) {
            called.add(op.endpoint());
          }
          if (pathPattern != null
              && !pathPattern.matcher(i.path()).matches()
              && !path.equals(template)) {
            out.otherPaths.add(template);
            continue;
          }
        } else {
          endpoint = one(shared, i.kind() + " \"" + i.description() + "\"");
          if (path != null && !path.equals(i.description())) {
            out.otherPaths.add("\"" + i.description() + "\"");
            continue;
          }
        }
        out.onPath++;
        String status = i.kind().equals("HTTP") ? i.status() : null;
        // the response a consumer expects, whether or not it reads a field asked for: without it,
        // a --field no consumer reads would not be listed as unread
        Set<String> readHere =
            spec == null || status == null
                ? null
                : read.computeIfAbsent(endpoint, x -> new HashMap<>())
                    .computeIfAbsent(status, x -> new HashSet<>());
        for (PartFields p : i.parts()) {
          String part = null; // named at its first field used: most parts of a --field have none
          List<String> locations = p.locations();
          for (int k = 0; k < locations.size(); k++) {
            String location = locations.get(k);
            if (!isField(location) || !selected(location)) {
              continue;
            }
            if (part == null) {
              part =
                  status != null && !p.fromConsumer()
                      ? withStatus(p, status)
                      : one(shared, p.name());
            }
            uses.add(
                new UsageReport.Use(
                    endpoint,
                    part,
                    one(shared, location),
                    consumer,
                    i.description(),
                    one(shared, p.matchers().get(k)),
                    c.file()));
            // what is read is compared with the document's properties only
            if (readHere != null && !p.fromConsumer() && location.startsWith("body ")) {
              readHere.add(location.substring("body ".length()));
            }
          }
        }
      }
      return out;
    }

    // "GET /products/{sku}": one string for each method and path, made once
    private String endpoint(String method, String path) {
      return joined(endpoints, method, path);
    }

    // "response 200": one string for each part name and status, made once
    private String withStatus(PartFields p, String status) {
      return joined(partNames, p.name(), status);
    }

    // first + " " + second, made once for the store and kept in made (by first, then second)
    private static String joined(
        Map<String, Map<String, String>> made, String first, String second) {
      Map<String, String> bySecond = made.get(first);
      if (bySecond == null) {
        bySecond = new ConcurrentHashMap<>();
        Map<String, String> earlier = made.putIfAbsent(first, bySecond);
        bySecond = earlier == null ? bySecond : earlier;
      }
      String name = bySecond.get(second);
      if (name == null) {
        name = first + " " + second;
        String earlier = bySecond.putIfAbsent(second, name);
        name = earlier == null ? name : earlier;
      }
      return name;
    }

    private static String one(Map<String, String> shared, String s) {
      String earlier = shared.get(s);
      if (earlier != null) {
        return earlier;
      }
      earlier = shared.putIfAbsent(s, s);
      return earlier == null ? s : earlier;
    }

    private UsageReport usage(int pactCount, Collected all, SpecFields spec) {
      Pattern pathPattern = path == null ? null : SpecFields.pattern(path);
      List<UsageReport.Use> uses = all.uses;
      Map<String, Map<String, Set<String>>> read = all.read;
      Set<String> called = all.called;
      int interactions = all.interactions;
      List<UsageReport.Unread> unread = new ArrayList<>();
      List<String> uncalled = new ArrayList<>();
      if (spec != null) {
        for (SpecFields.Operation op : spec.operations()) {
          if (path != null
              && !path.equals(op.template())
              && !pathPattern.matcher(op.template()).matches()) {
            continue;
          }
          if (!called.contains(op.endpoint())) {
            uncalled.add(op.endpoint());
          }
        }
        for (SpecFields.Response r : spec.responses()) {
          String endpoint = r.operation().endpoint();
          if (!called.contains(endpoint)
              || (path != null
                  && !path.equals(r.operation().template())
                  && !pathPattern.matcher(r.operation().template()).matches())) {
            continue;
          }
          Map<String, Set<String>> byStatus = read.getOrDefault(endpoint, Map.of());
          if (byStatus.keySet().stream().noneMatch(st -> SpecFields.covers(r.status(), st))) {
            // no consumer expects this response at all: one entry, not one per property
            if (field == null) {
              unread.add(new UsageReport.Unread(endpoint, "response " + r.status(), ""));
            }
            continue;
          }
          for (String p : r.paths()) {
            if (field != null && !matchesField(p)) {
              continue;
            }
            boolean isRead = false;
            for (Map.Entry<String, Set<String>> reads : byStatus.entrySet()) {
              if (SpecFields.covers(r.status(), reads.getKey())) {
                for (String q : reads.getValue()) {
                  isRead |= q.equals(p) || q.startsWith(p + ".") || q.startsWith(p + "[");
                }
              }
            }
            if (!isRead) {
              unread.add(new UsageReport.Unread(endpoint, "response " + r.status(), "body " + p));
            }
          }
        }
      }
      return new UsageReport(
          provider,
          pactCount,
          interactions,
          openApi == null ? null : openApi.toString(),
          uses,
          unread,
          uncalled);
    }

    private static boolean isField(String l) {
      // a switch compares the location's (kept) hash before any text: asked of every element
      switch (l) {
        case "method", "path", "status", "body $":
          return false;
        default:
          return true;
      }
    }

    // whether the element at this location is one of the fields asked for
    private boolean selected(String location) {
      if (field == null) {
        return true;
      }
      if (location.startsWith("body ")) {
        return matchesField(location.substring(5));
      }
      int name = location.indexOf(' ') + 1;
      return location.equalsIgnoreCase(field)
          || location.regionMatches(true, name, field, 0, field.length())
              && location.length() - name == field.length();
    }

    // whether a body path is the field asked for or below it
    private boolean matchesField(String p) {
      String f = field.startsWith("$") ? field : "$." + field;
      return p.startsWith(f)
          && (p.length() == f.length()
              || p.charAt(f.length()) == '.'
              || p.charAt(f.length()) == '[');
    }
  }
}
