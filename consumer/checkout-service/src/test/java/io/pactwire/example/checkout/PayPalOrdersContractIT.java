package io.pactwire.example.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.PactsDirectory;
import io.pactwire.openapi.OpenApiCheck;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PayPal contracts as {@link PayPalOrdersClientTests} wrote them. A Failsafe test: it runs in
 * {@code integration-test}, after Surefire's tests have captured the pacts.
 */
class PayPalOrdersContractIT {

  private static final String ACCESS_TOKEN =
      "A21AAFEpH4PsADK7qSS7pSRsgzfENtu-Q1ysgEDVDESseMHBYXVJYE8ovjj68elIDy8nF26AwPhfXTIeWAZHSLIsQkSYz9ifg";

  private final Path ordersPact = pact("paypal-orders");
  private final Path oauthPact = pact("paypal-oauth");

  @Test
  void theOrdersContractConformsToPayPalsPublishedOrdersV2Spec() {
    OpenApiCheck.of(PayPalSpec.ordersV2()).assertConforms(ordersPact);
  }

  @Test
  void theOrdersContractHoldsOneInteractionPerDescribedOrdersStub()
      throws IOException, URISyntaxException {
    List<String> expected = new ArrayList<>();
    Path mappings = Path.of(getClass().getResource("/paypal/mappings").toURI());
    try (DirectoryStream<Path> files = Files.newDirectoryStream(mappings, "*.json")) {
      for (Path file : files) {
        JsonNode stub = Json.MAPPER.readTree(file.toFile());
        if (stub.path("request").path("url").asText().startsWith("/v2/checkout/orders")) {
          expected.add(stub.path("metadata").path("pact").path("description").asText());
        }
      }
    }

    assertThat(descriptions(ordersPact)).containsExactlyInAnyOrderElementsOf(expected).hasSize(7);
  }

  @Test
  void theTokenCallHasAContractOfItsOwn() throws IOException {
    assertThat(descriptions(oauthPact)).containsExactly("a client-credentials token request");
    assertThat(paths(oauthPact)).containsExactly("/v1/oauth2/token");
    assertThat(paths(ordersPact)).allMatch(path -> path.startsWith("/v2/checkout/orders"));
  }

  @Test
  void neitherPayPalContractCarriesACredential() throws IOException {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (PayPalStubs.CREDENTIALS.clientId() + ":" + PayPalStubs.CREDENTIALS.clientSecret())
                    .getBytes());
    for (Path pact : List.of(ordersPact, oauthPact)) {
      String text = Files.readString(pact);
      assertThat(text)
          .as(pact.toString())
          .doesNotContain(ACCESS_TOKEN)
          .doesNotContain(basic)
          .doesNotContain(PayPalStubs.CREDENTIALS.clientSecret())
          .doesNotContain(PayPalStubs.CREDENTIALS.clientId());
    }
    // The redacted values are still there, as placeholders the provider side can match.
    assertThat(Files.readString(ordersPact)).contains("Bearer <redacted>");
    assertThat(Files.readString(oauthPact)).contains("Basic <redacted>");
  }

  private static Path pact(String provider) {
    Path pact = PactsDirectory.locate().resolve(PayPalStubs.CONSUMER + "-" + provider + ".json");
    assumeTrue(
        Files.isRegularFile(pact),
        pact + " is absent: run PayPalOrdersClientTests first (mvn verify runs them before this)");
    return pact;
  }

  private static List<String> descriptions(Path pact) throws IOException {
    List<String> descriptions = new ArrayList<>();
    Json.MAPPER
        .readTree(pact.toFile())
        .path("interactions")
        .forEach(i -> descriptions.add(i.path("description").asText()));
    return descriptions;
  }

  private static List<String> paths(Path pact) throws IOException {
    List<String> paths = new ArrayList<>();
    Json.MAPPER
        .readTree(pact.toFile())
        .path("interactions")
        .forEach(i -> paths.add(i.path("request").path("path").asText()));
    return paths;
  }
}
