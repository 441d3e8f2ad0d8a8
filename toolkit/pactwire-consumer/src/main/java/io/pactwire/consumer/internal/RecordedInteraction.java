package io.pactwire.consumer.internal;

import au.com.dius.pact.core.model.ProviderState;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.TreeMap;

/**
 * An interaction as capture keeps, compares and writes it: its V4 JSON, as the pact file holds it,
 * and what identifies it.
 *
 * @param key description and provider states, as {@link PactWriter#key} makes them
 * @param description the interaction's description
 * @param providerStates its provider states
 * @param json the interaction in the pact's {@code interactions}; nothing changes it once built
 */
public record RecordedInteraction(
    String key, String description, List<ProviderState> providerStates, ObjectNode json) {

  /** An interaction with this description and these states, keyed by them. */
  public static RecordedInteraction of(
      String description, List<ProviderState> providerStates, ObjectNode json) {
    return new RecordedInteraction(
        PactWriter.key(description, providerStates), description, providerStates, json);
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
}
