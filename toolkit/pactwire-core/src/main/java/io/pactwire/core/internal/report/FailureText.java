package io.pactwire.core.internal.report;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The text of a failed interaction: what failed, where to look, and each difference. */
public final class FailureText {

  private FailureText() {}

  /** The lines that end every failure message: pact, consumer, provider, interaction, state. */
  public static String where(
      Path pactFile, String consumer, String provider, String interaction, List<String> states) {
    return "\n  pact:        "
        + (pactFile == null ? "(not from a file)" : Display.path(pactFile))
        + "\n  consumer:    "
        + consumer
        + "\n  provider:    "
        + provider
        + "\n  interaction: '"
        + interaction
        + "'"
        + "\n  state:       "
        + (states.isEmpty() ? "(none)" : String.join("; ", states));
  }

  /** A failure without differences: the cause's message, then where. */
  public static String failed(String interaction, String cause, String where) {
    return "verifying '"
        + interaction
        + "' failed: "
        + (cause == null ? "(no detail)" : cause.strip())
        + where;
  }

  /** A failure with differences, each with its path, expected and actual value. */
  public static String differences(String interaction, List<Difference> differences, String where) {
    StringBuilder text =
        new StringBuilder("verifying '")
            .append(interaction)
            .append("' failed with ")
            .append(differences.size())
            .append(differences.size() == 1 ? " difference" : " differences")
            .append(where);
    int n = 1;
    for (Difference d : differences) {
      text.append("\n  ").append(n++).append(") ").append(d.label());
      text.append(": ").append(d.mismatch());
      if (d.expected() != null || d.actual() != null) {
        text.append("\n     expected: ").append(d.expected());
        text.append("\n     actual:   ").append(d.actual());
      }
    }
    return text.toString();
  }

  /** One side of the differences, one per line, for an IDE's expected/actual comparison. */
  public static String side(List<Difference> differences, boolean expected) {
    return differences.stream()
        .map(d -> d.label() + ": " + (expected ? d.expected() : d.actual()))
        .collect(Collectors.joining("\n"));
  }
}
