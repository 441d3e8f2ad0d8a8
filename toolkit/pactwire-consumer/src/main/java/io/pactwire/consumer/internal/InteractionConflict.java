package io.pactwire.consumer.internal;

/**
 * Two tests recorded the same description and provider states with different content.
 *
 * @since 0.1.0
 */
public final class InteractionConflict extends RuntimeException {

  private final String existingJson;
  private final String newJson;

  InteractionConflict(String message, String existingJson, String newJson) {
    super(message);
    this.existingJson = existingJson;
    this.newJson = newJson;
  }

  /** The interaction already in the pact, as JSON. */
  public String existingJson() {
    return existingJson;
  }

  /** The interaction this test recorded, as JSON. */
  public String newJson() {
    return newJson;
  }
}
