package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.pactwire.consumer.PactwireWireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Credentials where no JSON carries them: WireMock's basic auth and cookie patterns, a form login
 * and its form answer, an XML login and its XML answer.
 */
public class TextBodySecretsTestCase {

  public static final String[] SECRETS = {
    "b4sic-p4ssw0rd",
    "s3ssion-c00kie",
    "f0rm-p4ssw0rd",
    "f0rm-cl1ent-s3cret",
    "f0rm-acc3ss-t0ken",
    "xml-p4ssw0rd",
    "xml-acc3ss-t0ken",
    "xml-attr1bute-t0ken"
  };

  @RegisterExtension
  static PactwireWireMockExtension sso =
      PactwireWireMockExtension.newInstance()
          .consumer("checkout-service")
          .provider("sso")
          .pactsDir(Path.of(System.getProperty("pactwire.pactsDir")))
          .build();

  @Test
  void logsInWithAForm() {
    sso.stubFor(
        post(urlPathEqualTo("/oauth/token"))
            .withBasicAuth("checkout", SECRETS[0])
            .withCookie("SESSION", matching(".+"))
            .withFormParam("grant_type", equalTo("password"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/x-www-form-urlencoded")
                    .withBody("access_token=" + SECRETS[4] + "&token_type=bearer")));

    Http.post(
        sso.baseUrl() + "/oauth/token",
        "grant_type=password&username=ada&password=" + SECRETS[2] + "&client_secret=" + SECRETS[3],
        "Content-Type",
        "application/x-www-form-urlencoded",
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("checkout:" + SECRETS[0]).getBytes(StandardCharsets.UTF_8)),
        "Cookie",
        "SESSION=" + SECRETS[1]);
  }

  @Test
  void logsInWithXml() {
    sso.stubFor(
        post(urlPathEqualTo("/soap/login"))
            .withHeader("Content-Type", containing("xml"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/xml")
                    .withBody(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><auth session-token=\""
                            + SECRETS[7]
                            + "\"><access_token>"
                            + SECRETS[6]
                            + "</access_token><user>ada</user></auth>")));

    Http.post(
        sso.baseUrl() + "/soap/login",
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + "<login xmlns:wsse=\"urn:wsse\"><user>ada</user><wsse:Password>"
            + SECRETS[5]
            + "</wsse:Password></login></soap:Body></soap:Envelope>",
        "Content-Type",
        "application/xml");
  }
}
