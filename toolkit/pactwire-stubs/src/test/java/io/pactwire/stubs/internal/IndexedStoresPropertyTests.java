package io.pactwire.stubs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index never changes which stub answers: for random stub sets, edits and requests, a WireMock
 * with the indexed stub store answers every request with the same stub, status and body as a plain
 * WireMock holding the same stubs.
 *
 * <p>The stubs mix what the index keys on (a literal method and path) with everything it must leave
 * to WireMock (any method, path patterns and templates, whole-URL patterns, case-insensitive paths,
 * any URL) on a small pool of paths, so that literal and other stubs compete for the same requests,
 * with priorities, query and header conditions, and percent-encoded, trailing-slash, double-slash
 * and matrix-parameter paths. Each seed is one case; a failure names its seed, the stubs and the
 * request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexedStoresPropertyTests {

  private static final String[] PATHS = {
    "/a", "/a/", "/A", "/a/b", "//a", "/a;v=1", "/items/1", "/items/2", "/items/a%20b", "/caf%C3%A9"
  };
  private static final String[] DECODED = {"/items/a b", "/café"};
  private static final String[] REGEXES = {"/items/.*", "/a.*", ".*", "/items/[0-9]+", "/A"};
  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH"};

  private WireMockServer indexed;
  private WireMockServer plain;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeAll
  void start() {
    var o = options().dynamicPort().disableRequestJournal();
    indexed = new WireMockServer(o.withStores(new IndexedStores(o.getStores())));
    plain = new WireMockServer(options().dynamicPort().disableRequestJournal());
    indexed.start();
    plain.start();
  }

  @AfterAll
  void stop() {
    indexed.stop();
    plain.stop();
  }

  static Stream<Long> seeds() {
    return IntStream.rangeClosed(1, 24).mapToObj(i -> 7919L * i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theIndexedStoreAnswersEveryRequestAsPlainWireMockDoes(long seed) throws Exception {
    Random random = new Random(seed);
    indexed.resetAll();
    plain.resetAll();

    List<Spec> specs = new ArrayList<>();
    for (int i = 0; i < 12 + random.nextInt(20); i++) {
      specs.add(Spec.random(random, "stub-" + i));
    }
    for (Spec spec : specs) {
      indexed.addStubMapping(spec.build());
      plain.addStubMapping(spec.build());
    }
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      probes.add(Probe.random(random));
    }
    assertSameAnswers(seed, "after adding", specs, probes);

    // edits: a stub moved to another request under its own id, and stubs removed by id
    for (int i = 0; i < 4 && !specs.isEmpty(); i++) {
      int at = random.nextInt(specs.size());
      Spec old = specs.get(at);
      if (random.nextBoolean()) {
        Spec moved = Spec.random(random, old.name + "-moved").withId(old.id);
        indexed.editStubMapping(moved.build());
        plain.editStubMapping(moved.build());
        specs.set(at, moved);
      } else {
        indexed.removeStubMapping(old.build());
        plain.removeStubMapping(old.build());
        specs.remove(at);
      }
    }
    assertSameAnswers(seed, "after editing and removing", specs, probes);
  }

  private void assertSameAnswers(long seed, String when, List<Spec> specs, List<Probe> probes)
      throws Exception {
    for (Probe probe : probes) {
      String fromIndexed = send(indexed, probe);
      String fromPlain = send(plain, probe);
      assertThat(fromIndexed)
          .as(
              "seed %d, %s, request %s, stubs:%n%s",
              seed, when, probe, String.join("\n", describe(specs)))
          .isEqualTo(fromPlain);
    }
  }

  private static List<String> describe(List<Spec> specs) {
    return specs.stream().map(Spec::toString).toList();
  }

  private String send(WireMockServer server, Probe probe) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + probe.pathAndQuery()))
            .timeout(Duration.ofSeconds(10))
            .method(probe.method(), HttpRequest.BodyPublishers.noBody());
    if (probe.header() != null) {
      request.header("X-Kind", probe.header());
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String stub = response.headers().firstValue("X-Stub").orElse("none");
    // an unmatched request's body is WireMock's diff against the closest stubs: kept, as both
    // servers must find the same ones
    return response.statusCode() + " " + stub + " " + response.body();
  }

  /** A request the stubs compete for. */
  private record Probe(String method, String path, String query, String header) {
    static Probe random(Random random) {
      String method = METHODS[random.nextInt(METHODS.length)];
      String path = PATHS[random.nextInt(PATHS.length)];
      String query = random.nextInt(3) == 0 ? "q=" + random.nextInt(2) : null;
      String header = random.nextInt(3) == 0 ? "k" + random.nextInt(2) : null;
      return new Probe(method, path, query, header);
    }

    String pathAndQuery() {
      return query == null ? path : path + "?" + query;
    }
  }

  /** One stub, built afresh for each server (a store sets its insertion index on what it adds). */
  private record Spec(
      String name,
      UUID id,
      String method,
      String urlKind,
      String url,
      Integer priority,
      String query,
      String header) {

    static Spec random(Random random, String name) {
      String method =
          random.nextInt(5) == 0 ? "ANY" : METHODS[random.nextInt(random.nextBoolean() ? 2 : 5)];
      String urlKind;
      String url;
      switch (random.nextInt(10)) {
        case 0 -> {
          urlKind = "urlPathMatching";
          url = REGEXES[random.nextInt(REGEXES.length)];
        }
        case 1 -> {
          urlKind = "urlEqualTo";
          url = PATHS[random.nextInt(PATHS.length)] + (random.nextBoolean() ? "?q=1" : "");
        }
        case 2 -> {
          urlKind = "urlMatching";
          url = REGEXES[random.nextInt(REGEXES.length)] + "(\\?.*)?";
        }
        case 3 -> {
          urlKind = "urlPathTemplate";
          url = random.nextBoolean() ? "/items/{id}" : "/a/{x}";
        }
        case 4 -> {
          urlKind = "urlPathEqualToIgnoreCase";
          url = random.nextBoolean() ? "/a" : "/A";
        }
        case 5 -> {
          urlKind = random.nextInt(3) == 0 ? "anyUrl" : "urlPathEqualTo";
          url = random.nextBoolean() ? DECODED[random.nextInt(DECODED.length)] : "/items/1";
        }
        default -> {
          urlKind = "urlPathEqualTo";
          url = PATHS[random.nextInt(PATHS.length)];
        }
      }
      Integer priority = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : null;
      String query = random.nextInt(4) == 0 ? String.valueOf(random.nextInt(2)) : null;
      String header = random.nextInt(4) == 0 ? "k" + random.nextInt(2) : null;
      return new Spec(name, UUID.randomUUID(), method, urlKind, url, priority, query, header);
    }

    Spec withId(UUID other) {
      return new Spec(name, other, method, urlKind, url, priority, query, header);
    }

    StubMapping build() {
      MappingBuilder builder = request(method, urlPattern()).withId(id);
      if (priority != null) {
        builder.atPriority(priority);
      }
      if (query != null) {
        builder.withQueryParam("q", equalTo(query));
      }
      if (header != null) {
        builder.withHeader("X-Kind", equalTo(header));
      }
      return builder
          .willReturn(aResponse().withStatus(200).withHeader("X-Stub", name).withBody(name))
          .build();
    }

    private UrlPattern urlPattern() {
      return switch (urlKind) {
        case "urlPathMatching" -> urlPathMatching(url);
        case "urlEqualTo" -> urlEqualTo(url);
        case "urlMatching" -> urlMatching(url);
        case "urlPathTemplate" -> urlPathTemplate(url);
        case "urlPathEqualToIgnoreCase" -> new UrlPathPattern(equalToIgnoreCase(url), false);
        case "anyUrl" -> anyUrl();
        default -> urlPathEqualTo(url);
      };
    }
  }
}
