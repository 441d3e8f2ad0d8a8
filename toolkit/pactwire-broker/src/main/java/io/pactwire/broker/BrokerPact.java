package io.pactwire.broker;

import java.nio.file.Path;
import java.util.Map;

/**
 * A pact a Pact Broker gave for verification, written to a file so that every verifier reads it as
 * it reads any pact file.
 *
 * @param file where the pact was written
 * @param url the pact's resource in the Broker, credentials never part of it
 * @param pending whether the Broker marked it pending (its failure does not fail the provider)
 * @param interactionIds the Broker's {@code _id} of each interaction, by description
 * @since 0.1.0
 */
public record BrokerPact(
    Path file,
    String consumer,
    String provider,
    String url,
    boolean pending,
    Map<String, String> interactionIds) {}
