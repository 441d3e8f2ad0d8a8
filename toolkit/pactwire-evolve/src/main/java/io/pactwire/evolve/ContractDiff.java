package io.pactwire.evolve;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.evolve.internal.Contract;
import io.pactwire.evolve.internal.ContractCache;
import io.pactwire.evolve.internal.ContractReader;
import io.pactwire.evolve.internal.ContractStore;
import io.pactwire.evolve.internal.Differ;
import io.pactwire.evolve.internal.GitRevision;
import io.pactwire.evolve.internal.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The semantic difference between two versions of pacts: two files, two folders of pacts, or the
 * pacts of a folder (or one pact) against a git revision.
 *
 * <pre>{@code
 * DiffReport report = ContractDiff.files(Path.of("old.json"), Path.of("new.json"));
 * System.out.print(report.markdown());
 * }</pre>
 *
 * <p>Interactions are matched by description and provider states; one whose request is unchanged
 * under a new description is reported as renamed. Neither key order nor interaction order is ever a
 * change. Files that are byte for byte the same are not read.
 *
 * @since 0.1.0
 */
public final class ContractDiff {

  private ContractDiff() {}

  /**
   * Compares two pact files, or two folders of pacts (paired by consumer and provider).
   *
   * @throws EvolveException naming the file and location of the first problem when a pact cannot be
   *     read, when two files are pacts of different contracts, or when one is a folder and the
   *     other a file
   */
  public static DiffReport files(Path before, Path after) {
    return files(before, after, null);
  }

  /**
   * As {@link #files(Path, Path)}; when {@code cache} is a folder, what is read of each pact of two
   * folders is kept there and read from there while the pact is unchanged.
   *
   * @throws EvolveException as {@link #files(Path, Path)}
   */
  public static DiffReport files(Path before, Path after, Path cache) {
    boolean beforeDir = Files.isDirectory(before);
    boolean afterDir = Files.isDirectory(after);
    if (beforeDir && afterDir) {
      ContractCache c = ContractCache.at(cache);
      return stores(before, after, before.toString(), UnaryOperator.identity(), c, c);
    }
    if (beforeDir != afterDir) {
      Path dir = beforeDir ? before : after;
      Path file = beforeDir ? after : before;
      if (!Files.exists(file)) {
        throw new EvolveException(file + ": no such file or folder", null);
      }
      throw new EvolveException(
          dir + " is a folder and " + file + " is not: compare two pacts or two folders", null);
    }
    Contract b = ContractStore.read(before);
    Contract a = ContractStore.read(after);
    if (!b.key().equals(a.key())) {
      throw new EvolveException(
          after
              + ": a pact between "
              + a.parties()
              + ", but "
              + before
              + " is between "
              + b.parties()
              + ": diff compares two versions of one contract",
          null);
    }
    return new DiffReport(before.toString(), after.toString(), 1, Differ.between(b, a));
  }

  /**
   * Compares a folder of pacts, or one pact, with the same path at a git revision (such as {@code
   * main} or {@code HEAD~1}) of the repository that holds it.
   *
   * @throws EvolveException for an unknown revision, a path outside a git repository, or a pact
   *     that cannot be read (named {@code REV:path} when it is the revision's)
   */
  public static DiffReport gitRevision(Path target, String ref) {
    return gitRevision(target, ref, null);
  }

  /**
   * As {@link #gitRevision(Path, String)}; when {@code cache} is a folder, what is read of the
   * folder's pacts (not the revision's) is kept there.
   *
   * @throws EvolveException as {@link #gitRevision(Path, String)}
   */
  public static DiffReport gitRevision(Path target, String ref, Path cache) {
    Path abs = target.toAbsolutePath().normalize();
    boolean dir = Files.isDirectory(abs);
    if (!dir && !Files.isRegularFile(abs)) {
      throw new EvolveException(target + ": no such file or folder", null);
    }
    Path folder = dir ? abs : abs.getParent();
    GitRevision revision = GitRevision.of(folder, ref);
    Map<String, byte[]> files = revision.files(dir ? null : abs.getFileName().toString());
    Path temp;
    try {
      temp = Files.createTempDirectory("pactwire-diff");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      GitRevision.write(files, temp);
      String tempText = temp.toString() + java.io.File.separator;
      String label = revision.label("");
      UnaryOperator<String> display = s -> s.replace(tempText, label);
      String beforeLabel = revision.label(dir ? "" : abs.getFileName().toString());
      if (dir) {
        return stores(temp, target, beforeLabel, display, null, ContractCache.at(cache));
      }
      Contract a = ContractStore.read(target);
      if (files.isEmpty()) {
        return new DiffReport(beforeLabel, target.toString(), 1, List.of(Differ.added(a)));
      }
      Contract b = ContractStore.read(temp.resolve(abs.getFileName().toString()), display);
      if (!b.key().equals(a.key())) {
        throw new EvolveException(
            target
                + ": a pact between "
                + a.parties()
                + ", but at "
                + ref
                + " between "
                + b.parties(),
            null);
      }
      return new DiffReport(beforeLabel, target.toString(), 1, Differ.between(b, a));
    } finally {
      delete(temp);
    }
  }

  private static DiffReport stores(
      Path before,
      Path after,
      String beforeLabel,
      UnaryOperator<String> display,
      ContractCache beforeCache,
      ContractCache afterCache) {
    List<Path> beforeFiles = new ArrayList<>();
    Set<Path> afterSet = new LinkedHashSet<>(ContractStore.files(after));
    List<Path> befores = ContractStore.files(before);
    // most files of two versions of a store are the same: compared byte for byte on both cores
    List<Boolean> same =
        Parallel.map(
            befores,
            b -> {
              Path a = after.resolve(b.getFileName().toString());
              return afterSet.contains(a) && sameBytes(b, a);
            });
    int identical = 0;
    for (int i = 0; i < befores.size(); i++) {
      Path b = befores.get(i);
      if (same.get(i)) {
        afterSet.remove(after.resolve(b.getFileName().toString()));
        identical++;
      } else {
        beforeFiles.add(b);
      }
    }
    List<Path> afterFiles = new ArrayList<>(afterSet);
    // A file of the same name on both sides is usually the same contract: the two are read and
    // compared together, and only the changes are kept, so that a store is never held whole.
    Map<String, Integer> afterIndex = new HashMap<>();
    for (int i = 0; i < afterFiles.size(); i++) {
      afterIndex.put(afterFiles.get(i).getFileName().toString(), i);
    }
    List<Task> tasks = new ArrayList<>();
    boolean[] paired = new boolean[afterFiles.size()];
    for (int i = 0; i < beforeFiles.size(); i++) {
      Integer j = afterIndex.get(beforeFiles.get(i).getFileName().toString());
      if (j != null) {
        paired[j] = true;
      }
      tasks.add(
          new Task(
              i, beforeFiles.get(i), j == null ? -1 : j, j == null ? null : afterFiles.get(j)));
    }
    for (int j = 0; j < afterFiles.size(); j++) {
      if (!paired[j]) {
        tasks.add(new Task(-1, null, j, afterFiles.get(j)));
      }
    }
    List<Done> done = Parallel.map(tasks, t -> t.run(display, beforeCache, afterCache));
    Side[] olds = new Side[beforeFiles.size()];
    Side[] news = new Side[afterFiles.size()];
    for (Done d : done) {
      if (d.task().beforeIndex() >= 0) {
        olds[d.task().beforeIndex()] = d.before();
      }
      if (d.task().afterIndex() >= 0) {
        news[d.task().afterIndex()] = d.after();
      }
    }
    // the same checks, in the same order, as reading each side whole: the first unreadable file
    // of the old side in name order, a second pact for one pair there, then the new side's
    Map<String, Side> oldByKey = byParties(olds);
    Map<String, Side> newByKey = byParties(news);
    TreeSet<String> keys = new TreeSet<>(oldByKey.keySet());
    keys.addAll(newByKey.keySet());
    List<Change> changes = new ArrayList<>();
    for (String key : keys) {
      Side b = oldByKey.get(key);
      Side a = newByKey.get(key);
      if (b == null) {
        changes.add(Differ.added(a.contract()));
      } else if (a == null) {
        changes.add(Differ.removed(b.contract()));
      } else if (b.changes() != null) {
        // compared with the file of the same name, which (one pact per pair) is this pair
        changes.addAll(b.changes());
      } else {
        changes.addAll(Differ.between(b.contract(), a.contract()));
      }
    }
    changes.sort(Comparator.comparing(Change::consumer).thenComparing(Change::provider));
    return new DiffReport(beforeLabel, after.toString(), identical + keys.size(), changes);
  }

  private static Map<String, Side> byParties(Side[] sides) {
    for (Side s : sides) {
      if (s.failure() != null) {
        throw s.failure();
      }
    }
    Map<String, Side> out = new TreeMap<>();
    for (Side s : sides) {
      Side other = out.putIfAbsent(s.key(), s);
      if (other != null) {
        throw new EvolveException(
            s.file()
                + ": a second pact for "
                + s.parties()
                + " (the first is "
                + other.file()
                + ")",
            null);
      }
    }
    return out;
  }

  /** One file of the old side, one of the new, or a file of the same name on each. */
  private record Task(int beforeIndex, Path before, int afterIndex, Path after) {

    Done run(UnaryOperator<String> display, ContractCache beforeCache, ContractCache afterCache) {
      Read b = before == null ? null : Read.of(before, display, beforeCache);
      Read a = after == null ? null : Read.of(after, UnaryOperator.identity(), afterCache);
      if (b != null
          && a != null
          && b.failure() == null
          && a.failure() == null
          && b.key().equals(a.key())) {
        // one contract: its changes are all that is kept, with its parties (for the checks); two
        // versions that hold the same interactions in another order are not read into contracts
        List<Change> changes =
            b.sameInteractions(a) ? new ArrayList<>() : Differ.between(b.contract(), a.contract());
        Side kept = new Side(b.file(), b.key(), b.parties(), null, null, changes);
        Side keptAfter = new Side(a.file(), a.key(), a.parties(), null, null, null);
        return new Done(this, kept, keptAfter);
      }
      return new Done(this, b == null ? null : b.side(), a == null ? null : a.side());
    }
  }

  private record Done(Task task, Side before, Side after) {}

  /**
   * One side's file as read and checked, before it is read into a contract; or why it cannot be.
   */
  private record Read(
      String file, JsonNode tree, ContractCache.Read cached, EvolveException failure) {

    static Read of(Path path, UnaryOperator<String> display, ContractCache cache) {
      String file = display.apply(path.toString());
      try {
        if (cache != null) {
          return new Read(file, null, cache.read(path, display), null);
        }
        return new Read(file, ContractStore.tree(path, display), null, null);
      } catch (EvolveException e) {
        return new Read(file, null, null, e);
      }
    }

    String consumer() {
      return cached != null ? cached.consumer() : ContractReader.consumer(tree);
    }

    String provider() {
      return cached != null ? cached.provider() : ContractReader.provider(tree);
    }

    String key() {
      return Contract.key(consumer(), provider());
    }

    String parties() {
      return Contract.parties(consumer(), provider());
    }

    Contract contract() {
      return cached != null ? cached.contract() : ContractReader.read(file, tree);
    }

    boolean sameInteractions(Read other) {
      if (cached != null && other.cached != null) {
        return cached.sameInteractions(other.cached);
      }
      if (tree != null && other.tree != null) {
        return ContractReader.sameInteractions(tree, other.tree);
      }
      return cached != null
          ? cached.sameInteractions(other.tree)
          : other.cached.sameInteractions(tree);
    }

    Side side() {
      if (failure != null) {
        return new Side(file, null, null, null, failure, null);
      }
      Contract c = contract();
      return new Side(c.file(), c.key(), c.parties(), c, null, null);
    }
  }

  /**
   * One side's file: its contract (or, once compared with the file of the same name, only the
   * changes), or why it cannot be read.
   */
  private record Side(
      String file,
      String key,
      String parties,
      Contract contract,
      EvolveException failure,
      List<Change> changes) {}

  private static boolean sameBytes(Path a, Path b) {
    try {
      return Files.size(a) == Files.size(b) && Files.mismatch(a, b) == -1;
    } catch (IOException e) {
      return false;
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is the system's to clear
    }
  }
}
