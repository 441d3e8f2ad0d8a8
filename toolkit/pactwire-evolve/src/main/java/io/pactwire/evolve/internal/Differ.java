package io.pactwire.evolve.internal;

import io.pactwire.evolve.Change;
import io.pactwire.evolve.Change.Kind;
import io.pactwire.evolve.Impact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The semantic changes between two versions of one contract. Interactions are paired by kind,
 * description and provider states, then by description alone (the states changed), then by an
 * identical request (the description changed); values are compared by location, so that neither the
 * order of keys nor the order of interactions is ever a change.
 */
public final class Differ {

  private static final Impact B = Impact.BREAKING;
  private static final Impact R = Impact.RELAXING;
  private static final Impact N = Impact.NONE;

  private final String consumer;
  private final String provider;
  private final List<Change> out = new ArrayList<>();

  private Differ(String consumer, String provider) {
    this.consumer = consumer;
    this.provider = provider;
  }

  /** A contract that only the new side has. */
  public static Change added(Contract c) {
    return new Change(c.consumer(), c.provider(), "", Kind.CONTRACT_ADDED, "", "", count(c), B, R);
  }

  /** A contract that only the old side has. */
  public static Change removed(Contract c) {
    return new Change(
        c.consumer(), c.provider(), "", Kind.CONTRACT_REMOVED, "", count(c), "", R, B);
  }

  private static String count(Contract c) {
    int n = c.interactions().size();
    return n + (n == 1 ? " interaction" : " interactions");
  }

  /** The changes from {@code before} to {@code after}, two versions of one contract. */
  public static List<Change> between(Contract before, Contract after) {
    if (same(before.interactions(), after.interactions())) {
      return new ArrayList<>();
    }
    Differ d = new Differ(after.consumer(), after.provider());
    d.contract(before.interactions(), after.interactions());
    return d.out;
  }

  /**
   * True when both sides hold the same interactions, whatever their order, each told apart by its
   * kind, description and provider states: each then pairs with its equal and no change is found. A
   * store's files that differ only in order cost this, not the ordering by content.
   */
  private static boolean same(List<ContractInteraction> before, List<ContractInteraction> after) {
    if (before.size() != after.size()) {
      return false;
    }
    Map<String, ContractInteraction> olds = new HashMap<>();
    for (ContractInteraction o : before) {
      if (olds.put(key(o), o) != null) {
        return false;
      }
    }
    Map<String, ContractInteraction> news = new HashMap<>();
    for (ContractInteraction n : after) {
      String k = key(n);
      ContractInteraction o = olds.get(k);
      if (o == null
          || news.put(k, n) != null
          || !o.kind().equals(n.kind())
          || !o.description().equals(n.description())
          || !o.states().equals(n.states())
          || !o.parts().equals(n.parts())) {
        return false;
      }
    }
    return true;
  }

  private static String key(ContractInteraction i) {
    return i.kind() + "\u0000" + i.description() + "\u0000" + i.states().keySet();
  }

  private record Pair(ContractInteraction before, ContractInteraction after) {
    String description() {
      return after != null ? after.description() : before.description();
    }
  }

  private void contract(List<ContractInteraction> before, List<ContractInteraction> after) {
    // each interaction's content as text, made once: sorting would otherwise make it per comparison
    Map<ContractInteraction, String> content = new IdentityHashMap<>();
    before.forEach(i -> content.put(i, content(i)));
    after.forEach(i -> content.put(i, content(i)));
    List<ContractInteraction> olds = new ArrayList<>(before);
    List<ContractInteraction> news = new ArrayList<>(after);
    // identical interactions under the same key pair first, so duplicates pair by content
    olds.sort(Comparator.comparing(content::get));
    news.sort(Comparator.comparing(content::get));
    List<Pair> pairs = new ArrayList<>();
    pair(olds, news, pairs, Differ::key, false);
    pair(olds, news, pairs, i -> i.kind() + "\u0000" + i.description(), true);
    // renamed: the same request and provider states (two interactions of one request told apart
    // by their states, both renamed), then the same request alone
    pair(olds, news, pairs, i -> request(i) + i.states().keySet(), true);
    pair(olds, news, pairs, Differ::request, true);
    olds.forEach(o -> pairs.add(new Pair(o, null)));
    news.forEach(n -> pairs.add(new Pair(null, n)));
    pairs.sort(
        Comparator.comparing(Pair::description)
            .thenComparing(p -> p.before() == null ? "" : content.get(p.before()))
            .thenComparing(p -> p.after() == null ? "" : content.get(p.after())));
    for (Pair p : pairs) {
      interaction(p.before(), p.after());
    }
  }

  /**
   * Pairs interactions with equal keys; with {@code uniqueOnly}, only keys that one interaction on
   * each side has.
   */
  private static void pair(
      List<ContractInteraction> olds,
      List<ContractInteraction> news,
      List<Pair> pairs,
      java.util.function.Function<ContractInteraction, String> key,
      boolean uniqueOnly) {
    Map<String, List<ContractInteraction>> byKey = new LinkedHashMap<>();
    for (ContractInteraction o : olds) {
      byKey.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o);
    }
    Map<String, Integer> newCounts = new HashMap<>();
    if (uniqueOnly) {
      news.forEach(n -> newCounts.merge(key.apply(n), 1, Integer::sum));
    }
    List<ContractInteraction> unpairedNew = new ArrayList<>();
    for (ContractInteraction n : news) {
      String k = key.apply(n);
      List<ContractInteraction> candidates = byKey.get(k);
      boolean ok =
          candidates != null
              && !candidates.isEmpty()
              && (!uniqueOnly || (candidates.size() == 1 && newCounts.get(k) == 1));
      if (ok) {
        pairs.add(new Pair(candidates.remove(0), n));
      } else {
        unpairedNew.add(n);
      }
    }
    olds.clear();
    byKey.values().forEach(olds::addAll);
    news.clear();
    news.addAll(unpairedNew);
  }

  /** What identifies an interaction's request: the parts the consumer sends, or a message's all. */
  private static String request(ContractInteraction i) {
    StringBuilder b = new StringBuilder(i.kind()).append('\u0000');
    for (Part p : i.parts()) {
      if (p.fromConsumer() || i.kind().equals("message")) {
        b.append(p.name()).append(p.elements().values()).append('\u0000');
      }
    }
    if (i.kind().equals("message")) {
      b.append(i.states());
    }
    return b.toString();
  }

  private static String content(ContractInteraction i) {
    StringBuilder b = new StringBuilder(i.description()).append('\u0000').append(i.states());
    for (Part p : i.parts()) {
      b.append(p.name()).append(p.elements().values());
    }
    return b.toString();
  }

  private void interaction(ContractInteraction before, ContractInteraction after) {
    if (before == null) {
      add(after.description(), Kind.INTERACTION_ADDED, "", "", after.summary(), B, R);
      return;
    }
    if (after == null) {
      add(before.description(), Kind.INTERACTION_REMOVED, "", before.summary(), "", R, B);
      return;
    }
    String name = after.description();
    if (!before.description().equals(after.description())) {
      add(name, Kind.INTERACTION_RENAMED, "", before.description(), after.description(), N, N);
    }
    for (String state : new TreeSet<>(before.states().keySet())) {
      if (!after.states().containsKey(state)) {
        add(name, Kind.STATE_REMOVED, "provider state", quoted(state), "", R, N);
      }
    }
    for (Map.Entry<String, String> state : after.states().entrySet()) {
      String old = before.states().get(state.getKey());
      if (old == null) {
        add(name, Kind.STATE_ADDED, "provider state", "", quoted(state.getKey()), B, N);
      } else if (!old.equals(state.getValue())) {
        add(
            name,
            Kind.STATE_PARAMS_CHANGED,
            "provider state " + quoted(state.getKey()),
            old,
            state.getValue(),
            N,
            N);
      }
    }
    for (Part b : before.parts()) {
      Part a = after.part(b.name());
      if (a == null) {
        add(name, Kind.REMOVED, b.name(), "present", "", R, B);
      } else {
        part(name, b, a);
      }
    }
    for (Part a : after.parts()) {
      if (before.part(a.name()) == null) {
        add(name, Kind.ADDED, a.name(), "", "present", B, R);
      }
    }
  }

  private void part(String interaction, Part before, Part after) {
    if (before.elements().equals(after.elements())) {
      return; // equal elements: no location, type, matcher, bound or example differs
    }
    boolean request = after.fromConsumer();
    TreeSet<String> locations = new TreeSet<>(Differ::compareLocations);
    locations.addAll(before.elements().keySet());
    locations.addAll(after.elements().keySet());
    // an array compared item by item whose items changed: the change is the array's, reported
    // once there, not again for the items' shared location ($.tags[*]) below it
    List<String> changedArrays = new ArrayList<>();
    for (String location : locations) {
      Element b = before.elements().get(location);
      Element a = after.elements().get(location);
      if (b != null
          && a != null
          && b.type().equals("array")
          && a.type().equals("array")
          && b.example() != null
          && a.example() != null
          && !b.example().equals(a.example())) {
        changedArrays.add(location + "[*]");
      }
    }
    for (String location : locations) {
      if (changedArrays.stream().anyMatch(location::startsWith)) {
        continue;
      }
      Element b = before.elements().get(location);
      Element a = after.elements().get(location);
      String where = after.name() + " " + location;
      if (b == null) {
        if (!after.elements().containsKey(parent(location))
            || before.elements().containsKey(parent(location))) {
          add(interaction, Kind.ADDED, where, "", summary(a), B, request ? B : R);
        }
      } else if (a == null) {
        if (!before.elements().containsKey(parent(location))
            || after.elements().containsKey(parent(location))) {
          add(interaction, Kind.REMOVED, where, summary(b), "", request ? B : R, request ? R : B);
        }
      } else {
        element(interaction, where, request, b, a);
      }
    }
  }

  private void element(String interaction, String where, boolean request, Element b, Element a) {
    boolean numbers = isNumber(b.type()) && isNumber(a.type()) && looseNumber(a.matcher());
    if (!b.type().equals(a.type()) && !numbers) {
      add(interaction, Kind.TYPE_CHANGED, where, b.type(), a.type(), B, B);
    }
    String bm = b.matcher() == null ? "equality" : b.matcher().text();
    String am = a.matcher() == null ? "equality" : a.matcher().text();
    if (!bm.equals(am)) {
      Strictness s = strictness(b.matcher(), a.matcher());
      add(interaction, Kind.MATCHER_CHANGED, where, bm, am, s, request);
    }
    if (!Objects.equals(b.min(), a.min())) {
      Strictness s =
          b.min() == null || (a.min() != null && a.min() > b.min())
              ? Strictness.STRICTER
              : Strictness.LOOSER;
      add(interaction, Kind.MIN_CHANGED, where, text(b.min()), text(a.min()), s, request);
    }
    if (!Objects.equals(b.max(), a.max())) {
      Strictness s =
          a.max() != null && (b.max() == null || a.max() < b.max())
              ? Strictness.STRICTER
              : Strictness.LOOSER;
      add(interaction, Kind.MAX_CHANGED, where, text(b.max()), text(a.max()), s, request);
    }
    if (!Objects.equals(b.example(), a.example())) {
      if (a.matcher() == null && b.matcher() == null) {
        add(interaction, Kind.VALUE_CHANGED, where, b.example(), a.example(), B, B);
      } else {
        add(interaction, Kind.EXAMPLE_CHANGED, where, b.example(), a.example(), N, N);
      }
    }
  }

  private static boolean isNumber(String type) {
    return type.equals("integer") || type.equals("number");
  }

  private static boolean looseNumber(Matcher m) {
    return m != null && (m.kind().equals("type") || m.kind().equals("number"));
  }

  private enum Strictness {
    STRICTER,
    LOOSER,
    DIFFERENT
  }

  /** How the new matcher compares with the old: type admits most, equality least. */
  private static Strictness strictness(Matcher before, Matcher after) {
    String b = before == null ? "equality" : before.kind();
    String a = after == null ? "equality" : after.kind();
    if (b.equals(a)) {
      return Strictness.DIFFERENT;
    }
    if (a.equals("equality") || b.equals("type")) {
      return Strictness.STRICTER;
    }
    if (b.equals("equality") || a.equals("type")) {
      return Strictness.LOOSER;
    }
    if (b.equals("number") && (a.equals("integer") || a.equals("decimal"))) {
      return Strictness.STRICTER;
    }
    if (a.equals("number") && (b.equals("integer") || b.equals("decimal"))) {
      return Strictness.LOOSER;
    }
    return Strictness.DIFFERENT;
  }

  private void add(
      String interaction,
      Kind kind,
      String where,
      String before,
      String after,
      Strictness s,
      boolean request) {
    switch (s) {
      // a stricter response: the provider must do more, an old consumer is fine; a stricter
      // request: the provider sees less, an old consumer may send what is no longer allowed
      case STRICTER ->
          add(interaction, kind, where, before, after, request ? R : B, request ? B : R);
      case LOOSER -> add(interaction, kind, where, before, after, request ? B : R, request ? R : B);
      default -> add(interaction, kind, where, before, after, B, B);
    }
  }

  private void add(
      String interaction,
      Kind kind,
      String where,
      String before,
      String after,
      Impact forProvider,
      Impact forConsumer) {
    out.add(
        new Change(
            consumer,
            provider,
            interaction,
            kind,
            where,
            before == null ? "" : before,
            after == null ? "" : after,
            forProvider,
            forConsumer));
  }

  private static String summary(Element e) {
    StringBuilder b = new StringBuilder(e.type());
    b.append(", ").append(e.matcherText());
    if (e.min() != null) {
      b.append(", min ").append(e.min());
    }
    if (e.max() != null) {
      b.append(", max ").append(e.max());
    }
    if (e.example() != null && e.matcher() == null) {
      b.append(", ").append(e.example());
    }
    return b.toString();
  }

  private static String text(Integer n) {
    return n == null ? "none" : n.toString();
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }

  /** The location of a body value's parent: {@code body $.a} for {@code body $.a.b}. */
  static String parent(String location) {
    if (!location.startsWith("body $") || location.equals("body $")) {
      return "";
    }
    String path = location.substring(5);
    if (path.endsWith("[*]")) {
      return "body " + path.substring(0, path.length() - 3);
    }
    if (path.endsWith("']")) {
      int open = path.lastIndexOf("['");
      return "body " + path.substring(0, open);
    }
    return "body " + path.substring(0, path.lastIndexOf('.'));
  }

  private static int rank(String location) {
    int space = location.indexOf(' ');
    String head = space < 0 ? location : location.substring(0, space);
    return switch (head) {
      case "method" -> 0;
      case "path" -> 1;
      case "query" -> 2;
      case "status" -> 3;
      case "header" -> 4;
      case "metadata" -> 5;
      default -> 6;
    };
  }

  /** Method, path, query, status, headers, metadata, then the body in path order. */
  static int compareLocations(String a, String b) {
    int r = Integer.compare(rank(a), rank(b));
    return r != 0 ? r : a.compareTo(b);
  }
}
