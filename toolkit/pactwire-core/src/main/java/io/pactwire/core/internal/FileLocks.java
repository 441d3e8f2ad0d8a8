package io.pactwire.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises updates of one file across threads and across JVMs (parallel Surefire forks).
 *
 * <p>The OS lock is taken on a file in a folder of the temporary directory, named by a hash of the
 * target's path, not on a file beside the target: a project's {@code pacts/} folder holds pacts and
 * nothing else. A lock file cannot be deleted after use, since another JVM may be waiting on it; in
 * the temporary directory it costs nothing.
 */
public final class FileLocks {

  /** Where lock files go unless this system property names another folder. */
  public static final String LOCKS_DIR_PROPERTY = "pactwire.locksDir";

  // An OS file lock is held per JVM, not per thread: a second thread asking for it gets
  // OverlappingFileLockException, so threads queue on this lock first.
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private FileLocks() {}

  /** Runs {@code action} while holding the lock of {@code file}. */
  public static void withLock(Path file, Runnable action) {
    Path target = canonical(file);
    ReentrantLock local = IN_PROCESS.computeIfAbsent(target, p -> new ReentrantLock());
    local.lock();
    try {
      Path lockFile = lockFile(file);
      AtomicFiles.createDirectories(lockFile.getParent());
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        action.run();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    } finally {
      local.unlock();
    }
  }

  /** The lock file of a file: one per file, however its path is spelled, in the locks folder. */
  static Path lockFile(Path file) {
    Path target = canonical(file);
    String configured = System.getProperty(LOCKS_DIR_PROPERTY);
    Path dir =
        configured != null && !configured.isBlank()
            ? Paths.get(configured)
            : Paths.get(
                System.getProperty("java.io.tmpdir"),
                "pactwire-locks-" + System.getProperty("user.name", "user"));
    return dir.resolve(hash(target.toString()) + ".lock");
  }

  // The same file by any spelling (a symlinked folder, ../) takes the same lock: the real path of
  // the nearest folder that exists, then the rest of the name.
  private static Path canonical(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      return absolute;
    }
  }

  private static String hash(String path) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
