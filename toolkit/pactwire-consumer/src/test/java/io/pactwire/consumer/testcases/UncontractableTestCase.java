package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.pactwire.consumer.PactwireRuntimeInfo;
import io.pactwire.consumer.PactwireWireMockTest;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** Stubs that show behaviour, not a contract: templating, delay, fault. All tests pass. */
@PactwireWireMockTest(consumer = "checkout-service", provider = "behaviour-service")
public class UncontractableTestCase {

  @Test
  void usesTemplatingTwice(PactwireRuntimeInfo wm) {
    stubFor(
        get(urlPathEqualTo("/echo"))
            .withName("echo")
            .willReturn(
                aResponse().withBody("{{request.path}}").withTransformers("response-template")));
    stubFor(get(urlPathEqualTo("/plain")).willReturn(okJson("{\"ok\": true}")));

    assertThat(Http.get(wm.getHttpBaseUrl() + "/echo").body()).isEqualTo("/echo");
    Http.get(wm.getHttpBaseUrl() + "/echo");
    Http.get(wm.getHttpBaseUrl() + "/plain");
  }

  @Test
  void waitsForASlowResponse(PactwireRuntimeInfo wm) {
    stubFor(
        get(urlPathEqualTo("/slow")).withName("slow").willReturn(okJson("{}").withFixedDelay(10)));
    Http.get(wm.getHttpBaseUrl() + "/slow");
  }

  @Test
  void survivesAConnectionReset(PactwireRuntimeInfo wm) {
    stubFor(
        get(urlPathEqualTo("/broken"))
            .withName("broken")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try {
      Http.get(wm.getHttpBaseUrl() + "/broken");
    } catch (UncheckedIOException expected) {
      // the consumer's retry logic would run here
    }
  }
}
