package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.pactwire.consumer.PactwireWireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sends credentials in every place a secret hides: headers, cookies, body fields. */
public class SecretsTestCase {

  public static final String[] SECRETS = {
    "s3cr3t-bearer-9f8e7d",
    "session=c00k1e-v4lue",
    "k3y-0f-the-api",
    "4111111111111111",
    "t3nant-t0ken",
    "r3fresh-me",
    "set-c00kie-s3cret",
    "qu3ry-acc3ss",
    "p4rtner-k3y",
    "b0dy-acc3ss-t0ken",
    "r3quest-t0ken-by-n4me",
    "s3ssion-t0ken-by-n4me",
    "p4ssw0rd-by-n4me"
  };

  @RegisterExtension
  static PactwireWireMockExtension paypal =
      PactwireWireMockExtension.newInstance()
          .consumer("checkout-service")
          .provider("paypal-orders")
          .pactsDir(Path.of(System.getProperty("pactwire.pactsDir")))
          .secretHeaders("X-Tenant-Token")
          .secretPaths("$.card.number", "$.tokens[*].refresh")
          .secretQueryParameters("partner_key")
          .build();

  @Test
  void paysWithACard() {
    paypal.stubFor(
        post(urlPathEqualTo("/v2/checkout/orders"))
            .withHeader("Authorization", equalTo("Bearer " + SECRETS[0]))
            .withHeader("Cookie", containing("session="))
            .withHeader("X-Api-Key", matching(".+"))
            .withHeader("X-Tenant-Token", equalTo(SECRETS[4]))
            // named as credentials by their names alone, not configured
            .withHeader("X-Request-Token", equalTo(SECRETS[10]))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Set-Cookie", "id=" + SECRETS[6])
                    .withHeader("X-Session-Token", SECRETS[11])
                    .withBody(
                        "{\"id\": \"5O190127TN364715T\", \"tokens\": [{\"refresh\": \""
                            + SECRETS[5]
                            + "\"}], \"access_token\": \""
                            + SECRETS[9]
                            + "\", \"temporaryPassword\": \""
                            + SECRETS[12]
                            + "\", \"mustChangePassword\": true}")));

    Http.post(
        paypal.baseUrl()
            + "/v2/checkout/orders?access_token="
            + SECRETS[7]
            + "&partner_key="
            + SECRETS[8]
            + "&locale=de-DE",
        "{\"intent\": \"CAPTURE\", \"card\": {\"number\": \"" + SECRETS[3] + "\"}}",
        "Content-Type",
        "application/json",
        "Authorization",
        "Bearer " + SECRETS[0],
        "Cookie",
        SECRETS[1],
        "X-Api-Key",
        SECRETS[2],
        "X-Tenant-Token",
        SECRETS[4],
        "X-Request-Token",
        SECRETS[10]);
  }
}
