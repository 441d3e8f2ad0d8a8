package io.pactwire.consumer.internal;

import au.com.dius.pact.core.model.ProviderState;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.internal.PactJson;
import java.util.List;
import java.util.TreeMap;

/**
 * An interaction as capture keeps, compares and writes it: its V4 JSON, as the pact file holds it,
 * what identifies it, and its text in the pact file, rendered once.
 */
public final class RecordedInteraction {

  private final String key;
  private final String description;
  private final List<ProviderState> providerStates;
  private final ObjectNode json;
  private volatile String text;

  private RecordedInteraction(
      String key, String description, List<ProviderState> providerStates, ObjectNode json) {
    this.key = key;
    this.description = description;
    this.providerStates = providerStates;
    this.json = json;
  }

  /** An interaction with this description and these states, keyed by them. */
  public static RecordedInteraction of(
      String description, List<ProviderState> providerStates, ObjectNode json) {
    return new RecordedInteraction(
        PactWriter.key(description, providerStates), description, providerStates, json);
  }

  /** Description and provider states, as {@link PactWriter#key} makes them. */
  public String key() {
    return key;
  }

  /** The interaction's description. */
  public String description() {
    return description;
  }

  /** Its provider states. */
  public List<ProviderState> providerStates() {
    return providerStates;
  }

  /** The interaction in the pact's {@code interactions}; nothing changes it once built. */
  public ObjectNode json() {
    return json;
  }

  /**
   * The interaction's text in the pact file ({@link PactJson#renderInteraction}), rendered on the
   * first call: capture renders it where the interaction is built, off the test's thread.
   */
  public String text() {
    String rendered = text;
    if (rendered == null) {
      rendered = PactJson.renderInteraction(json);
      text = rendered;
    }
    return rendered;
  }

  /** The test that recorded it ({@code comments.testname}), or "" when none is named. */
  public String testName() {
    return json.path("comments").path("testname").asText("");
  }

  /** Names the interaction in messages: {@code 'a request' given 'a product exists'}. */
  public String describe() {
    StringBuilder text = new StringBuilder("'" + description + "'");
    if (providerStates.isEmpty()) {
      text.append(" (no provider state)");
    }
    for (int i = 0; i < providerStates.size(); i++) {
      ProviderState state = providerStates.get(i);
      text.append(i == 0 ? " given '" : " and '").append(state.getName()).append("'");
      if (!state.getParams().isEmpty()) {
        text.append(" ").append(new TreeMap<>(state.getParams()));
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
