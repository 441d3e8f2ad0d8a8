package io.pactwire.store;

/**
 * Which rows of the matrix to show.
 *
 * @param pacticipant only integrations of this pacticipant (as consumer or provider); null for all
 * @param version only this version of {@code pacticipant}; null for all
 * @param environment only versions deployed to or released in this environment; null for all
 * @param limit at most this many rows, newest first
 * @since 0.1.0
 */
public record MatrixQuery(String pacticipant, String version, String environment, int limit) {}
