package io.pactwire.example.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InventoryMainTests {

  @Test
  void readsEachOptionWithItsValue() {
    assertThat(
            InventoryMain.parse(
                new String[] {
                  "--port", "9090",
                  "--jdbc-url", "jdbc:postgresql://db:5432/inventory",
                  "--user", "inventory",
                  "--password", "secret",
                  "--kafka-bootstrap", "kafka:9092"
                }))
        .containsEntry("--port", "9090")
        .containsEntry("--jdbc-url", "jdbc:postgresql://db:5432/inventory")
        .containsEntry("--user", "inventory")
        .containsEntry("--password", "secret")
        .containsEntry("--kafka-bootstrap", "kafka:9092");
  }

  @Test
  void refusesAnUnknownOption() {
    assertThatThrownBy(() -> InventoryMain.parse(new String[] {"--prot", "9090"}))
        .hasMessage("unknown option --prot");
  }

  @Test
  void refusesAnOptionWithoutItsValue() {
    assertThatThrownBy(() -> InventoryMain.parse(new String[] {"--port"}))
        .hasMessage("--port needs a value");
  }

  @Test
  void refusesAPortThatIsNotANumber() {
    assertThatThrownBy(() -> InventoryMain.parse(new String[] {"--port", "eighty"}))
        .hasMessage("--port must be a number, not eighty");
  }
}
