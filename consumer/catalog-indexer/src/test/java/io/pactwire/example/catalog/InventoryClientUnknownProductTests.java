package io.pactwire.example.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.stubs.PactwireStubs;
import io.pactwire.stubs.PactwireStubsRuntimeInfo;
import org.junit.jupiter.api.Test;

/** The client against inventory-service's stubs in the provider state "no product exists". */
@PactwireStubs(provider = "inventory-service", states = "no product exists")
class InventoryClientUnknownProductTests {

  @Test
  void anUnknownProductIsEmpty(PactwireStubsRuntimeInfo inventory) {
    var client = new InventoryClient(inventory.baseUrl());

    assertThat(client.product("SKU-0000")).isEmpty();
  }
}
