package io.pactwire.evolve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.PactReader;
import io.pactwire.evolve.EvolveException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Reads pacts (one file, or every {@code *.json} of a folder) into contracts, in parallel. */
public final class ContractStore {

  private ContractStore() {}

  /** The {@code *.json} entries directly in a folder, by name. */
  public static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new EvolveException(
          dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder"), null);
    }
    try (Stream<Path> s = Files.list(dir)) {
      // an entry named *.json that is not a file (a folder, a link to nothing) is kept, so that
      // reading it refuses it by name as every other command does, instead of passing it over
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new EvolveException(dir + ": cannot list: " + e.getMessage(), e);
    }
  }

  /**
   * The message for a store none of whose pacts names the provider (a misspelt name, say): the
   * providers its pacts do name, the first ten in order, so that the right one is at hand.
   */
  public static String noPactWith(String provider, Path dir, Collection<String> named) {
    List<String> names = new ArrayList<>(new TreeSet<>(named));
    String those =
        names.isEmpty()
            ? "it holds no pact"
            : "its pacts name "
                + String.join(", ", names.subList(0, Math.min(10, names.size())))
                + (names.size() > 10 ? " and " + (names.size() - 10) + " more" : "");
    return "no pact with provider '" + provider + "' in " + dir + " (" + those + ")";
  }

  /** Reads one checked pact; {@code display} turns the path into how messages name it. */
  public static Contract read(Path file, UnaryOperator<String> display) {
    return ContractReader.read(display.apply(file.toString()), tree(file, display));
  }

  /**
   * Reads one pact's tree, checked as every command checks a pact; {@code display} turns the path
   * into how messages name it.
   */
  public static JsonNode tree(Path file, UnaryOperator<String> display) {
    try {
      return PactReader.read(file);
    } catch (PactFileException e) {
      throw new EvolveException(display.apply(e.getMessage()), e);
    }
  }

  /** Reads one checked pact. */
  public static Contract read(Path file) {
    return read(file, UnaryOperator.identity());
  }

  /** Reads the files in parallel; the first bad file in name order is the one reported. */
  public static List<Contract> read(List<Path> files, UnaryOperator<String> display) {
    return map(files, display, c -> c);
  }

  /**
   * Reads the files in parallel and maps each contract as soon as it is read, so that a large store
   * is never held whole; null results are dropped. The first bad file in name order is the one
   * reported.
   */
  public static <T> List<T> map(
      List<Path> files, UnaryOperator<String> display, Function<Contract, T> mapping) {
    return map(files, display, mapping, null);
  }

  /**
   * As {@link #map(List, UnaryOperator, Function)}, reading each file through {@code cache} when
   * there is one.
   */
  public static <T> List<T> map(
      List<Path> files,
      UnaryOperator<String> display,
      Function<Contract, T> mapping,
      ContractCache cache) {
    return each(
        files,
        f -> mapping.apply(cache == null ? read(f, display) : cache.read(f, display).contract()));
  }

  /**
   * As {@link #map(List, UnaryOperator, Function, ContractCache)}, mapping what a usage report
   * reads of each pact, with the elements whose location {@code keep} accepts: read from a kept
   * entry without building the rest of the contract.
   */
  public static <T> List<T> mapFields(
      List<Path> files,
      UnaryOperator<String> display,
      Function<ContractFields, T> mapping,
      ContractCache cache,
      Predicate<String> keep) {
    // the arrays each thread reads entries into, for this call only
    Map<Thread, ContractCache.Buffers> buffers = new ConcurrentHashMap<>();
    return each(
        files,
        f ->
            mapping.apply(
                cache == null
                    ? ContractReader.fields(display.apply(f.toString()), tree(f, display), keep)
                    : cache.fields(
                        f,
                        display,
                        keep,
                        buffers.computeIfAbsent(
                            Thread.currentThread(), t -> new ContractCache.Buffers()))));
  }

  // applies read to each file in parallel, dropping null results; the first failure in the
  // files' order is the one thrown
  private static <T> List<T> each(List<Path> files, Function<Path, T> read) {
    List<T> out = new ArrayList<>(files.size());
    for (T t : Parallel.map(files, read)) {
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** Contracts by consumer and provider; two files for one pair are refused. */
  public static Map<String, Contract> byParties(List<Contract> contracts) {
    Map<String, Contract> out = new TreeMap<>();
    for (Contract c : contracts) {
      Contract other = out.putIfAbsent(c.key(), c);
      if (other != null) {
        throw new EvolveException(
            c.file()
                + ": a second pact for "
                + c.parties()
                + " (the first is "
                + other.file()
                + ")",
            null);
      }
    }
    return out;
  }
}
