package io.pactwire.record;

import java.util.List;

/**
 * What became of one interaction in a monitor run.
 *
 * @param interaction the interaction's description
 * @param request method and path, e.g. {@code GET /v2/checkout/orders/5O1}
 * @param outcome how it went
 * @param attempts how many requests were sent (retries included)
 * @param drift how the response departs from the pact; empty unless {@code DRIFT}
 * @param newDrift the part of {@code drift} the last run that judged this interaction did not see
 * @param note why it was not judged (unreachable or skipped); empty otherwise
 * @since 0.1.0
 */
public record MonitoredCall(
    String interaction,
    String request,
    Outcome outcome,
    int attempts,
    List<Drift> drift,
    List<Drift> newDrift,
    String note) {

  /** Copies the lists. */
  public MonitoredCall {
    drift = List.copyOf(drift);
    newDrift = List.copyOf(newDrift);
  }

  /** How a call went. */
  public enum Outcome {
    /** The response matches the pact. */
    OK,
    /** The response departs from the pact. */
    DRIFT,
    /** No judgeable answer after the retries: a timeout, a refused connection, 5xx or 429. */
    UNREACHABLE,
    /** Not sent: an unsafe method without {@code --allow-writes}, or a missing credential. */
    SKIPPED;

    /** The outcome as the history and reports write it: {@code ok}, {@code drift}, … */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
