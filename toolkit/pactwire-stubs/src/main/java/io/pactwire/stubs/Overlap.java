package io.pactwire.stubs;

/**
 * Two interactions that answer the same request, and which one the stubs let answer it.
 *
 * @param request the request both answer, e.g. {@code GET /products/42} (the shadowed interaction's
 *     example)
 * @param chosen the interaction that answers it: the more specific one
 * @param shadowed the interaction that answers it only when a request names its provider state in
 *     the {@value PactStubs#STATE_HEADER} header
 * @since 0.1.0
 */
public record Overlap(String request, StubbedInteraction chosen, StubbedInteraction shadowed) {

  /** The line the stubs log for it. */
  @Override
  public String toString() {
    // the header selects the interactions that have every state it names: it reaches the
    // shadowed one only when the chosen one lacks one of them
    String hint =
        shadowed.states().isEmpty()
            ? ""
            : chosen.states().containsAll(shadowed.states())
                ? "; no request reaches it: "
                    + PactStubs.STATE_HEADER
                    + " naming its states "
                    + shadowed.states()
                    + " selects the other too, which has them all"
                : "; a request with the header "
                    + PactStubs.STATE_HEADER
                    + " for each of "
                    + shadowed.states()
                    + " gets it";
    return request
        + " is answered by "
        + chosen.label()
        + " (specificity "
        + chosen.specificity()
        + ") over "
        + shadowed.label()
        + " (specificity "
        + shadowed.specificity()
        + ")"
        + hint;
  }
}
