package io.pactwire.cli;

import io.pactwire.core.PactsDirectory;
import io.pactwire.store.ContractStore;
import io.pactwire.store.FileContractStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the store commands keep their records: the one place that opens a {@link ContractStore}, so
 * that another backend is one option here, not one in each command.
 */
final class StoreOptions {

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "The contract store's folder; default the project's pacts/ folder.")
  Path store;

  /** The store's folder. */
  Path folder() {
    return store != null ? store : PactsDirectory.locate();
  }

  /** The store, comparing pacts of {@code pacts} (default: the store's folder) for changed. */
  ContractStore open(Path pacts) {
    Path folder = folder();
    return FileContractStore.open(folder, pacts != null ? pacts : folder);
  }
}
