package io.pactwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Authorization",
        "cookie",
        "X-Api-Key",
        "X-Request-Token",
        "X-CSRF-Token",
        "X-Amz-Security-Token",
        "X-Client-Secret",
        "X-Session-Id",
        "X-Goog-Api-Key",
        "Ocp-Apim-Subscription-Key",
        "X-Access-Key",
        "X-Password"
      })
  void aHeaderNamedForACredentialIsSecret(String name) {
    assertThat(Secrets.isSecretHeader(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Type",
        "Accept",
        "Idempotency-Key",
        "PayPal-Request-Id",
        "X-Pact-State",
        "WWW-Authenticate",
        "Location",
        "X-Request-Id"
      })
  void aHeaderOfNoCredentialIsNot(String name) {
    assertThat(Secrets.isSecretHeader(name)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "access_token",
        "client_secret",
        "password",
        "newPassword",
        "session_token",
        "csrfToken",
        "token",
        "webhook_secret",
        "privateKey",
        "x-api-key"
      })
  void aBodyFieldNamedForACredentialIsSecret(String name) {
    assertThat(Secrets.isSecretField(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id",
        "nextPageToken",
        "page_token",
        "tokenType",
        "token_type",
        "expires_in",
        "sku"
      })
  void aBodyFieldOfNoCredentialIsNot(String name) {
    assertThat(Secrets.isSecretField(name)).isFalse();
  }

  @Test
  void renderedTextLosesTheValueOfEverySecretHeaderAndKeepsTheOthers() {
    String diff =
        "X-Request-Token: tok-123456      | X-Request-Token: other-99999\n"
            + "Content-Type: application/json  | Content-Type: text/plain\n"
            + "Note: Authorization: Bearer abc.def\n";

    String scrubbed = Secrets.scrubNamed(diff);

    assertThat(scrubbed)
        .doesNotContain("tok-123456", "other-99999", "abc.def")
        .contains("X-Request-Token: <redacted>", "Authorization: <redacted>")
        .contains("Content-Type: application/json  | Content-Type: text/plain");
  }
}
