package io.pactwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLocksTests {

  @TempDir Path dir;

  @Test
  void theLockFileIsNotBesideTheFileItGuards() throws Exception {
    Path pact = dir.resolve("pacts/a-b.json");

    FileLocks.withLock(pact, () -> AtomicFiles.writeString(pact, "{}\n"));

    assertThat(FileLocks.lockFile(pact)).exists();
    assertThat(FileLocks.lockFile(pact).getParent()).isNotEqualTo(pact.getParent());
    try (Stream<Path> files = Files.list(dir.resolve("pacts"))) {
      assertThat(files).containsExactly(pact);
    }
  }

  @Test
  void oneFileSpelledTwoWaysHasOneLock() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);

    assertThat(FileLocks.lockFile(link.resolve("p.json")))
        .isEqualTo(FileLocks.lockFile(real.resolve("p.json")))
        .isEqualTo(FileLocks.lockFile(dir.resolve("real/../real/./p.json")));
  }

  @Test
  void twoFilesHaveTwoLocks() {
    assertThat(FileLocks.lockFile(dir.resolve("a.json")))
        .isNotEqualTo(FileLocks.lockFile(dir.resolve("b.json")));
  }
}
