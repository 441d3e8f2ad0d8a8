package io.pactwire.example.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactwire.testsupport.EmbeddedDatabase;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

class InventoryMainTests {

  /**
   * The service {@code main} starts listens on loopback unless told otherwise: the kernel's own
   * record of the listening socket says which address it is bound to.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Listening {

    private EmbeddedDatabase postgres;

    @BeforeAll
    void database() {
      postgres = EmbeddedDatabase.start();
    }

    @AfterAll
    void stopDatabase() {
      postgres.close();
    }

    private List<InetAddress> boundBy(String... args) {
      try (InventoryService service =
          InventoryMain.service(
                  InventoryMain.parse(args),
                  postgres.dataSource(),
                  new InMemoryStockEventPublisher())
              .start()) {
        return ListeningSockets.on(service.port());
      }
    }

    @Test
    void onLoopbackByDefault() {
      List<InetAddress> bound = boundBy("--port", "0");

      assertThat(bound).as("addresses the service's port is bound to").isNotEmpty();
      assertThat(bound).allMatch(InetAddress::isLoopbackAddress);
    }

    @Test
    void onEveryInterfaceOnlyWhenTold() {
      List<InetAddress> bound = boundBy("--host", "0.0.0.0", "--port", "0");

      assertThat(bound).as("addresses the service's port is bound to").isNotEmpty();
      assertThat(bound).allMatch(InetAddress::isAnyLocalAddress);
    }
  }

  @Test
  void readsEachOptionWithItsValue() {
    assertThat(
            InventoryMain.parse(
                new String[] {
                  "--host", "0.0.0.0",
                  "--port", "9090",
                  "--jdbc-url", "jdbc:postgresql://db:5432/inventory",
                  "--user", "inventory",
                  "--password", "secret",
                  "--kafka-bootstrap", "kafka:9092"
                }))
        .containsEntry("--host", "0.0.0.0")
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
