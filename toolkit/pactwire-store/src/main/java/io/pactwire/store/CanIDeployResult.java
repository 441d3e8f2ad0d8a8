package io.pactwire.store;

import java.util.List;

/**
 * The answer of can-i-deploy: the rows that allow or block a version, and the verdict.
 *
 * @param deployable whether every row allows it
 * @param summary one sentence: the verdict and why
 * @since 0.1.0
 */
public record CanIDeployResult(
    String pacticipant,
    String version,
    Target target,
    boolean deployable,
    List<MatrixRow> rows,
    String summary) {}
