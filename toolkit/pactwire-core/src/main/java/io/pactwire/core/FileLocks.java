package io.pactwire.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises updates of one file across threads and across JVMs (parallel Surefire forks).
 *
 * @since 0.1.0
 */
public final class FileLocks {

  // An OS file lock is held per JVM, not per thread: a second thread asking for it gets
  // OverlappingFileLockException, so threads queue on this lock first.
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private FileLocks() {}

  /** Runs {@code action} while holding the lock of {@code file} (a sibling {@code .lock} file). */
  public static void withLock(Path file, Runnable action) {
    Path target = file.toAbsolutePath().normalize();
    ReentrantLock local = IN_PROCESS.computeIfAbsent(target, p -> new ReentrantLock());
    local.lock();
    try {
      AtomicFiles.createDirectories(target.getParent());
      Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
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
}
