package io.pactwire.core.internal.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One difference between what the contract expects and what the provider did.
 *
 * @param kind {@code body}, {@code status}, {@code header}, {@code metadata}, {@code state} or
 *     {@code error}
 * @param path the JSON path (body), header or metadata key; empty when none applies
 * @param expected the contract's value, as JSON text for bodies; null when none applies
 * @param actual the provider's value; null when none applies
 * @param mismatch what is wrong, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Difference(
    String kind, String path, String expected, String actual, String mismatch) {

  /** The label a difference has in messages: {@code body $.price}, {@code status}. */
  public String label() {
    return kind + (path == null || path.isEmpty() ? "" : " " + path);
  }
}
