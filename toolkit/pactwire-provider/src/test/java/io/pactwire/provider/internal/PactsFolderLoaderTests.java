package io.pactwire.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.provider.junitsupport.loader.NoPactsFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PactsFolderLoaderTests {

  @TempDir Path pacts;

  @Test
  void failsNamingTheProviderWhenNoFolderCanBeFound() {
    PactsFolderLoader loader =
        new PactsFolderLoader(
            () -> {
              throw new IllegalStateException("no pacts/ folder found at or above /somewhere");
            });

    assertThatThrownBy(() -> loader.load("inventory-service"))
        .isInstanceOf(NoPactsFoundException.class)
        .hasMessage(
            "No pacts for provider 'inventory-service': no pacts/ folder found at or above"
                + " /somewhere");
  }

  @Test
  void readsOnlyTheProvidersPactsInFileNameOrderAndRecordsTheirFiles() throws IOException {
    write("b-consumer-inventory-service.json", "b-consumer", "inventory-service");
    write("a-consumer-inventory-service.json", "a-consumer", "inventory-service");
    write("a-consumer-pricing.json", "a-consumer", "pricing");

    PactsFolderLoader loader = new PactsFolderLoader(() -> pacts);
    List<Pact> loaded = loader.load("inventory-service");

    assertThat(loaded)
        .extracting(pact -> pact.getConsumer().getName())
        .containsExactly("a-consumer", "b-consumer");
    assertThat(loader.getPactSource().getPacts().keySet())
        .containsExactlyInAnyOrder(
            pacts.resolve("a-consumer-inventory-service.json").toFile(),
            pacts.resolve("b-consumer-inventory-service.json").toFile());
    assertThat(loader.description()).isEqualTo("Pactwire pacts folder " + pacts.toAbsolutePath());
  }

  private void write(String name, String consumer, String provider) throws IOException {
    Files.writeString(
        pacts.resolve(name),
        """
        {"consumer": {"name": "%s"}, "provider": {"name": "%s"}, "interactions": [],
         "metadata": {"pactSpecification": {"version": "4.0"}}}
        """
            .formatted(consumer, provider));
  }
}
