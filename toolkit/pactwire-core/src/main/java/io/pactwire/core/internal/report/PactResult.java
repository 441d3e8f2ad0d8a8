package io.pactwire.core.internal.report;

import java.util.List;

/** The verification of one pact (one consumer's contract, identified by its bytes). */
public record PactResult(
    String consumer,
    String pactFile,
    String pactSha256,
    String verifiedAt,
    boolean success,
    List<InteractionResult> interactions) {}
