package io.pactwire.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that readers see the old content or the new, never half of either.
 *
 * @since 0.1.0
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * Creates a folder and its parents unless it exists. {@code Files.createDirectories} on an
   * existing folder first tries to create it and catches the exception, which costs several times a
   * check.
   */
  static void createDirectories(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
    }
  }

  /** Writes {@code text} as UTF-8 to a temporary file beside {@code file}, then moves it over. */
  public static void writeString(Path file, String text) {
    Path target = file.toAbsolutePath().normalize();
    Path temp = null;
    try {
      createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and the target is unchanged
        }
      }
    }
  }
}
