package io.pactwire.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractIdTests {

  @Test
  void namesTheFileConsumerThenProvider() {
    ContractId id = new ContractId("checkout-service", "inventory-service");
    assertThat(id.fileName()).isEqualTo("checkout-service-inventory-service.json");
    assertThat(id.fileIn(Path.of("pacts")))
        .isEqualTo(Path.of("pacts", "checkout-service-inventory-service.json"));
  }

  @ParameterizedTest
  // path separators and parent references would write outside pacts/; blank names say nothing
  @ValueSource(strings = {"", " ", "../evil", "a/b", "a\\b", "-leading-dash"})
  void refusesNamesThatCannotBeAFileName(String name) {
    assertThatThrownBy(() -> new ContractId(name, "provider"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("consumer name '" + name + "' cannot name a pact file");
  }
}
