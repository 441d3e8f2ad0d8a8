package io.pactwire.consumer.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.core.internal.JsonText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Capture writes its trees with {@code PactFiles.render}, which prints a tree as it is (no copy):
 * the text is the golden pact's, and a fixed point of rendering and reading back.
 */
class PactRenderingTests {

  // The golden pacts: captured interactions, secrets, decimals with their scale.
  @ParameterizedTest
  @ValueSource(
      strings = {"checkout-service-inventory-service.json", "checkout-service-paypal-orders.json"})
  void rendersAGoldenPactByteForByte(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
      String golden = new String(in.readAllBytes(), UTF_8);

      assertThat(JsonText.render(ExactJson.MAPPER.readTree(golden))).isEqualTo(golden);
    }
  }

  // pact-jvm's own pacts (any spec version, odd keys, unicode, nulls, numbers of every kind).
  @ParameterizedTest
  @MethodSource("pactJvmPacts")
  void rendersAnyPactToAFixedPoint(Path pact) throws IOException {
    String once = JsonText.render(ExactJson.MAPPER.readTree(Files.readString(pact, UTF_8)));

    assertThat(JsonText.render(ExactJson.MAPPER.readTree(once))).isEqualTo(once);
  }

  static List<Path> pactJvmPacts() throws IOException {
    String corpora = System.getProperty("pactwire.corporaDir");
    Path dir = corpora == null ? null : Path.of(corpora, "pact-jvm-pacts");
    Assumptions.assumeTrue(
        dir != null && Files.isDirectory(dir), "pact-jvm-pacts corpus not found");
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }
}
