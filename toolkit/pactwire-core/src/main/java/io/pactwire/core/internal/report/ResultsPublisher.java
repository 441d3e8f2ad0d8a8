package io.pactwire.core.internal.report;

import java.nio.file.Path;

/**
 * Where a pact's verification goes instead of the file store: the Pact Broker a pact was fetched
 * from, say. {@link ResultsWriter} asks it first for each verified pact when publishing.
 */
@FunctionalInterface
public interface ResultsPublisher {

  /** Leaves every pact to the file store. */
  ResultsPublisher NONE = (run, pact, file) -> false;

  /**
   * Publishes the verification of the pact read from {@code pactFile} when it is this publisher's.
   *
   * @return true when published here; false leaves it to the contract store's files
   */
  boolean publish(VerificationRun run, PactResult pact, Path pactFile);
}
