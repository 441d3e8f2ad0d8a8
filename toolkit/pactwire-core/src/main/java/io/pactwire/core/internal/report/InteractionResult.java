package io.pactwire.core.internal.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One interaction's outcome.
 *
 * @param states the provider states as {@code 'name' {param=value, …}}
 * @param message the failure text; null when it passed
 * @param exchange what was sent and received; null when not recorded
 * @param pending true for an interaction of a pending pact or a pending interaction, whose failure
 *     is recorded but fails no run; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionResult(
    String description,
    List<String> states,
    boolean success,
    String message,
    List<Difference> differences,
    Exchange exchange,
    Boolean pending) {

  /** The outcome of an interaction that is not pending. */
  public InteractionResult(
      String description,
      List<String> states,
      boolean success,
      String message,
      List<Difference> differences,
      Exchange exchange) {
    this(description, states, success, message, differences, exchange, null);
  }

  /** Whether it failed, pending: recorded as failed, but no failure of the run. */
  public boolean pendingFailure() {
    return !success && Boolean.TRUE.equals(pending);
  }
}
