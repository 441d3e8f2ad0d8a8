package io.pactwire.stubs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.InvalidInputException;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real WireMock with the indexed stub store answers as WireMock answers without it. */
class IndexedStoresTests {

  private WireMockServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    var o = options().dynamicPort();
    server = new WireMockServer(o.withStores(new IndexedStores(o.getStores())));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private String send(String method, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }

  @Test
  void aPatternStubStillOutranksALiteralOneByPriority() throws Exception {
    server.addStubMapping(
        get(urlPathEqualTo("/items/1"))
            .atPriority(2)
            .willReturn(aResponse().withBody("literal"))
            .build());
    StubMapping pattern =
        get(urlPathMatching("/items/.*"))
            .atPriority(1)
            .willReturn(aResponse().withBody("pattern"))
            .build();
    server.addStubMapping(pattern);

    assertThat(send("GET", "/items/1")).isEqualTo("200 pattern");
    server.removeStubMapping(pattern);
    assertThat(send("GET", "/items/1")).isEqualTo("200 literal");
    assertThat(send("GET", "/items/2")).startsWith("404");
  }

  @Test
  void aLiteralStubAnswersOnlyItsMethodAndPathAndAnyMethodStubsStillAnswer() throws Exception {
    server.addStubMapping(
        post(urlPathEqualTo("/orders")).willReturn(aResponse().withBody("created")).build());
    server.addStubMapping(
        any(urlPathEqualTo("/health")).willReturn(aResponse().withBody("up")).build());

    assertThat(send("POST", "/orders?x=1")).isEqualTo("200 created");
    assertThat(send("GET", "/orders")).startsWith("404");
    assertThat(send("DELETE", "/health")).isEqualTo("200 up");
  }

  @Test
  void aReplacedStubIsFoundUnderItsNewPath() throws Exception {
    StubMapping first = get(urlPathEqualTo("/a")).willReturn(aResponse().withBody("a")).build();
    server.addStubMapping(first);
    server.editStubMapping(
        get(urlPathEqualTo("/b"))
            .withId(first.getId())
            .willReturn(aResponse().withBody("b"))
            .build());

    assertThat(send("GET", "/b")).isEqualTo("200 b");
    assertThat(send("GET", "/a")).startsWith("404");
    server.resetMappings();
    assertThat(send("GET", "/b")).startsWith("404");
  }

  @Test
  void amongStubsOfEqualPriorityTheLastAddedAnswersWhetherLiteralOrPattern() throws Exception {
    server.addStubMapping(
        get(urlPathEqualTo("/items/1")).willReturn(aResponse().withBody("literal 1")).build());
    server.addStubMapping(
        get(urlPathMatching("/items/.*")).willReturn(aResponse().withBody("pattern")).build());
    assertThat(send("GET", "/items/1")).isEqualTo("200 pattern");

    server.addStubMapping(
        get(urlPathEqualTo("/items/1")).willReturn(aResponse().withBody("literal 2")).build());
    assertThat(send("GET", "/items/1")).isEqualTo("200 literal 2");
    assertThat(send("GET", "/items/2")).isEqualTo("200 pattern");
  }

  @Test
  void aStubRemovedByAnEqualRequestPatternIsNoLongerAsked() throws Exception {
    server.addStubMapping(
        get(urlPathEqualTo("/gone")).willReturn(aResponse().withBody("here")).build());
    server.addStubMapping(
        get(urlPathEqualTo("/kept")).willReturn(aResponse().withBody("kept")).build());

    // another id, the same request pattern: WireMock removes the stub it holds
    server.removeStubMapping(
        get(urlPathEqualTo("/gone")).willReturn(aResponse().withBody("other")).build());

    assertThat(send("GET", "/gone")).startsWith("404");
    assertThat(send("GET", "/kept")).isEqualTo("200 kept");
  }

  @Test
  void aStubIsFoundByIdUntilRemovedAndAnIdIsNotAddedTwice() throws Exception {
    StubMapping first = get(urlPathEqualTo("/a")).willReturn(aResponse().withBody("a")).build();
    server.addStubMapping(first);
    assertThat(server.getSingleStubMapping(first.getId()).getName()).isEqualTo(first.getName());

    StubMapping again =
        get(urlPathEqualTo("/b")).withId(first.getId()).willReturn(aResponse()).build();
    assertThatThrownBy(() -> server.addStubMapping(again))
        .isInstanceOf(InvalidInputException.class);
    assertThat(send("GET", "/b")).startsWith("404");

    server.removeStubMapping(first);
    assertThat(server.getStubMappings()).isEmpty();
    assertThat(send("GET", "/a")).startsWith("404");
  }
}
