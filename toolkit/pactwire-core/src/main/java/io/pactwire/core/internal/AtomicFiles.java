package io.pactwire.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/** Writes files so that readers see the old content or the new, never half of either. */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Why a file could not be read or written, in words: the JDK's exceptions often hold a path. */
  public static String why(IOException e) {
    if (e instanceof NoSuchFileException f) {
      return f.getFile() + ": no such file or folder";
    }
    if (e instanceof AccessDeniedException f) {
      return f.getFile() + ": permission denied";
    }
    if (e instanceof FileAlreadyExistsException f) {
      // a folder to create, or to write in, is a file
      return f.getFile() + ": a file, not a folder";
    }
    if (e instanceof NotDirectoryException f) {
      return f.getFile() + ": not a folder";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    return e.getMessage();
  }

  /**
   * Creates a folder and its parents unless it exists. {@code Files.createDirectories} on an
   * existing folder first tries to create it and catches the exception, which costs several times a
   * check.
   */
  public static void createDirectories(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
    }
  }

  /**
   * Creates an empty, hidden file beside {@code target} with a name no other writer uses. Unlike
   * {@code Files.createTempFile}, which makes it readable by its owner alone, it gets the
   * permissions any new file of the build gets (the umask's), as a pact others read must.
   */
  private static Path newTemporaryFile(Path target) throws IOException {
    while (true) {
      Path temp =
          target.resolveSibling(
              "."
                  + target.getFileName()
                  + "."
                  + ProcessHandle.current().pid()
                  + "."
                  + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36)
                  + ".tmp");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        // another writer's name: draw again
      }
    }
  }

  /** A file that is replaced keeps its permissions (where the file system has POSIX ones). */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    if (Files.exists(target)
        && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
    }
  }

  /** Writes {@code text} as UTF-8 to a temporary file beside {@code file}, then moves it over. */
  public static void writeString(Path file, String text) {
    Path target = file.toAbsolutePath().normalize();
    Path temp = null;
    try {
      createDirectories(target.getParent());
      temp = newTemporaryFile(target);
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      keepPermissions(target, temp);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + why(e), e);
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

  /**
   * Replaces a file's text with {@code change.apply(current)} while holding its lock, so that
   * parallel test forks updating one file lose nothing. {@code current} is empty when the file does
   * not exist yet; an empty result, or the same text, leaves the file untouched.
   */
  public static void update(Path file, UnaryOperator<Optional<String>> change) {
    FileLocks.withLock(
        file,
        () -> {
          Optional<String> current = Optional.empty();
          try {
            if (Files.exists(file)) {
              current = Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            }
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + why(e), e);
          }
          Optional<String> next = change.apply(current);
          if (next.isPresent() && !next.equals(current)) {
            writeString(file, next.get());
          }
        });
  }
}
