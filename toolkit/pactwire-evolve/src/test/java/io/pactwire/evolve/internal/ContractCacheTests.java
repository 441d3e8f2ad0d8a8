package io.pactwire.evolve.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.PactReader;
import io.pactwire.evolve.EvolveException;
import io.pactwire.evolve.internal.ContractCache.Source;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractCacheTests {

  @TempDir Path temp;

  private static final String PACT =
      """
      {"consumer": {"name": "c"}, "provider": {"name": "p"},
       "metadata": {"pactSpecification": {"version": "4.0"}},
       "interactions": [%s, %s]}
      """;

  private Path write(String name, String text) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static List<Path> entries(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  // Every pact of the corpora, read the first time (from the file) and the second (from the
  // entry), is the contract read without a cache; files that are not pacts fail alike.
  @Test
  void everyCorpusPactReadsAsWithoutTheCacheTheFirstTimeAndTheNext() throws IOException {
    Path corpora = Corpora.require(".", "the evolve cache over the corpora's pacts");
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpora)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    ContractCache cache = ContractCache.at(temp.resolve("cache"));
    // one thread's arrays for every entry, of every size, one after the other
    ContractCache.Buffers buffers = new ContractCache.Buffers();
    int pacts = 0;
    for (Path file : files) {
      Contract expected;
      try {
        expected = ContractStore.read(file);
      } catch (EvolveException e) {
        assertThatThrownBy(() -> cache.read(file, UnaryOperator.identity()))
            .isInstanceOf(EvolveException.class)
            .hasMessage(e.getMessage());
        continue;
      }
      pacts++;
      ContractCache.Read first = cache.read(file, UnaryOperator.identity());
      ContractCache.Read second = cache.read(file, UnaryOperator.identity());
      // what a usage report reads, with a filter: the elements it keeps, and only those (here
      // about half of them), read from the entry as from the contract
      Predicate<String> keep = location -> (location.hashCode() & 1) == 0;
      assertThat(second.fields(keep))
          .as(file.toString())
          .isEqualTo(ContractFields.of(expected, keep))
          .isEqualTo(first.fields(keep));
      assertThat(second.fields(location -> true))
          .as(file.toString())
          .isEqualTo(ContractFields.of(expected, location -> true));
      assertThat(cache.fields(file, UnaryOperator.identity(), keep, buffers))
          .as(file.toString())
          .isEqualTo(ContractFields.of(expected, keep));
      assertThat(first.contract()).as(file.toString()).isEqualTo(expected);
      assertThat(second.contract()).as(file.toString()).isEqualTo(expected);
      assertThat(second.consumer()).isEqualTo(expected.consumer());
      assertThat(second.provider()).isEqualTo(expected.provider());
      assertThat(second.sameInteractions(first)).isTrue();
    }
    assertThat(pacts).isGreaterThan(50);
    assertThat(entries(cache.dir())).hasSize(pacts);
  }

  // the fingerprints say what the trees say, for every pair of the corpora's pacts of a folder
  @Test
  void fingerprintsAgreeWithTheTreesOverTheCorpora() throws IOException {
    Path corpora = Corpora.require(".", "fingerprints over the corpora's pacts");
    List<JsonNode> trees = new ArrayList<>();
    try (Stream<Path> s = Files.walk(corpora)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode tree;
        try {
          tree = PactReader.read(p);
        } catch (PactFileException e) {
          continue; // not a pact
        }
        trees.add(tree);
        // the same pact with its interactions and messages in the opposite order
        ObjectNode reversed = tree.deepCopy();
        for (String list : List.of("interactions", "messages")) {
          if (reversed.get(list) instanceof ArrayNode entries && entries.size() > 1) {
            List<JsonNode> items = new ArrayList<>();
            entries.forEach(items::add);
            Collections.reverse(items);
            entries.removeAll();
            entries.addAll(items);
          }
        }
        trees.add(reversed);
      }
    }
    assertThat(trees).hasSizeGreaterThan(100);
    List<long[]> prints = trees.stream().map(ContractCache::fingerprint).toList();
    int same = 0;
    for (int i = 0; i < trees.size(); i++) {
      for (int j = i; j < trees.size(); j++) {
        boolean byTrees = ContractReader.sameInteractions(trees.get(i), trees.get(j));
        boolean byPrints = Arrays.equals(prints.get(i), prints.get(j));
        assertThat(byPrints).as("%d %d", i, j).isEqualTo(byTrees);
        same += byPrints ? 1 : 0;
      }
    }
    // each pact and its reversed copy at least
    assertThat(same).isGreaterThanOrEqualTo(trees.size() / 2 * 3);
  }

  @Test
  void interactionsReorderedAreTheSameAndAMatcherChangedIsNot() throws IOException {
    ContractCache cache = ContractCache.at(temp.resolve("cache"));
    Path before =
        write("before.json", PACT.formatted(ContractReaderTests.FIRST, ContractReaderTests.SECOND));
    Path reordered =
        write(
            "reordered.json",
            PACT.formatted(ContractReaderTests.SECOND, ContractReaderTests.FIRST_REORDERED));
    Path changed =
        write(
            "changed.json",
            PACT.formatted(
                ContractReaderTests.SECOND,
                ContractReaderTests.FIRST.replace("\"type\"", "\"integer\"")));
    // read twice: the second from the entries
    for (int round = 0; round < 2; round++) {
      ContractCache.Read b = cache.read(before, UnaryOperator.identity());
      assertThat(b.sameInteractions(cache.read(reordered, UnaryOperator.identity()))).isTrue();
      assertThat(b.sameInteractions(cache.read(changed, UnaryOperator.identity()))).isFalse();
      assertThat(b.sameInteractions(PactReader.read(reordered))).isTrue();
      assertThat(b.sameInteractions(PactReader.read(changed))).isFalse();
    }
  }

  // what a usage report reads of an entry: where each interaction goes, and each element's matcher
  // as a reader sees it, one applied by cascade named so
  @Test
  void anEntryReadsAsTheFieldsAUsageReportReads() throws IOException {
    String items =
        """
        {"type": "Synchronous/HTTP", "description": "items",
         "request": {"method": "POST", "path": "/items"},
         "response": {"status": 201,
           "body": {"content": {"items": [{"id": 1}]}, "contentType": "application/json"},
           "matchingRules": {"body": {"$.items": {"matchers": [{"match": "type", "min": 1}]}}}}}
        """;
    Path file = write("pact.json", PACT.formatted(ContractReaderTests.FIRST, items));
    ContractCache cache = ContractCache.at(temp.resolve("cache"));
    cache.read(file, UnaryOperator.identity());

    ContractCache.Read read = cache.read(file, UnaryOperator.identity());
    ContractFields fields = read.fields(location -> true);

    assertThat(read.source()).isNotEqualTo(Source.FILE);
    assertThat(fields).isEqualTo(ContractFields.of(ContractStore.read(file), location -> true));
    ContractFields.InteractionFields second = fields.interactions().get(1);
    assertThat(List.of(second.method(), second.path(), second.status()))
        .containsExactly("POST", "/items", "201");
    ContractFields.PartFields response = second.parts().get(1);
    assertThat(response.name()).isEqualTo("response");
    assertThat(response.matchers().get(response.locations().indexOf("body $.items")))
        .isEqualTo("type");
    assertThat(response.matchers()).contains("type (inherited)");
  }

  // the same size and the same modification time, other bytes: the checksum tells them apart
  @Test
  void aFileChangedInPlaceIsReadAgain() throws IOException {
    ContractCache cache = ContractCache.at(temp.resolve("cache"));
    String first = PACT.formatted(ContractReaderTests.FIRST, ContractReaderTests.SECOND);
    Path file = write("pact.json", first);
    FileTime time = Files.getLastModifiedTime(file);
    assertThat(cache.read(file, UnaryOperator.identity()).contract().interactions().get(1).path())
        .isEqualTo("/b");

    Files.writeString(file, first.replace("\"/b\"", "\"/c\""));
    Files.setLastModifiedTime(file, time);

    assertThat(cache.read(file, UnaryOperator.identity()).contract().interactions().get(1).path())
        .isEqualTo("/c");
    assertThat(cache.read(file, UnaryOperator.identity()).contract())
        .isEqualTo(ContractStore.read(file));
  }

  /** Which entries are racy, and what a file's status says, tell how each read is made. */
  @Nested
  class ByStatus {

    private final String first =
        PACT.formatted(ContractReaderTests.FIRST, ContractReaderTests.SECOND);

    // a cache whose clock says it is an hour after the file's last change: no entry is racy
    private ContractCache anHourLater(Path file) throws IOException {
      long changed = ctime(file).to(TimeUnit.NANOSECONDS);
      return new ContractCache(
          temp.resolve("cache"),
          () -> changed + TimeUnit.HOURS.toNanos(1),
          ContractCache.Status::of);
    }

    private FileTime ctime(Path file) throws IOException {
      return (FileTime) Files.getAttribute(file, "unix:ctime");
    }

    private String secondPath(ContractCache cache, Path file) {
      return cache.read(file, UnaryOperator.identity()).contract().interactions().get(1).path();
    }

    @Test
    void anEntryCheckedWellAfterItsFileChangedIsTakenOnTheFilesStatus() throws IOException {
      Path file = write("pact.json", first);
      ContractCache cache = anHourLater(file);

      assertThat(cache.read(file, UnaryOperator.identity()).source()).isEqualTo(Source.FILE);
      ContractCache.Read again = cache.read(file, UnaryOperator.identity());

      assertThat(again.source()).isEqualTo(Source.ENTRY);
      assertThat(again.contract()).isEqualTo(ContractStore.read(file));
    }

    // Rewritten with the same size and its modification time put back: only the change time says
    // so, and the entry, though not racy, is not taken.
    @Test
    void aFileRewrittenWithItsSizeAndModificationTimeIsReadAgainByItsChangeTime()
        throws IOException {
      Path file = write("pact.json", first);
      FileTime modified = Files.getLastModifiedTime(file);
      FileTime changed = ctime(file);
      ContractCache cache = anHourLater(file);
      assertThat(secondPath(cache, file)).isEqualTo("/b");

      // the change time moves with the clock's tick: written until it has moved
      do {
        Files.writeString(file, first.replace("\"/b\"", "\"/c\""));
        Files.setLastModifiedTime(file, modified);
      } while (ctime(file).equals(changed));

      ContractCache.Read read = cache.read(file, UnaryOperator.identity());
      assertThat(read.source()).isEqualTo(Source.FILE);
      assertThat(read.contract().interactions().get(1).path()).isEqualTo("/c");
    }

    // another file moved into its place, with its size and times: another inode
    @Test
    void aFileReplacedByAnotherIsReadAgain() throws IOException {
      Path file = write("pact.json", first);
      FileTime modified = Files.getLastModifiedTime(file);
      ContractCache cache = anHourLater(file);
      assertThat(secondPath(cache, file)).isEqualTo("/b");
      Path other = write("other.json", first.replace("\"/b\"", "\"/c\""));
      Files.setLastModifiedTime(other, modified);
      Object inode = Files.getAttribute(file, "unix:ino");

      Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);

      assertThat(Files.getAttribute(file, "unix:ino")).isNotEqualTo(inode);
      ContractCache.Read read = cache.read(file, UnaryOperator.identity());
      assertThat(read.source()).isEqualTo(Source.FILE);
      assertThat(read.contract().interactions().get(1).path()).isEqualTo("/c");
    }

    // An entry written within RACY of its file's last change is checked by the file's bytes
    // (the same status may hide a write in the same clock tick), then written again as checked
    // once the file is older than that.
    @Test
    void aRacyEntryIsCheckedByTheBytesUntilTheFileIsOlder() throws IOException {
      Path file = write("pact.json", first);
      long changed = ctime(file).to(TimeUnit.NANOSECONDS);
      long[] now = {changed};
      ContractCache cache =
          new ContractCache(temp.resolve("cache"), () -> now[0], ContractCache.Status::of);
      Contract expected = ContractStore.read(file);

      assertThat(cache.read(file, UnaryOperator.identity()).source()).isEqualTo(Source.FILE);
      ContractCache.Read racy = cache.read(file, UnaryOperator.identity());
      assertThat(racy.source()).isEqualTo(Source.ENTRY_CHECKED);
      assertThat(racy.contract()).isEqualTo(expected);

      now[0] = changed + ContractCache.RACY + 1;
      assertThat(cache.read(file, UnaryOperator.identity()).source())
          .isEqualTo(Source.ENTRY_CHECKED);
      ContractCache.Read settled = cache.read(file, UnaryOperator.identity());
      assertThat(settled.source()).isEqualTo(Source.ENTRY);
      assertThat(settled.contract()).isEqualTo(expected);
    }

    // Other bytes behind the same status, as a write within one tick of the file system's clock
    // leaves them (here a status that does not move): the entry is racy, and the bytes tell.
    @Test
    void aRacyEntryWhoseFileHasOtherBytesUnderTheSameStatusIsNotTaken() throws IOException {
      Path file = write("pact.json", first);
      ContractCache.Status status = ContractCache.Status.of(file);
      ContractCache cache =
          new ContractCache(temp.resolve("cache"), () -> status.ctime(), p -> status);
      assertThat(secondPath(cache, file)).isEqualTo("/b");

      Files.writeString(file, first.replace("\"/b\"", "\"/c\""));

      ContractCache.Read read = cache.read(file, UnaryOperator.identity());
      assertThat(read.source()).isEqualTo(Source.FILE);
      assertThat(read.contract().interactions().get(1).path()).isEqualTo("/c");
    }
  }

  @Test
  void aDamagedEntryIsReadPastAndWrittenAgain() throws IOException {
    Path file =
        write("pact.json", PACT.formatted(ContractReaderTests.FIRST, ContractReaderTests.SECOND));
    // one moment, so that every entry written is the same
    ContractCache cache =
        new ContractCache(temp.resolve("cache"), () -> 1L << 62, ContractCache.Status::of);
    Contract expected = cache.read(file, UnaryOperator.identity()).contract();
    Path entry = entries(cache.dir()).get(0);
    byte[] bytes = Files.readAllBytes(entry);

    ContractFields fields = ContractFields.of(expected, location -> true);
    ContractCache.Buffers buffers = new ContractCache.Buffers();
    for (int cut : new int[] {0, 5, bytes.length / 2, bytes.length - 1}) {
      byte[] damaged = bytes.clone();
      damaged[cut] ^= 0x55;
      Files.write(entry, damaged);
      assertThat(cache.read(file, UnaryOperator.identity()).contract()).isEqualTo(expected);
      assertThat(Files.readAllBytes(entry)).isEqualTo(bytes);
      Files.write(entry, Arrays.copyOf(bytes, cut));
      assertThat(cache.read(file, UnaryOperator.identity()).contract()).isEqualTo(expected);
      // the same, read into arrays that hold the whole entry from the read before: what is past
      // the entry's end in them is not the entry's
      assertThat(cache.fields(file, UnaryOperator.identity(), location -> true, buffers))
          .isEqualTo(fields);
      Files.write(entry, damaged);
      assertThat(cache.fields(file, UnaryOperator.identity(), location -> true, buffers))
          .isEqualTo(fields);
      assertThat(Files.readAllBytes(entry)).isEqualTo(bytes);
      Files.write(entry, Arrays.copyOf(bytes, cut));
      assertThat(cache.fields(file, UnaryOperator.identity(), location -> true, buffers))
          .isEqualTo(fields);
      assertThat(Files.readAllBytes(entry)).isEqualTo(bytes);
    }
    assertThat(entries(cache.dir())).containsExactly(entry);
  }

  // a file that is not a pact fails as it does without the cache, and nothing is kept of it
  @Test
  void aBadPactFailsAsWithoutTheCacheAndIsNotKept() throws IOException {
    ContractCache cache = ContractCache.at(temp.resolve("cache"));
    Path file = write("bad.json", "{\"consumer\": {\"name\": \"c\"},\n \"interactions\": [}");
    String expected;
    try {
      ContractStore.read(file);
      throw new AssertionError("read");
    } catch (EvolveException e) {
      expected = e.getMessage();
    }

    assertThatThrownBy(() -> cache.read(file, UnaryOperator.identity()))
        .isInstanceOf(EvolveException.class)
        .hasMessage(expected);
    assertThatThrownBy(() -> cache.read(temp.resolve("missing.json"), UnaryOperator.identity()))
        .isInstanceOf(EvolveException.class)
        .hasMessageContaining("missing.json");
    assertThat(entries(cache.dir())).isEmpty();
  }
}
