package io.pactwire.consumer;

import au.com.dius.pact.core.model.V4Interaction;

/**
 * What became of one WireMock stub mapping: an interaction, or a refusal that says why.
 *
 * @since 0.1.0
 */
public sealed interface StubConversion permits StubConversion.Converted, StubConversion.Refused {

  /** The mapping file, or the stub's id when it came from no file. */
  String source();

  /**
   * The stub became an interaction.
   *
   * @param source the mapping file or stub id
   * @param interaction the interaction, with an example request synthesised from the patterns
   */
  record Converted(String source, V4Interaction.SynchronousHttp interaction)
      implements StubConversion {}

  /**
   * The stub cannot become an interaction.
   *
   * @param source the mapping file or stub id
   * @param stub how the stub is named: its name, else its id, else method and URL
   * @param reason what in the stub cannot be a contract, as a phrase
   */
  record Refused(String source, String stub, String reason) implements StubConversion {

    /** One line naming the file, the stub and the reason. */
    public String message() {
      String subject = stub.isEmpty() ? "" : "stub " + stub + " ";
      return (source + ": " + subject + reason + "; left out of the pact")
          .replaceAll("\\s*\\R\\s*", " ");
    }
  }
}
