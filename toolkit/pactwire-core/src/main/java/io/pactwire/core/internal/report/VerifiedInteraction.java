package io.pactwire.core.internal.report;

import java.nio.file.Path;

/**
 * One verified interaction as a verifier records it, before it is grouped into pacts.
 *
 * @param pactFile the file the pact was read from; null when it was not read from a file
 * @param sha256 the pact file's SHA-256 in hex; null without a file
 */
public record VerifiedInteraction(
    String provider, String consumer, Path pactFile, String sha256, InteractionResult result) {}
