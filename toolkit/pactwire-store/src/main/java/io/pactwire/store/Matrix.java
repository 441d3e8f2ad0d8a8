package io.pactwire.store;

import java.util.List;

/**
 * Rows of the matrix: which consumer versions' pacts each provider version verified.
 *
 * @param truncated how many rows were left out beyond the query's limit
 * @since 0.1.0
 */
public record Matrix(List<MatrixRow> rows, int truncated) {}
