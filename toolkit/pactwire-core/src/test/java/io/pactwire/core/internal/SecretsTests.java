package io.pactwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTests {

  @Nested
  class Headers {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Authorization",
          "cookie",
          "X-Api-Key",
          "X-API-KEY",
          "X-Apikey",
          "X-Request-Token",
          "X-CSRF-Token",
          "X-Amz-Security-Token",
          "X-Client-Secret",
          "X-Session-Id",
          "X-Goog-Api-Key",
          "Ocp-Apim-Subscription-Key",
          "X-Access-Key",
          "X-Password",
          "x_auth_token"
        })
    void aHeaderNamedForACredentialIsSecret(String name) {
      assertThat(Secrets.isSecretHeader(name)).isTrue();
      // asked again, the remembered answer is the same
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
          "X-Request-Id",
          "X-Token-Expires-In",
          "Token-Type",
          "X-RateLimit-Remaining-Tokens",
          "Access-Control-Allow-Credentials",
          "X-Password-Policy",
          "X-Cookie-Consent"
        })
    void aHeaderThatOnlyHoldsSuchAWordIsNot(String name) {
      assertThat(Secrets.isSecretHeader(name)).isFalse();
      assertThat(Secrets.isSecretHeader(name)).isFalse();
    }
  }

  @Nested
  class BodyFields {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "access_token",
          "client_secret",
          "password",
          "newPassword",
          "session_token",
          "csrfToken",
          "oauth_token",
          "subject_token",
          "token",
          "webhook_secret",
          "privateKey",
          "SecretAccessKey",
          "aws_secret_access_key",
          "passphrase",
          "client_assertion",
          "code_verifier",
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
          "continuation_token",
          "tokenType",
          "token_type",
          "expires_in",
          "AccessKeyId",
          "passwordPolicy",
          "sku"
        })
    void aBodyFieldOfNoCredentialIsNot(String name) {
      assertThat(Secrets.isSecretField(name)).isFalse();
    }
  }

  @Nested
  class RenderedText {

    @Test
    void losesTheValueOfEverySecretHeaderAndKeepsTheOthers() {
      String diff =
          "X-Request-Token: tok-123456      | X-Request-Token: other-99999\n"
              + "Content-Type: application/json  | Content-Type: text/plain\n"
              + "Note: Authorization: Bearer abc.def\n";

      String scrubbed = Secrets.scrubNamed(diff);

      assertThat(scrubbed)
          .isEqualTo(
              "X-Request-Token: <redacted>      | X-Request-Token: <redacted>\n"
                  + "Content-Type: application/json  | Content-Type: text/plain\n"
                  + "Note: Authorization: <redacted>\n");
    }

    // a request body of one long line holds many "name:" pairs, none of them a header
    @Test
    void aLongLineOfJsonKeepsAllButTheSecretHeadersValue() {
      StringBuilder body = new StringBuilder("{");
      for (int i = 0; i < 20_000; i++) {
        body.append("\"k").append(i).append("\": \"https://example.com/x\", ");
      }
      String line = body.append("\"end\": 1} Authorization: Bearer tail-secret-1").toString();

      String scrubbed = Secrets.scrubNamed(line);

      assertThat(scrubbed)
          .isEqualTo(line.replace("Bearer tail-secret-1", "<redacted>"))
          .doesNotContain("tail-secret-1");
    }

    @Test
    void aValueOfAFewCharactersIsNotLookedForInEchoes() {
      Set<String> secrets = new TreeSet<>();

      Secrets.add(secrets, "7");
      Secrets.add(secrets, "Bearer abc");
      Secrets.add(secrets, "Bearer s3cr3t-token");

      assertThat(secrets).containsExactly("Bearer abc", "Bearer s3cr3t-token", "s3cr3t-token");
    }
  }

  @Nested
  class CookiesAndUrls {

    @Test
    void sessionsTokensAndIdsAreCredentialCookiesPreferencesAreNot() {
      for (String name :
          List.of(
              "SESSION",
              "JSESSIONID",
              "PHPSESSID",
              "connect.sid",
              "XSRF-TOKEN",
              "remember_me",
              "uid",
              "wordpress_logged_in_ab12",
              "li_at",
              "CASTGC",
              "CloudFront-Signature",
              "auth")) {
        assertThat(Secrets.isSecretCookie(name)).as(name).isTrue();
      }
      for (String name :
          List.of(
              "theme",
              "lang",
              "consent",
              "currency",
              "sidebar_collapsed",
              "author_filter",
              "keyboard_layout",
              "cart_id")) {
        assertThat(Secrets.isSecretCookie(name)).as(name).isFalse();
      }
    }

    @Test
    void aUrlIsShownWithoutUserInformationOrCredentialQueryValues() {
      assertThat(
              Secrets.shownUrl("http://bob:pw-1@host:8080/p?token=t-1&page=2&access_token=a-1#f"))
          .isEqualTo("http://****@host:8080/p?token=<redacted>&page=2&access_token=<redacted>#f");
      assertThat(Secrets.shownUrl("http://host/p")).isEqualTo("http://host/p");
      assertThat(Secrets.shownUrl("https://user:p@ss@host/x")).isEqualTo("https://****@host/x");
    }
  }
}
