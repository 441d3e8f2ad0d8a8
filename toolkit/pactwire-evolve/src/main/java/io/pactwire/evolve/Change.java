package io.pactwire.evolve;

/**
 * One semantic change between two versions of a contract.
 *
 * @param consumer the contract's consumer
 * @param provider the contract's provider
 * @param interaction the interaction's description in the new version (the old one when it was
 *     removed); empty for a change to the whole contract
 * @param kind what changed
 * @param location where in the interaction, such as {@code response body $.stock}, {@code request
 *     header content-type} or {@code provider state "a product exists"}; empty for the interaction
 *     itself
 * @param before the old value as text, or empty
 * @param after the new value as text, or empty
 * @param forProvider what it means for the provider
 * @param forConsumer what it means for the consumer
 * @since 0.1.0
 */
public record Change(
    String consumer,
    String provider,
    String interaction,
    Kind kind,
    String location,
    String before,
    String after,
    Impact forProvider,
    Impact forConsumer) {

  /** What a change is. */
  public enum Kind {
    /** A pact for a consumer and provider that had none. */
    CONTRACT_ADDED,
    /** A pact that is gone. */
    CONTRACT_REMOVED,
    /** A new interaction or message. */
    INTERACTION_ADDED,
    /** An interaction or message that is gone. */
    INTERACTION_REMOVED,
    /** The same request (or message) under a new description. */
    INTERACTION_RENAMED,
    /** A provider state the interaction now needs. */
    STATE_ADDED,
    /** A provider state the interaction no longer needs. */
    STATE_REMOVED,
    /** A provider state's parameters. */
    STATE_PARAMS_CHANGED,
    /** A new header, query parameter, status or body field. */
    ADDED,
    /** A header, query parameter or body field that is gone. */
    REMOVED,
    /** A value's JSON type. */
    TYPE_CHANGED,
    /** The matcher that governs a value. */
    MATCHER_CHANGED,
    /** An array's minimum length. */
    MIN_CHANGED,
    /** An array's maximum length. */
    MAX_CHANGED,
    /** A value matched by equality (a status, a method, a path, a field without a matcher). */
    VALUE_CHANGED,
    /** An example under a matcher, which neither side is held to. */
    EXAMPLE_CHANGED;

    /** Lower case with spaces: {@code matcher changed}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }
}
