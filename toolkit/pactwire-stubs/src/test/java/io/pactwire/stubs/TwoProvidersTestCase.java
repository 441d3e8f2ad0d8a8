package io.pactwire.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Run by {@link PactwireStubsExtensionTests}: two providers' stubs, each from its builder, read
 * from the pacts folder when the class starts.
 */
class TwoProvidersTestCase {

  @RegisterExtension
  static PactwireStubsExtension inventory =
      PactwireStubsExtension.newInstance().provider("inventory-service").build();

  @RegisterExtension
  static PactwireStubsExtension payments =
      PactwireStubsExtension.newInstance().provider("payments").build();

  @Test
  void bothAnswer() throws Exception {
    assertThat(inventory.runtimeInfo().port()).isNotEqualTo(payments.runtimeInfo().port());
    assertThat(
            InventoryStubsTestCase.get(
                inventory.runtimeInfo().baseUrl() + "/products/7?view=full", "application/json"))
        .isEqualTo(200);
    assertThat(
            InventoryStubsTestCase.get(
                payments.runtimeInfo().baseUrl() + "/payments/1", "application/json"))
        .isEqualTo(200);
  }
}
