package io.pactwire.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Run by {@link PactwireStubsExtensionTests}: two providers' stubs, each from its builder. */
class TwoProvidersTestCase {

  static Path pacts = Path.of(System.getProperty("pactwire.pactsDir"));

  @RegisterExtension
  static PactwireStubsExtension inventory =
      PactwireStubsExtension.newInstance().provider("inventory-service").pacts(pacts).build();

  @RegisterExtension
  static PactwireStubsExtension payments =
      PactwireStubsExtension.newInstance().provider("payments").pacts(pacts).build();

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
