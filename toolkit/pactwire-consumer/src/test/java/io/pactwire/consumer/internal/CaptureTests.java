package io.pactwire.consumer.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.testcases.Http;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaptureTests {

  static final CaptureListener LISTENER = new CaptureListener();
  static final WireMockServer SERVER =
      new WireMockServer(wireMockConfig().dynamicPort().extensions(LISTENER));
  static final CaptureSettings SETTINGS = CaptureSettings.of(List.of(), List.of());

  @BeforeAll
  static void start() {
    SERVER.start();
  }

  @AfterAll
  static void stop() {
    SERVER.stop();
  }

  /** Stubs a reservation afresh (a new stub id each time, as each test does) and posts it. */
  static Capture.Captured reserve(
      String description, String body, Map<String, Capture.Inputs> recorded) {
    SERVER.resetAll();
    CaptureListener.Recording recording =
        LISTENER.startRecording(new Capture.Setup(SETTINGS, List.of(), "T#t", recorded));
    SERVER.stubFor(
        post(urlPathEqualTo("/reservations"))
            .withMetadata(PactStub.interaction(description).given("stock").metadata())
            .willReturn(okJson("{\"id\": \"r-1\"}")));
    Http.post(SERVER.baseUrl() + "/reservations", body, "Content-Type", "application/json");
    LISTENER.stopRecording(recording);
    return Capture.select(recording.examples(), (stub, why) -> {});
  }

  // Two stubs of one description and state, served in this order, for a test with these inputs
  // recorded.
  static Capture.Captured twoStubsOfOneKey(Map<String, Capture.Inputs> recorded) {
    SERVER.resetAll();
    CaptureListener.Recording recording =
        LISTENER.startRecording(new Capture.Setup(SETTINGS, List.of(), "T#t", recorded));
    for (String sku : List.of("a", "b")) {
      SERVER.stubFor(
          get(urlPathEqualTo("/products/" + sku))
              .withMetadata(PactStub.interaction("a product").given("stock").metadata())
              .willReturn(okJson("{\"sku\": \"" + sku + "\"}")));
    }
    Http.get(SERVER.baseUrl() + "/products/a");
    Http.get(SERVER.baseUrl() + "/products/b");
    LISTENER.stopRecording(recording);
    return Capture.select(recording.examples(), (stub, why) -> {});
  }

  @Test
  void theFirstStubServedOfADescriptionAndStateIsItsExampleInEveryRun() {
    Map<String, Capture.Inputs> recorded = new HashMap<>();
    List<Capture.Captured> runs = new ArrayList<>();
    // The client's first request on a connection carries other headers (an HTTP/2 upgrade): from
    // the second run on, the first stub's inputs are those recorded.
    for (int run = 0; run < 3; run++) {
      Capture.Captured captured = twoStubsOfOneKey(recorded);
      recorded.putAll(captured.inputs());
      runs.add(captured);
    }

    assertThat(runs.get(0).interactions())
        .singleElement()
        .satisfies(i -> assertThat(i.json().path("request").path("path").asText()).endsWith("/a"));
    assertThat(runs.stream().flatMap(run -> run.interactions().stream()))
        .allSatisfy(i -> assertThat(i.json().path("request").path("path").asText()).endsWith("/a"));
    // the first stub's example is recorded already; the second stub's is no candidate
    assertThat(runs.get(2).interactions()).isEmpty();
  }

  // Tests running at once on one server: each ends its own recording, not the one started last.
  @Test
  void stoppingAnEarlierRecordingLeavesTheLaterOneRecording() {
    SERVER.resetAll();
    Capture.Setup setup = new Capture.Setup(SETTINGS, List.of(), "T#t", new HashMap<>());
    CaptureListener.Recording earlier = LISTENER.startRecording(setup);
    CaptureListener.Recording later = LISTENER.startRecording(setup);
    LISTENER.stopRecording(earlier);
    SERVER.stubFor(get(urlPathEqualTo("/products/a")).willReturn(okJson("{}")));

    Http.get(SERVER.baseUrl() + "/products/a");
    LISTENER.stopRecording(later);

    assertThat(earlier.examples()).isEmpty();
    assertThat(later.examples()).hasSize(1);
  }

  // A test that interrupts its own thread and passes: its end still waits for the example the
  // background thread is preparing, and leaves the interrupt set.
  @Test
  void aTestThatInterruptedItselfStillGetsItsExamples() throws Exception {
    SERVER.resetAll();
    CountDownLatch preparing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Map<String, Capture.Inputs> blocking =
        new HashMap<>() {
          @Override
          public Capture.Inputs get(Object key) {
            preparing.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
            return super.get(key);
          }
        };
    CaptureListener.Recording recording =
        LISTENER.startRecording(new Capture.Setup(SETTINGS, List.of(), "T#t", blocking));
    SERVER.stubFor(get(urlPathEqualTo("/products/a")).willReturn(okJson("{}")));
    Http.get(SERVER.baseUrl() + "/products/a");
    LISTENER.stopRecording(recording);
    assertThat(preparing.await(10, TimeUnit.SECONDS)).isTrue();
    Thread releaser =
        new Thread(
            () -> {
              try {
                Thread.sleep(200);
              } catch (InterruptedException ignored) {
                // released at once
              }
              release.countDown();
            });
    releaser.start();

    Thread.currentThread().interrupt();
    List<Capture.Example> examples = recording.examples();

    assertThat(Thread.interrupted()).isTrue();
    assertThat(examples).hasSize(1);
    releaser.join();
  }

  @Test
  void eachInteractionIsRenderedWhereItIsBuilt() {
    Capture.Captured captured = reserve("a reservation", "{\"qty\": 2}", new HashMap<>());

    RecordedInteraction interaction = captured.interactions().get(0);
    assertThat(interaction.text())
        .isEqualTo(io.pactwire.core.internal.PactJson.renderInteraction(interaction.json()))
        .contains("\"description\" : \"a reservation\"");
  }

  @Test
  void anExchangeWithTheInputsOfARecordedInteractionIsNotBuiltAgain() {
    Map<String, Capture.Inputs> recorded = new HashMap<>();
    Capture.Captured first = reserve("a reservation", "{\"qty\": 2}", recorded);
    recorded.putAll(first.inputs());

    Capture.Captured again = reserve("a reservation", "{\"qty\": 2}", recorded);

    assertThat(first.interactions()).hasSize(1);
    assertThat(again.interactions()).isEmpty();
    assertThat(again.inputs()).isEmpty();
  }

  @Test
  void anExchangeWithOtherInputsIsBuiltForComparison() {
    Map<String, Capture.Inputs> recorded = new HashMap<>();
    recorded.putAll(reserve("a reservation", "{\"qty\": 2}", recorded).inputs());

    Capture.Captured otherBody = reserve("a reservation", "{\"qty\": 3}", recorded);

    assertThat(otherBody.interactions())
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.json().path("request").path("body").path("content"))
                    .hasToString("{\"qty\":3}"));
  }

  @Test
  void inputsRecordedForOneDescriptionDoNotCoverAnother() {
    Map<String, Capture.Inputs> recorded = new HashMap<>();
    recorded.putAll(reserve("a reservation", "{\"qty\": 2}", recorded).inputs());

    Capture.Captured other = reserve("another reservation", "{\"qty\": 2}", recorded);

    assertThat(other.interactions())
        .singleElement()
        .satisfies(i -> assertThat(i.description()).isEqualTo("another reservation"));
  }
}
