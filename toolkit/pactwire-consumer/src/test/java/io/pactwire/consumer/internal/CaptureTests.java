package io.pactwire.consumer.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.testcases.Http;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  static List<ServeEvent> reserve(String description, String body) {
    SERVER.resetAll();
    LISTENER.drain();
    SERVER.stubFor(
        post(urlPathEqualTo("/reservations"))
            .withMetadata(PactStub.interaction(description).given("stock").metadata())
            .willReturn(okJson("{\"id\": \"r-1\"}")));
    Http.post(SERVER.baseUrl() + "/reservations", body, "Content-Type", "application/json");
    return LISTENER.drain();
  }

  static Capture.Captured capture(List<ServeEvent> events, Map<String, Capture.Inputs> recorded) {
    return Capture.interactions(events, SETTINGS, List.of(), "T#t", (stub, why) -> {}, recorded);
  }

  @Test
  void anExchangeWithTheInputsOfARecordedInteractionIsNotBuiltAgain() {
    Map<String, Capture.Inputs> recorded = new HashMap<>();
    Capture.Captured first = capture(reserve("a reservation", "{\"qty\": 2}"), recorded);
    recorded.putAll(first.inputs());

    Capture.Captured again = capture(reserve("a reservation", "{\"qty\": 2}"), recorded);

    assertThat(first.interactions()).hasSize(1);
    assertThat(again.interactions()).isEmpty();
    assertThat(again.inputs()).isEmpty();
  }

  @Test
  void anExchangeWithOtherInputsIsBuiltForComparison() {
    Map<String, Capture.Inputs> recorded = new HashMap<>();
    recorded.putAll(capture(reserve("a reservation", "{\"qty\": 2}"), recorded).inputs());

    Capture.Captured otherBody = capture(reserve("a reservation", "{\"qty\": 3}"), recorded);

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
    recorded.putAll(capture(reserve("a reservation", "{\"qty\": 2}"), recorded).inputs());

    Capture.Captured other = capture(reserve("another reservation", "{\"qty\": 2}"), recorded);

    assertThat(other.interactions())
        .singleElement()
        .satisfies(i -> assertThat(i.description()).isEqualTo("another reservation"));
  }
}
