package io.pactwire.core.internal.store;

import io.pactwire.core.internal.AtomicFiles;
import io.pactwire.core.internal.FileLocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes store records: each once, atomically, never over another. */
public final class StoreRecords {

  /** What writing a record did. */
  public enum Outcome {
    /** The record is new. */
    CREATED,
    /** The same record was already there: nothing written. */
    UNCHANGED,
    /** A different record has this name: nothing written. */
    CONFLICT
  }

  /** What the store's {@code .gitignore} says: the temporary files of atomic writes. */
  public static final String GITIGNORE = "# temporary files of atomic writes\n.*.tmp\n";

  private StoreRecords() {}

  /**
   * Writes the store's {@code .gitignore} unless it has one: a temporary file a writer left behind
   * (a killed build) must not be committed with the records.
   */
  public static void ignoreTemporaryFiles(Path store) {
    Path file = store.resolve(".gitignore");
    if (!Files.exists(file)) {
      create(file, GITIGNORE);
    }
  }

  /**
   * Writes {@code text} to {@code file} unless the file exists, under the file's lock, atomically
   * (readers and parallel writers see no file or the whole of it).
   */
  public static Outcome create(Path file, String text) {
    Outcome[] outcome = new Outcome[1];
    FileLocks.withLock(
        file,
        () -> {
          if (Files.exists(file)) {
            try {
              outcome[0] =
                  Files.readString(file, StandardCharsets.UTF_8).equals(text)
                      ? Outcome.UNCHANGED
                      : Outcome.CONFLICT;
            } catch (IOException e) {
              throw new UncheckedIOException("cannot read " + file, e);
            }
            return;
          }
          AtomicFiles.writeString(file, text);
          outcome[0] = Outcome.CREATED;
        });
    return outcome[0];
  }
}
