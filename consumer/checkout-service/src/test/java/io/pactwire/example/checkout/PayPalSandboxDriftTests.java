package io.pactwire.example.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.pactwire.record.Drift;
import io.pactwire.record.DriftMonitor;
import io.pactwire.record.MonitorRun;
import io.pactwire.record.RecordingProxy;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third-party story end to end, on a local stand-in for PayPal's Orders sandbox: the checkout
 * client's calls are recorded through the recording proxy into WireMock stubs and a pact, the
 * client then runs against those stubs, and the monitor, replaying the pact against the sandbox,
 * reports exactly what changed when the sandbox changes, once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayPalSandboxDriftTests {

  private static final String GET_ORDER =
      "GET /v2/checkout/orders/" + PayPalSandboxStandIn.ORDER_ID;
  private static final String CAPTURE =
      "POST /v2/checkout/orders/" + PayPalSandboxStandIn.ORDER_ID + "/capture";

  @TempDir static Path recorded;
  @TempDir static Path history;
  private static PayPalSandboxStandIn sandbox;
  private static RecordingProxy.Recording recording;

  @BeforeAll
  static void startTheSandbox() throws IOException {
    sandbox = new PayPalSandboxStandIn(PayPalStubs.CREDENTIALS);
  }

  @AfterAll
  static void stopTheSandbox() {
    sandbox.close();
  }

  private static PayPalOrdersClient client(String baseUrl, PayPalCredentials credentials) {
    return new PayPalOrdersClient(
        URI.create(baseUrl),
        credentials,
        HttpClient.newHttpClient(),
        new MutableClock(PayPalStubs.START),
        TestClients.TIMEOUT);
  }

  private static MonitorRun monitor() {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (PayPalStubs.CREDENTIALS.clientId() + ":" + PayPalStubs.CREDENTIALS.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
    return DriftMonitor.newInstance(recording.pact(), URI.create(sandbox.baseUrl()))
        .history(history)
        .allowWrites(true) // a sandbox: creating and capturing orders there is what it is for
        .environment(
            Map.of(
                "PACTWIRE_SECRET_AUTHORIZATION_BASIC",
                basic,
                "PACTWIRE_SECRET_AUTHORIZATION_BEARER",
                PayPalSandboxStandIn.ACCESS_TOKEN))
        .backoff(Duration.ofMillis(50))
        .build()
        .run();
  }

  @Test
  @Order(1)
  void theClientsCallsAreRecordedIntoStubsAndAPactWithoutItsCredentials() throws IOException {
    try (RecordingProxy proxy =
        RecordingProxy.newInstance(URI.create(sandbox.baseUrl()))
            .consumer("checkout-service")
            .provider("paypal-orders-sandbox")
            .out(recorded)
            .secretPaths("$.access_token")
            .build()
            .start()) {
      PayPalOrdersClient client = client(proxy.baseUrl(), PayPalStubs.CREDENTIALS);
      client.createOrder(
          new NewOrder("SKU-1001", "res-1", Money.of("EUR", new BigDecimal("49.8"))),
          "checkout-create-res-1");
      client.getOrder(PayPalSandboxStandIn.ORDER_ID);
      client.captureOrder(PayPalSandboxStandIn.ORDER_ID, "checkout-capture-res-1");
      recording = proxy.stop();
    }

    assertThat(recording.interactions()).isEqualTo(4);
    List<Path> files = new ArrayList<>(recording.mappings());
    files.add(recording.pact());
    for (Path file : files) {
      assertThat(Files.readString(file))
          .as(file.toString())
          .doesNotContain(PayPalSandboxStandIn.ACCESS_TOKEN)
          .doesNotContain(PayPalStubs.CREDENTIALS.clientSecret())
          .doesNotContain(
              Base64.getEncoder()
                  .encodeToString(
                      (PayPalStubs.CREDENTIALS.clientId() + ":").getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  @Order(2)
  void checkoutRunsAgainstTheRecordedStubsWithAnyCredentials() {
    WireMockServer stubs =
        new WireMockServer(
            WireMockConfiguration.options()
                .dynamicPort()
                .usingFilesUnderDirectory(recorded.toString()));
    stubs.start();
    try {
      PayPalOrdersClient client =
          client(stubs.baseUrl(), new PayPalCredentials("another-app", "another-secret"));

      PayPalOrder created =
          client.createOrder(
              new NewOrder("SKU-1001", "res-1", Money.of("EUR", new BigDecimal("49.8"))),
              "checkout-create-res-1");
      assertThat(created.status()).isEqualTo(PayPalOrder.Status.CREATED);
      assertThat(created.link("approve")).isPresent();
      assertThat(client.getOrder(PayPalSandboxStandIn.ORDER_ID).status())
          .isEqualTo(PayPalOrder.Status.APPROVED);
      assertThat(
              client
                  .captureOrder(PayPalSandboxStandIn.ORDER_ID, "checkout-capture-res-1")
                  .captures())
          .containsExactly(
              new PayPalOrder.Capture(
                  "3C679366HH908993F",
                  PayPalOrder.CaptureStatus.COMPLETED,
                  new Money("EUR", "49.80")));
    } finally {
      stubs.stop();
    }
  }

  @Test
  @Order(3)
  void theUnchangedSandboxHasNoDrift() {
    MonitorRun run = monitor();

    assertThat(run.exitCode()).isZero();
    assertThat(run.drift()).isEmpty();
    assertThat(run.calls()).hasSize(4);
  }

  @Test
  @Order(4)
  void aRenamedFieldAndANewRequiredHeaderAreReportedExactlyAndOnce() {
    sandbox.renameStatus = true;
    sandbox.requirePartnerAttribution = true;

    MonitorRun changed = monitor();

    assertThat(changed.exitCode()).isEqualTo(1);
    assertThat(changed.newDrift())
        .extracting(Drift::interaction, Drift::kind, Drift::path, Drift::actual)
        .containsExactlyInAnyOrder(
            tuple(GET_ORDER, "field gone", "$.status", "(absent)"),
            tuple(CAPTURE, "status changed", "", "400"));

    MonitorRun again = monitor();

    assertThat(again.exitCode()).isZero();
    assertThat(again.newDrift()).isEmpty();
    assertThat(again.drift()).hasSize(2);
  }
}
