package io.pactwire.core.internal.report;

/**
 * One line per verified interaction, for the build's output: a reader sees what was verified
 * without opening a report, and which interaction failed and why.
 *
 * <pre>
 * pact verification of inventory-service: 1 passed, 1 failed
 *   verified: checkout-service → inventory-service: a request for a product ['a product exists']
 *   FAILED:   checkout-service → inventory-service: a reservation [(none)] — status: expected …
 * </pre>
 */
public final class ConsoleSummary {

  private ConsoleSummary() {}

  public static String render(VerificationRun run) {
    StringBuilder text =
        new StringBuilder("pact verification of ")
            .append(run.provider())
            .append(": ")
            .append(run.passed())
            .append(" passed, ")
            .append(run.failed())
            .append(" failed\n");
    for (PactResult pact : run.pacts()) {
      for (InteractionResult i : pact.interactions()) {
        text.append(
                i.success() ? "  verified: " : i.pendingFailure() ? "  PENDING:  " : "  FAILED:   ")
            .append(pact.consumer())
            .append(" → ")
            .append(run.provider())
            .append(": ")
            .append(oneLine(i.description()))
            .append(" [")
            .append(i.states().isEmpty() ? "(none)" : oneLine(String.join("; ", i.states())))
            .append(']');
        if (!i.success()) {
          text.append(" — ").append(oneLine(why(i)));
        }
        text.append('\n');
      }
    }
    return text.toString();
  }

  private static String why(InteractionResult i) {
    if (!i.differences().isEmpty()) {
      Difference first = i.differences().get(0);
      String more =
          i.differences().size() == 1 ? "" : " (and " + (i.differences().size() - 1) + " more)";
      return first.label() + ": " + first.mismatch() + more;
    }
    String message = i.message() == null ? "(no detail)" : i.message();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String oneLine(String text) {
    return text.replace("\r", " ").replace("\n", " ");
  }
}
