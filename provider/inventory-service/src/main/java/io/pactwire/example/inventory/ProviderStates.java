package io.pactwire.example.inventory;

import java.util.Map;

/**
 * Sets up and tears down provider states for contract verification; when given to {@link
 * InventoryService.Builder#providerStates(ProviderStates)}, the service answers {@code POST
 * /_pact/state} with {@code {"state", "params", "action": "setup" | "teardown"}}. For verification
 * only: a production service never has one.
 *
 * @since 0.1.0
 */
public interface ProviderStates {

  /** Puts the data in the named state. */
  void setUp(String state, Map<String, Object> params);

  /** Undoes every state set up since the last tear-down. */
  void tearDown();
}
