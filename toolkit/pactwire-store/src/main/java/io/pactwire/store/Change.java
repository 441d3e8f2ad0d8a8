package io.pactwire.store;

/**
 * A pact that changed since a git revision, so its provider must verify it again.
 *
 * @param pactFile the pact's file name
 * @param before its version at the revision; null when the pact is new
 * @param after its version now
 * @since 0.1.0
 */
public record Change(
    String provider, String consumer, String pactFile, PactVersion before, PactVersion after) {}
