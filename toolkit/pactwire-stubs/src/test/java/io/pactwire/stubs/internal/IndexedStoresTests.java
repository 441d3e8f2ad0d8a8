package io.pactwire.stubs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.common.InvalidInputException;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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

  /**
   * A stub of a literal method and path that asks a direct custom matcher and nothing else is
   * judged by the matcher's direct judgement; any other stub, or a matcher WireMock does not hold
   * under that name, is judged by WireMock.
   */
  @Nested
  class DirectMatcher {

    private final Counted matcher = new Counted("ok-header");
    private final AtomicInteger directCalls = new AtomicInteger();
    private WireMockServer direct;

    /** Both judgements: the request's X-Ok header is the stub's "want" parameter. */
    private Predicate<Request> judge(Parameters parameters) {
      String want = parameters.getString("want");
      return request -> {
        directCalls.incrementAndGet();
        return want.equals(request.getHeader("X-Ok"));
      };
    }

    private void start(RequestMatcherExtension registered) {
      var o = options().dynamicPort();
      direct =
          new WireMockServer(
              o.withStores(new IndexedStores(o.getStores(), matcher, this::judge))
                  .extensions(registered));
      direct.start();
    }

    @AfterEach
    void stopDirect() {
      if (direct != null) {
        direct.stop();
      }
    }

    private int send(String path, String ok) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(direct.baseUrl() + path));
      if (ok != null) {
        request.header("X-Ok", ok);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private MappingBuilder asking(MappingBuilder stub) {
      return stub.andMatching("ok-header", Parameters.one("want", "yes"))
          .willReturn(aResponse().withStatus(200));
    }

    @Test
    void aStubOfItsMethodPathAndTheMatcherAloneIsJudgedDirectly() throws Exception {
      start(matcher);
      direct.addStubMapping(asking(get(urlPathEqualTo("/a"))).build());

      assertThat(send("/a?q=1", "yes")).isEqualTo(200);
      assertThat(directCalls.get()).isEqualTo(1);
      assertThat(matcher.calls.get()).isZero();
      assertThat(send("/b", "yes")).isEqualTo(404);
    }

    @Test
    void aStubWithAnyOtherConditionIsJudgedByWireMock() throws Exception {
      start(matcher);
      direct.addStubMapping(
          asking(get(urlPathEqualTo("/a")).withHeader("X-Kind", equalTo("k"))).build());
      direct.addStubMapping(asking(any(urlPathEqualTo("/any"))).build());

      // the header is required: a direct judgement would have answered
      assertThat(send("/a", "yes")).isEqualTo(404);
      directCalls.set(0);
      matcher.calls.set(0);
      assertThat(send("/any", "yes")).isEqualTo(200);
      assertThat(matcher.calls.get()).isEqualTo(1);
      assertThat(directCalls.get()).isZero();
    }

    @Test
    void aMatcherOfTheSameNameThatWireMockHoldsInsteadIsTheOneAsked() throws Exception {
      Counted other = new Counted("ok-header");
      start(other);
      direct.addStubMapping(asking(get(urlPathEqualTo("/a"))).build());

      assertThat(send("/a", "yes")).isEqualTo(200);
      assertThat(other.calls.get()).isEqualTo(1);
      assertThat(directCalls.get()).isZero();
    }
  }

  /** A custom matcher by the X-Ok header, counting the requests it judges. */
  private static final class Counted extends RequestMatcherExtension {
    final AtomicInteger calls = new AtomicInteger();
    private final String name;

    Counted(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public MatchResult match(Request request, Parameters parameters) {
      calls.incrementAndGet();
      return MatchResult.of(parameters.getString("want").equals(request.getHeader("X-Ok")));
    }
  }
}
