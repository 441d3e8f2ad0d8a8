package io.pactwire.cli;

import io.pactwire.broker.Broker;
import io.pactwire.broker.BrokerException;
import io.pactwire.core.PactsDirectory;
import io.pactwire.store.ContractStore;
import io.pactwire.store.FileContractStore;
import io.pactwire.store.StoreException;
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

  @Option(
      names = "--broker-url",
      paramLabel = "URL",
      description =
          "A Pact Broker instead of the store's folder (not with --store). Credentials from"
              + " PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD; never"
              + " printed.")
  String brokerUrl;

  /** The store's folder. */
  Path folder() {
    return store != null ? store : PactsDirectory.locate();
  }

  /** The store, comparing pacts of {@code pacts} (default: the store's folder) for changed. */
  ContractStore open(Path pacts) {
    if (brokerUrl != null) {
      if (store != null) {
        throw new StoreException(
            "--store and --broker-url name two stores: give one (the folder, or the Pact Broker)");
      }
      try {
        return Broker.connect(brokerUrl).store();
      } catch (BrokerException e) {
        throw new StoreException(e.getMessage(), e);
      }
    }
    Path folder = folder();
    return FileContractStore.open(folder, pacts != null ? pacts : folder);
  }
}
