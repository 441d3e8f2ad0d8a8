package io.pactwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pacts are read by other builds and users: written atomically, with ordinary permissions. */
class AtomicFilesTests {

  @TempDir Path dir;

  @BeforeEach
  void posix() throws IOException {
    Assumptions.assumeTrue(
        Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
        "a file system with POSIX permissions");
  }

  @Test
  void aNewFileGetsThePermissionsAnyNewFileGets() throws IOException {
    Path ordinary = Files.writeString(dir.resolve("ordinary.txt"), "x");

    AtomicFiles.writeString(dir.resolve("pact.json"), "{}\n");

    assertThat(Files.readString(dir.resolve("pact.json"))).isEqualTo("{}\n");
    // not the owner-only 0600 of Files.createTempFile: other users and builds read pacts
    assertThat(Files.getPosixFilePermissions(dir.resolve("pact.json")))
        .isEqualTo(Files.getPosixFilePermissions(ordinary));
  }

  @Test
  void aReplacedFileKeepsItsPermissionsAndNoTemporaryFileIsLeft() throws IOException {
    Path pact = Files.writeString(dir.resolve("pact.json"), "old\n");
    Files.setPosixFilePermissions(pact, PosixFilePermissions.fromString("rw-r-----"));

    AtomicFiles.writeString(pact, "new\n");

    assertThat(Files.readString(pact)).isEqualTo("new\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pact)))
        .isEqualTo("rw-r-----");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(pact);
    }
  }

  @Test
  void aFolderThatIsAFileIsNamedWithTheReason() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "notes");
    Path target = file.resolve("pact.json");

    assertThatThrownBy(() -> AtomicFiles.writeString(target, "{}"))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessage("cannot write " + target + ": " + file + ": a file, not a folder");
    assertThat(Files.readString(file)).isEqualTo("notes");
  }
}
