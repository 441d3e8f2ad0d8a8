package io.pactwire.evolve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.internal.JsonText;
import io.pactwire.evolve.internal.Md;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

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
      String pact) {

    /** Every component is required. */
    public Use {
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(part, "part");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(consumer, "consumer");
      Objects.requireNonNull(interaction, "interaction");
      Objects.requireNonNull(matcher, "matcher");
      Objects.requireNonNull(pact, "pact");
    }
  }

  /**
   * A response property of the OpenAPI document that no consumer reads.
   *
   * @param endpoint {@code GET /products/{sku}}
   * @param part {@code response 200}
   * @param field {@code body $.warehouse}; empty when no consumer expects the response at all
   */
  public record Unread(String endpoint, String part, String field) {}

  /** Sorts the entries (stable: equal entries keep their order) and keeps unmodifiable copies. */
  public UsageReport {
    uses = sorted(uses);
    unread =
        unread.stream()
            .sorted(
                Comparator.comparing(Unread::endpoint)
                    .thenComparing(Unread::part)
                    .thenComparing(Unread::field))
            .toList();
    uncalled = uncalled.stream().sorted().toList();
  }

  // the columns the uses are ordered by but the interaction, the last first
  private static final int CONSUMER = 0;
  private static final int FIELD = 1;
  private static final int PART = 2;
  private static final int ENDPOINT = 3;

  private static final Comparator<Use> BY_INTERACTION = Comparator.comparing(Use::interaction);

  /**
   * The uses by endpoint, part, field, consumer and interaction, stable. Each column's distinct
   * values are ranked once, compared only among themselves; the uses are then ordered by one
   * counting sort on each column's ranks, from the last column to the first, and where one
   * consumer's interactions use one field, those few uses by interaction. A store's million uses
   * are never compared with one another, and a counting sort keeps equal ones in their order.
   */
  private static List<Use> sorted(List<Use> uses) {
    int n = uses.size();
    // the columns are ranked on any core
    Use[] all = uses.toArray(new Use[0]);
    List<Ranks> ranks =
        IntStream.of(CONSUMER, FIELD, PART, ENDPOINT)
            .parallel()
            .mapToObj(c -> ranks(all, c))
            .toList();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] next = new int[n];
    for (Ranks column : ranks) {
      int[] rank = column.ofUse();
      // where each rank's uses start, then each use put in its place, in the order so far
      int[] start = new int[column.distinct() + 1];
      for (int p : order) {
        start[rank[p] + 1]++;
      }
      for (int r = 1; r < start.length; r++) {
        start[r] += start[r - 1];
      }
      for (int p : order) {
        next[start[rank[p]]++] = p;
      }
      int[] sortedSoFar = next;
      next = order;
      order = sortedSoFar;
    }
    Use[] out = new Use[n];
    for (int i = 0; i < n; i++) {
      out[i] = all[order[i]];
    }
    int[][] columns = ranks.stream().map(Ranks::ofUse).toArray(int[][]::new);
    // each run of uses equal in every other column, by interaction (stable)
    int from = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || !sameRanks(columns, order[i - 1], order[i])) {
        if (i - from > 1) {
          Arrays.sort(out, from, i, BY_INTERACTION);
        }
        from = i;
      }
    }
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  private static boolean sameRanks(int[][] columns, int a, int b) {
    for (int[] rank : columns) {
      if (rank[a] != rank[b]) {
        return false;
      }
    }
    return true;
  }

  /** Each use's rank in a column ({@code ofUse}), and how many distinct values the column has. */
  private record Ranks(int[] ofUse, int distinct) {}

  /** Each use's value of a column as its rank among the column's distinct values. */
  private static Ranks ranks(Use[] uses, int column) {
    // a store's uses share one string for each value, which the map finds at once
    Map<String, Integer> ids = new HashMap<>();
    List<String> distinct = new ArrayList<>();
    int[] out = new int[uses.length];
    // uses next to each other often share a value (a pact's consumer, an interaction's endpoint),
    // which is then looked up once
    String last = null;
    int lastId = -1;
    for (int i = 0; i < out.length; i++) {
      // a switch, not a function: four functions at one call site are a call the compiler
      // cannot inline
      String value =
          switch (column) {
            case CONSUMER -> uses[i].consumer();
            case FIELD -> uses[i].field();
            case PART -> uses[i].part();
            default -> uses[i].endpoint();
          };
      if (value != last) {
        Integer id = ids.get(value);
        if (id == null) {
          id = distinct.size();
          ids.put(value, id);
          distinct.add(value);
        }
        last = value;
        lastId = id;
      }
      out[i] = lastId;
    }
    Integer[] order = new Integer[distinct.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    Arrays.sort(order, Comparator.comparing(distinct::get));
    int[] rank = new int[order.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = rank[out[i]];
    }
    return new Ranks(out, order.length);
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

  private String heading() {
    // counted on any core, a slice of the uses at a time
    int n = uses.size();
    int slice = 1 << 15;
    List<Count> counts =
        IntStream.range(0, (n + slice - 1) / slice)
            .parallel()
            .mapToObj(c -> count(c * slice, Math.min(n, (c + 1) * slice)))
            .toList();
    long fields = 0;
    Set<String> consumers = new HashSet<>();
    for (Count c : counts) {
      fields += c.fields();
      consumers.addAll(c.consumers());
    }
    return provider
        + ": "
        + Md.count(fields, "field")
        + " used by "
        + Md.count(consumers.size(), "consumer")
        + " ("
        + Md.count(interactions, "interaction")
        + " in "
        + Md.count(pacts, "pact")
        + ")";
  }

  /** In a slice of the uses: how many start a field, and the consumers. */
  private record Count(long fields, Set<String> consumers) {}

  private Count count(int from, int to) {
    long fields = 0;
    Set<String> consumers = new HashSet<>();
    Use previous = from == 0 ? null : uses.get(from - 1);
    for (int i = from; i < to; i++) {
      Use u = uses.get(i);
      if (previous == null || !sameField(previous, u)) {
        fields++;
      }
      // the uses of one pact's consumer are often next to each other: added once
      if (previous == null || previous.consumer() != u.consumer()) {
        consumers.add(u.consumer());
      }
      previous = u;
    }
    return new Count(fields, consumers);
  }

  private static boolean sameField(Use a, Use b) {
    return a.field().equals(b.field())
        && a.part().equals(b.part())
        && a.endpoint().equals(b.endpoint());
  }

  /**
   * Endpoint, part, then one line per field and user; the text is the one written as UTF-8, so a
   * lone surrogate (half of a pair, which UTF-8 cannot hold) reads as {@code ?}.
   */
  public String text() {
    StringWriter out = new StringWriter();
    text(out);
    return out.toString();
  }

  /**
   * Writes {@link #text()} to {@code out} as it goes, without holding the whole text: a store's
   * report can run to a million lines.
   *
   * @throws UncheckedIOException when {@code out} fails
   */
  public void text(Writer out) {
    try {
      writeText((b, n) -> out.write(new String(b, 0, n, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@link #text()} to {@code out} in UTF-8 as it goes, without holding the whole text; the
   * text is encoded on any core, a batch of lines at a time, so that {@code out} (best buffered)
   * only copies bytes.
   *
   * @throws UncheckedIOException when {@code out} fails
   * @since 0.1.0
   */
  public void text(OutputStream out) {
    try {
      writeText((b, n) -> out.write(b, 0, n));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the text goes, a batch of lines at a time, as UTF-8. */
  private interface Chunks {
    void write(byte[] bytes, int length) throws IOException;
  }

  private void writeText(Chunks out) throws IOException {
    Utf8 head = new Utf8();
    head.append(heading()).append('\n');
    out.write(head.bytes, head.size);
    // The uses are formatted a batch of endpoints at a time, the batch's endpoints on any core, and
    // written in order: a store's million lines take a fraction of one core's time, and no more
    // than a batch of them is held.
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    // a batch ends at the first endpoint that starts 2048 uses or more after the batch's start
    int n = uses.size();
    for (int i = 2048; i < n; i += 2048) {
      while (i < n && uses.get(i - 1).endpoint().equals(uses.get(i).endpoint())) {
        i++;
      }
      if (i < n) {
        starts.add(i);
      }
    }
    starts.add(uses.size());
    // each distinct string of the uses encoded once on each core; one buffer for each batch of a
    // round, used again in the next round: the text is copied once, to be written
    // (kept by thread for this call only: nothing of it stays with the pool's threads)
    Map<Thread, Map<String, byte[]>> encoded = new ConcurrentHashMap<>();
    Utf8[] batches = new Utf8[32];
    for (int first = 0; first + 1 < starts.size(); first += batches.length) {
      int round = first;
      int end = Math.min(first + batches.length, starts.size() - 1);
      IntStream.range(round, end)
          .parallel()
          .forEach(
              k -> {
                Utf8 b = batches[k - round];
                if (b == null) {
                  b = batches[k - round] = new Utf8();
                }
                b.size = 0;
                b.encoded =
                    encoded.computeIfAbsent(Thread.currentThread(), t -> new IdentityHashMap<>());
                lines(b, starts.get(k), starts.get(k + 1));
              });
      for (int k = round; k < end; k++) {
        out.write(batches[k - round].bytes, batches[k - round].size);
      }
    }
    Utf8 b = new Utf8();
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
    if (b.size > 0) {
      out.write(b.bytes, b.size);
    }
  }

  /**
   * Text as UTF-8, made by copying bytes: each string is encoded the first time it is appended and
   * kept by identity, as the uses of a store share one string for each distinct value but the
   * interaction's description, which the uses of one interaction share.
   */
  private static final class Utf8 {
    byte[] bytes = new byte[1 << 16];
    int size;
    Map<String, byte[]> encoded = new IdentityHashMap<>();

    Utf8 append(String s) {
      byte[] b = encoded.get(s);
      if (b == null) {
        b = s.getBytes(StandardCharsets.UTF_8);
        encoded.put(s, b);
      }
      return append(b);
    }

    Utf8 append(byte[] b) {
      room(b.length);
      System.arraycopy(b, 0, bytes, size, b.length);
      size += b.length;
      return this;
    }

    // an ASCII character
    Utf8 append(char c) {
      room(1);
      bytes[size++] = (byte) c;
      return this;
    }

    private void room(int n) {
      if (size + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
      }
    }
  }

  // the padding of a field's column to its 28 characters and the space after it, appended at once
  private static final byte[][] PADDING =
      IntStream.rangeClosed(0, 29)
          .mapToObj(n -> " ".repeat(n).getBytes(StandardCharsets.US_ASCII))
          .toArray(byte[][]::new);

  private static final byte[] INDENT = "    ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OPEN = " \"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BETWEEN = "\" (".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CLOSE = ")\n".getBytes(StandardCharsets.US_ASCII);

  // uses[from, to), which starts with an endpoint's first use
  private void lines(Utf8 b, int from, int to) {
    // the uses are sorted, so endpoints, parts and fields are runs of equal values
    Use previous = null;
    for (int i = from; i < to; i++) {
      Use u = uses.get(i);
      boolean newEndpoint = previous == null || !previous.endpoint().equals(u.endpoint());
      boolean newPart = newEndpoint || !previous.part().equals(u.part());
      boolean newField = newPart || !previous.field().equals(u.field());
      if (newEndpoint) {
        b.append('\n').append(u.endpoint()).append('\n');
      }
      if (newPart) {
        b.append("  ").append(u.part()).append('\n');
      }
      b.append(INDENT);
      // the field's column is 28 characters wide, counted in characters, not bytes
      int width = 0;
      if (newField) {
        b.append(u.field());
        width = u.field().length();
      }
      b.append(PADDING[Math.max(0, 28 - width) + 1])
          .append(u.consumer())
          .append(OPEN)
          .append(u.interaction())
          .append(BETWEEN)
          .append(u.matcher())
          .append(CLOSE);
      previous = u;
    }
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
    b.append(heading().substring(provider.length() + 2)).append(".\n\n");
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
