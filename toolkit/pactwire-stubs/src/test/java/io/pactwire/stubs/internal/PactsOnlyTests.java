package io.pactwire.stubs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.NotPermittedException;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PactsOnlyTests {

  @TempDir Path root;
  private Path mappingFile;
  private WireMockServer server;

  @BeforeEach
  void start() throws IOException {
    // a files root holding a mapping file, as a project's src/test/resources does
    mappingFile =
        Files.writeString(
            Files.createDirectories(root.resolve("mappings")).resolve("by-hand.json"),
            "{\"request\": {\"method\": \"GET\", \"url\": \"/by-hand\"},"
                + " \"response\": {\"status\": 200}}");
    server =
        new WireMockServer(
            PactsOnly.options().dynamicPort().usingFilesUnderDirectory(root.toString()));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private String fetch(String path) throws Exception {
    HttpResponse<String> answer =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    return answer.statusCode() + " " + answer.body();
  }

  @Test
  void noMappingFileIsLoadedAndRemovingEveryStubDeletesNone() {
    assertThat(server.getStubMappings()).isEmpty();

    server.resetMappings();

    assertThat(mappingFile).exists();
  }

  @Test
  void aPersistentStubIsServedAndWritesNoFile() throws Exception {
    server.stubFor(
        get(urlPathEqualTo("/kept")).persistent().willReturn(aResponse().withBody("kept")));

    assertThat(fetch("/kept")).isEqualTo("200 kept");
    try (Stream<Path> files = Files.list(root.resolve("mappings"))) {
      assertThat(files).containsExactly(mappingFile);
    }
  }

  @Test
  void savingEveryStubAsMappingFilesIsRefusedSayingWhyAndStubsStillChange() throws Exception {
    StubMapping added =
        server.stubFor(get(urlPathEqualTo("/added")).willReturn(aResponse().withBody("one")));

    assertThatThrownBy(server::saveMappings)
        .isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("keeps no mapping files");
    // saving marked every stub persistent: an edit saves it again, which must not fail
    server.editStub(
        WireMock.get(urlPathEqualTo("/added"))
            .withId(added.getId())
            .willReturn(aResponse().withBody("two")));
    assertThat(fetch("/added")).isEqualTo("200 two");
    try (Stream<Path> files = Files.list(root.resolve("mappings"))) {
      assertThat(files).containsExactly(mappingFile);
    }
  }

  @Test
  void aClientForProxyingIsMadeOnceWhenFirstUsedNotBefore() throws Exception {
    AtomicInteger made = new AtomicInteger();
    AtomicInteger sent = new AtomicInteger();
    HttpClientFactory counting =
        (options, trustAll, trustedHosts, systemProperties) -> {
          made.incrementAndGet();
          return request -> {
            sent.incrementAndGet();
            return Response.response().status(204).build();
          };
        };
    HttpClient client =
        new PactsOnly.OnFirstUse(counting).buildHttpClient(null, false, null, false);
    assertThat(made).hasValue(0);

    CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> send(client));
    CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> send(client));

    assertThat(first.get().getStatus()).isEqualTo(204);
    assertThat(second.get().getStatus()).isEqualTo(204);
    assertThat(made).hasValue(1);
    assertThat(sent).hasValue(2);
  }

  private static Response send(HttpClient client) {
    try {
      return client.execute(null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aStubThatProxiesStillReachesItsTarget() throws Exception {
    WireMockServer target = new WireMockServer(PactsOnly.options().dynamicPort());
    target.start();
    try {
      target.stubFor(get("/answer").willReturn(aResponse().withStatus(200).withBody("proxied")));
      server.stubFor(get("/answer").willReturn(aResponse().proxiedFrom(target.baseUrl())));

      assertThat(fetch("/answer")).isEqualTo("200 proxied");
    } finally {
      target.stop();
    }
  }
}
