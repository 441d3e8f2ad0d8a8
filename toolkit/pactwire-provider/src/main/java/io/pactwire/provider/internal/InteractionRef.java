package io.pactwire.provider.internal;

import au.com.dius.pact.core.model.DirectorySource;
import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import io.pactwire.core.internal.report.FailureText;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which pact, consumer, provider, interaction and provider states a message is about, so that every
 * failure says where to look.
 */
public record InteractionRef(
    Path pactFile, String consumer, String provider, String interaction, List<String> states) {

  /** Describes the interaction that pact-jvm is verifying. */
  public static InteractionRef of(PactVerificationContext verification) {
    Interaction interaction = verification.getInteraction();
    String consumer = verification.getConsumer().getName();
    String provider = verification.getProviderInfo().getName();
    return new InteractionRef(
        pactFile(verification.getConsumer().getPactSource(), consumer, provider, interaction),
        consumer,
        provider,
        interaction.getDescription(),
        interaction.getProviderStates().stream().map(InteractionRef::describe).toList());
  }

  /** Returns the file a pact was read from, or null when it was not read from one. */
  static Path pactFile(Object source, String consumer, String provider, Interaction interaction) {
    if (source instanceof FileSource file) {
      return file.getFile().toPath();
    }
    if (source instanceof DirectorySource directory) {
      for (Map.Entry<File, Pact> entry : directory.getPacts().entrySet()) {
        Pact pact = entry.getValue();
        if (pact.getConsumer().getName().equals(consumer)
            && pact.getProvider().getName().equals(provider)
            && pact.getInteractions().stream()
                .anyMatch(i -> i.getDescription().equals(interaction.getDescription()))) {
          return entry.getKey().toPath();
        }
      }
    }
    return null;
  }

  /** Renders a state as {@code 'name' {param=value, …}}. */
  public static String describe(ProviderState state) {
    Map<String, Object> params = state.getParams();
    String name = "'" + state.getName() + "'";
    if (params == null || params.isEmpty()) {
      return name;
    }
    return name
        + params.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ", " {", "}"));
  }

  /** The lines that end every failure message. */
  public String where() {
    return FailureText.where(pactFile, consumer, provider, interaction, states);
  }
}
