package io.pactwire.broker;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Whether to ask a Pact Broker for its pending pacts: pacts whose failure does not fail the
 * provider's build, because no version of the provider's branch has verified them yet.
 *
 * @param enabled whether to ask which pacts are pending
 * @param providerBranch the branch of the provider version being verified, for which pacts are
 *     pending; required when enabled
 * @param includeWipPactsSince also fetch work-in-progress pacts published since this date ({@code
 *     yyyy-MM-dd}); null for none
 * @since 0.1.0
 */
public record PendingPacts(boolean enabled, String providerBranch, String includeWipPactsSince) {

  /** Pending pacts not asked for: every pact's failure fails the build. */
  public static final PendingPacts NONE = new PendingPacts(false, null, null);

  /**
   * @throws IllegalArgumentException when the date is not {@code yyyy-MM-dd}, or work-in-progress
   *     pacts are asked for without pending ones (the Broker gives them only as pending)
   */
  public PendingPacts {
    if (includeWipPactsSince != null) {
      try {
        LocalDate.parse(includeWipPactsSince);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "the date of work-in-progress pacts must be yyyy-MM-dd, not '"
                + includeWipPactsSince
                + "'");
      }
      if (!enabled) {
        throw new IllegalArgumentException(
            "work-in-progress pacts are verified as pending: ask for pending pacts too");
      }
    }
  }
}
