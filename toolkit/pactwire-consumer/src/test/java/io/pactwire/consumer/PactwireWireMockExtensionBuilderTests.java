package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.core.Options;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PactwireWireMockExtensionBuilderTests {

  @Test
  void refusesANameThatCannotNameAPactFileWhereTheExtensionIsDeclared() {
    assertThatThrownBy(
            () ->
                PactwireWireMockExtension.newInstance()
                    .consumer("checkout-service")
                    .provider("inventory/service")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "provider name 'inventory/service' cannot name a pact file: start with an ASCII letter"
                + " or digit, then use ASCII letters, digits, '.', '_', '-' or spaces");
  }

  @Test
  void refusesToLetUnmatchedRequestsPass() {
    assertThatThrownBy(() -> PactwireWireMockExtension.newInstance().failOnUnmatchedRequests(false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unmatched requests always fail under Pactwire");
  }

  @Test
  void needsAWireMockConfigurationToAddItsListenerTo() {
    Options other =
        (Options)
            Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Options.class}, (p, m, a) -> null);
    assertThatThrownBy(() -> PactwireWireMockExtension.newInstance().options(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Pactwire adds its capture listener to WireMock's options: pass a WireMockConfiguration");
  }

  @Test
  void namesThePactFileFromConsumerProviderAndFolder() {
    PactwireWireMockExtension extension =
        PactwireWireMockExtension.newInstance()
            .consumer("checkout-service")
            .provider("paypal-orders")
            .pactsDir(Path.of("target", "some-pacts"))
            .build();
    assertThat(extension.pactFile())
        .isEqualTo(
            Path.of("target", "some-pacts", "checkout-service-paypal-orders.json")
                .toAbsolutePath());
  }
}
