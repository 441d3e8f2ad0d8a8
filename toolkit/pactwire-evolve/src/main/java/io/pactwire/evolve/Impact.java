package io.pactwire.evolve;

/**
 * What a change to a contract means for one side of it.
 *
 * <p>For the provider: {@link #BREAKING} when the provider must now do more (serve a new
 * interaction, send a new response field, satisfy a stricter matcher, handle a request it was never
 * verified with, set up a new provider state), {@link #RELAXING} when it may now do less. For the
 * consumer: {@link #BREAKING} when a consumer built on the old contract would fail against a
 * provider that keeps only the new one (a response field it read is gone, a matcher it relied on is
 * looser, a request field it never sent is now expected), {@link #RELAXING} when it would not.
 *
 * @since 0.1.0
 */
public enum Impact {
  /** The side must change, or may fail, because of this change. */
  BREAKING,
  /** The side may do less, or keeps working unchanged. */
  RELAXING,
  /** Nothing either side does depends on it (a renamed description, an example under a matcher). */
  NONE;

  /** The lower-case name used in reports. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
