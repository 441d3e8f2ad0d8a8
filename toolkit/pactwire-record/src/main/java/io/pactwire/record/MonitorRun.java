package io.pactwire.record;

import java.nio.file.Path;
import java.util.List;

/**
 * One run of the monitor, as appended to the history.
 *
 * @param consumer the pact's consumer
 * @param provider the pact's provider
 * @param calls one per HTTP interaction of the pact, in the pact's order
 * @param history the history file the run was appended to
 * @since 0.1.0
 */
public record MonitorRun(
    String consumer, String provider, List<MonitoredCall> calls, Path history) {

  /** Exit status when nothing could be judged: every call unreachable or skipped. */
  public static final int NOTHING_JUDGED = 2;

  /** Copies the list. */
  public MonitorRun {
    calls = List.copyOf(calls);
  }

  /** The drift no earlier run saw. */
  public List<Drift> newDrift() {
    return calls.stream().flatMap(c -> c.newDrift().stream()).toList();
  }

  /** All the drift of this run, known and new. */
  public List<Drift> drift() {
    return calls.stream().flatMap(c -> c.drift().stream()).toList();
  }

  /** Whether at least one call was judged (its outcome ok or drift). */
  public boolean judgedAny() {
    return calls.stream()
        .anyMatch(
            c ->
                c.outcome() == MonitoredCall.Outcome.OK
                    || c.outcome() == MonitoredCall.Outcome.DRIFT);
  }

  /** 1 with new drift, 2 when nothing could be judged, else 0 (no drift, or only known drift). */
  public int exitCode() {
    if (!newDrift().isEmpty()) {
      return 1;
    }
    return judgedAny() ? 0 : NOTHING_JUDGED;
  }
}
