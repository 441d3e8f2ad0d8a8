package io.pactwire.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.core.ContractId;
import io.pactwire.core.PactFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One "test fork" for the fork-safety run. For each round it waits at a barrier (a ready file per
 * fork, in the round's folder) until all forks are there, then merges {@code count} distinct
 * interactions into the round's pact one at a time, as that many test classes would.
 *
 * <p>Write: {@code <dir> <forks> <fork> <count> <rounds>}. Check: {@code --check <dir> <forks>
 * <count> <rounds>} prints the totals and exits 1 if any interaction is missing.
 */
public final class ForkWriterMain {

  static final String PACT = "fork-consumer-fork-provider.json";

  private ForkWriterMain() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--check")) {
      int missing =
          check(
              Path.of(args[1]),
              Integer.parseInt(args[2]),
              Integer.parseInt(args[3]),
              Integer.parseInt(args[4]));
      System.exit(missing == 0 ? 0 : 1);
    }
    Path dir = Path.of(args[0]);
    int forks = Integer.parseInt(args[1]);
    int fork = Integer.parseInt(args[2]);
    int count = Integer.parseInt(args[3]);
    int rounds = Integer.parseInt(args[4]);
    ObjectMapper json = new ObjectMapper();
    ContractId contract = new ContractId("fork-consumer", "fork-provider");
    for (int round = 0; round < rounds; round++) {
      Path roundDir = dir.resolve("round-" + round);
      Files.createDirectories(roundDir);
      Files.writeString(roundDir.resolve("ready-" + fork), "");
      while (readyCount(roundDir) < forks) {
        Thread.onSpinWait();
        Thread.sleep(1);
      }
      for (int i = 0; i < count; i++) {
        String mapping =
            """
            {"request": {"method": "GET", "urlPath": "/forks/%d/items/%d"},
             "response": {"status": 200, "jsonBody": {"fork": %d, "item": %d}},
             "metadata": {"pact": {"description": "fork %d item %d"}}}
            """
                .formatted(fork, i, fork, i, fork, i);
        var converted =
            (StubConversion.Converted)
                StubConverter.newInstance().convert(json.readTree(mapping), "fork-" + fork);
        StubConverter.write(contract, List.of(converted), roundDir.resolve(PACT));
      }
    }
  }

  private static long readyCount(Path roundDir) throws Exception {
    try (Stream<Path> files = Files.list(roundDir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("ready-")).count();
    }
  }

  /** Returns the number of missing interactions over all rounds, printing a line per round. */
  static int check(Path dir, int forks, int count, int rounds) {
    int missingTotal = 0;
    for (int round = 0; round < rounds; round++) {
      Path pact = dir.resolve("round-" + round).resolve(PACT);
      Set<String> found = new HashSet<>();
      PactFiles.read(pact).getInteractions().forEach(i -> found.add(i.getDescription()));
      int missing = 0;
      for (int fork = 0; fork < forks; fork++) {
        for (int i = 0; i < count; i++) {
          if (!found.contains("fork " + fork + " item " + i)) {
            missing++;
          }
        }
      }
      missingTotal += missing;
      System.out.println(
          "round " + round + ": " + found.size() + " interactions, " + missing + " missing");
    }
    return missingTotal;
  }
}
