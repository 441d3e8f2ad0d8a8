package io.pactwire.stubs;

import java.nio.file.Path;
import java.util.List;

/**
 * One HTTP interaction of a pact, served as a WireMock stub.
 *
 * @param pactFile the pact file it was read from
 * @param location its JSON path in that file, e.g. {@code $.interactions[2]}
 * @param consumer the pact's consumer
 * @param provider the pact's provider
 * @param description the interaction's description
 * @param states the names of its provider states, in the pact's order
 * @param specificity how narrowly its request rules select requests: literal values count for,
 *     rules that loosen a value count against; the more specific of two interactions that answer
 *     the same request answers it
 * @param priority its WireMock priority, 1 for the most specific stub
 * @since 0.1.0
 */
public record StubbedInteraction(
    Path pactFile,
    String location,
    String consumer,
    String provider,
    String description,
    List<String> states,
    int specificity,
    int priority) {

  /** {@code "description" [state, …] (file at location)}, as logs and reports name it. */
  public String label() {
    return "\""
        + description
        + "\""
        + (states.isEmpty() ? "" : " " + states)
        + " ("
        + pactFile.getFileName()
        + " at "
        + location
        + ")";
  }
}
