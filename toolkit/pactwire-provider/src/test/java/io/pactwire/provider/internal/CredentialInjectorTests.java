package io.pactwire.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CredentialInjectorTests {

  @Test
  void setsTheQueryParameterLeavingOtherPartsByteForByte() throws Exception {
    URI uri = URI.create("http://localhost:1234/stock?sku=SKU%2F1+a&api_key=%3Credacted%3E#top");

    URI sent = CredentialInjector.withQueryParameter(uri, "api_key", "k3y &=/+");

    assertThat(sent.toString())
        .isEqualTo("http://localhost:1234/stock?sku=SKU%2F1+a&api_key=k3y+%26%3D%2F%2B#top");
  }

  @Test
  void setsEveryValueOfARepeatedParameter() throws Exception {
    URI uri = URI.create("http://localhost/a?api_key=x&b=1&api_key=y");

    assertThat(CredentialInjector.withQueryParameter(uri, "api_key", "k").toString())
        .isEqualTo("http://localhost/a?api_key=k&b=1&api_key=k");
  }

  // a credential for one cookie replaces that cookie, not the preferences the contract requires
  @Test
  void aCookieCredentialReplacesOnlyTheCookiesItNames() {
    assertThat(
            CredentialInjector.withCookies(
                "SESSION=<redacted>; theme=dark", "SESSION=s3ssion-value"))
        .isEqualTo("SESSION=s3ssion-value; theme=dark");
    assertThat(CredentialInjector.withCookies("theme=dark", "SESSION=s3ssion-value"))
        .isEqualTo("theme=dark; SESSION=s3ssion-value");
    assertThat(CredentialInjector.withCookies("<redacted>", "SESSION=s3ssion-value"))
        .isEqualTo("SESSION=s3ssion-value");
    assertThat(CredentialInjector.withCookies("SESSION=<redacted>", "raw-token"))
        .isEqualTo("raw-token");
  }
}
