package io.pactwire.stubs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void noMappingFileIsLoadedAndResettingDeletesNone() {
    assertThat(server.getStubMappings()).isEmpty();

    server.resetMappings();

    assertThat(mappingFile).exists();
  }

  @Test
  void savingStubsAsMappingFilesIsRefusedSayingWhy() {
    server.stubFor(get(urlPathEqualTo("/added")).willReturn(aResponse().withStatus(204)));

    assertThatThrownBy(server::saveMappings)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("keeps no mapping files");
    assertThat(root.resolve("mappings")).isDirectoryNotContaining("glob:**/*added*");
  }

  @Test
  void aStubThatProxiesStillReachesItsTarget() throws Exception {
    WireMockServer target = new WireMockServer(PactsOnly.options().dynamicPort());
    target.start();
    try {
      target.stubFor(get("/answer").willReturn(aResponse().withStatus(200).withBody("proxied")));
      server.stubFor(get("/answer").willReturn(aResponse().proxiedFrom(target.baseUrl())));

      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.baseUrl() + "/answer")).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("proxied");
    } finally {
      target.stop();
    }
  }
}
