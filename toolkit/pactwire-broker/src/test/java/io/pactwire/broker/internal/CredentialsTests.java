package io.pactwire.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which credentials are sent, and that no text shows them. */
class CredentialsTests {

  static final URI BROKER = URI.create("https://broker.example.com");

  @Test
  void aTokenIsSentAsBearerAndRedactedWhereverItAppears() {
    Credentials c = Credentials.from(BROKER, Map.of("PACT_BROKER_TOKEN", "planted-tok-1a2b"));

    assertThat(c.header()).isEqualTo("Bearer planted-tok-1a2b");
    assertThat(c.redact("GET /?access_token=planted-tok-1a2b: Bearer planted-tok-1a2b"))
        .isEqualTo("GET /?access_token=****: Bearer ****");
    assertThat(c.describe()).isEqualTo("the token in PACT_BROKER_TOKEN");
  }

  @Test
  void theTokenWinsOverBasicAuthentication() {
    Credentials c =
        Credentials.from(
            BROKER,
            Map.of(
                "PACT_BROKER_TOKEN", "planted-tok-1a2b",
                "PACT_BROKER_USERNAME", "ci",
                "PACT_BROKER_PASSWORD", "planted-pw-9z"));

    assertThat(c.header()).isEqualTo("Bearer planted-tok-1a2b");
    assertThat(c.username()).isNull();
  }

  @Test
  void basicAuthenticationRedactsThePasswordAndTheEncodedPair() {
    Credentials c =
        Credentials.from(
            BROKER, Map.of("PACT_BROKER_USERNAME", "ci", "PACT_BROKER_PASSWORD", "planted-pw-9z"));
    String encoded =
        Base64.getEncoder().encodeToString("ci:planted-pw-9z".getBytes(StandardCharsets.UTF_8));

    assertThat(c.header()).isEqualTo("Basic " + encoded);
    assertThat(c.redact("password planted-pw-9z, header Basic " + encoded))
        .isEqualTo("password ****, header Basic ****");
    assertThat(c.describe()).isEqualTo("basic authentication as ci");
  }

  @Test
  void theUrlsUserInformationIsBasicAuthenticationAndRedacted() {
    Credentials c =
        Credentials.from(URI.create("https://ci:planted-url-pw@broker.example.com"), Map.of());

    assertThat(c.username()).isEqualTo("ci");
    assertThat(c.password()).isEqualTo("planted-url-pw");
    assertThat(c.redact("https://ci:planted-url-pw@broker.example.com"))
        .isEqualTo("https://****@broker.example.com");
  }

  @Test
  void withoutCredentialsNothingIsSent() {
    Credentials c = Credentials.from(BROKER, Map.of("PACT_BROKER_TOKEN", " "));

    assertThat(c.header()).isNull();
    assertThat(c.describe()).isEqualTo("no credentials");
    assertThat(c.redact("unchanged")).isEqualTo("unchanged");
  }
}
