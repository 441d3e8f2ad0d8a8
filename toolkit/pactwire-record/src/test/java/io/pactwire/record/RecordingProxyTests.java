package io.pactwire.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording a real sandbox through the proxy: what the mapping files and the pact hold. */
class RecordingProxyTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path out;
  private static VendorSandbox sandbox;
  private static RecordingProxy.Recording recording;

  @BeforeAll
  static void record() throws IOException {
    sandbox = new VendorSandbox();
    recording = VendorClient.record(sandbox, out);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void eachDistinctRequestBecomesOneMappingAndOneInteraction() throws IOException {
    assertThat(recording.interactions()).isEqualTo(2);
    assertThat(recording.mappings())
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "get-v1-orders-ord-1-api-key-redacted-expand-lines.json", "post-v1-orders.json");
    assertThat(recording.pact()).isEqualTo(out.resolve("shop-vendor-orders.json"));
    JsonNode pact = JSON.readTree(recording.pact().toFile());
    assertThat(pact.path("metadata").path("pactSpecification").path("version").asText())
        .isEqualTo("4.0");
    assertThat(pact.path("interactions"))
        .extracting(i -> i.path("description").asText())
        .containsExactly("GET /v1/orders/ORD-1?api_key=<redacted>&expand=lines", "POST /v1/orders");
  }

  @Test
  void thePlantedSecretIsInNeitherFile() throws IOException {
    List<Path> files = new ArrayList<>(recording.mappings());
    files.add(recording.pact());
    for (Path file : files) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain(VendorSandbox.SECRET);
    }
    // and what stood in its place is a placeholder with a matcher, in both files
    JsonNode get = mapping("get-v1-orders-ord-1-api-key-redacted-expand-lines.json");
    assertThat(get.at("/request/headers/Authorization/matches").asText())
        .isEqualTo("\\QBearer\\E .+");
    assertThat(get.at("/request/urlPath").asText()).isEqualTo("/v1/orders/ORD-1");
    assertThat(get.at("/request/queryParameters/api_key/matches").asText()).isEqualTo(".+");
    assertThat(get.at("/request/queryParameters/expand/hasExactly/0/equalTo").asText())
        .isEqualTo("lines");
    // (the JDK's server writes header names as Set-cookie)
    assertThat(get.at("/response/headers/Set-cookie").asText()).isEqualTo("<redacted>");
    JsonNode post = mapping("post-v1-orders.json");
    assertThat(post.at("/request/bodyPatterns/0/equalToJson/card/number").asText())
        .isEqualTo("${json-unit.any-string}");
    assertThat(post.at("/response/jsonBody/payment_token").asText()).isEqualTo("<redacted>");

    JsonNode pact = JSON.readTree(recording.pact().toFile());
    JsonNode getInteraction = pact.at("/interactions/0");
    assertThat(getInteraction.at("/request/headers/Authorization/0").asText())
        .isEqualTo("Bearer <redacted>");
    assertThat(getInteraction.at("/request/query/api_key/0").asText()).isEqualTo("<redacted>");
    JsonNode postInteraction = pact.at("/interactions/1");
    assertThat(postInteraction.at("/request/body/content/card/number").asText())
        .isEqualTo("<redacted>");
    assertThat(postInteraction.at("/response/body/content/payment_token").asText())
        .isEqualTo("<redacted>");
    assertThat(postInteraction.at("/response/headers/Set-cookie/0").asText())
        .isEqualTo("<redacted>");
  }

  @Test
  void theResponseMatchersAreInferredFromTheExampleAsCaptureInfersThem() throws IOException {
    JsonNode response = JSON.readTree(recording.pact().toFile()).at("/interactions/0/response");
    JsonNode body = response.at("/matchingRules/body");
    assertThat(body.at("/$.quantity/matchers/0/match").asText()).isEqualTo("integer");
    assertThat(body.at("/$.total/matchers/0/match").asText()).isEqualTo("number");
    assertThat(body.at("/$.created/matchers/0/match").asText()).isEqualTo("timestamp");
    assertThat(body.at("/$.lines/matchers/0/min").asInt()).isEqualTo(1);
    assertThat(Files.readString(recording.pact())).containsPattern("\"total\" ?: 49\\.80");
    // the server's own headers say nothing of the API and are left out; the API's stay
    assertThat(response.path("headers").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("Content-type", "Set-cookie", "X-request-id");
    assertThat(response.at("/matchingRules/header/X-request-id/matchers/0/match").asText())
        .isEqualTo("type");
  }

  @Test
  void theRecordedStubsAnswerTheConsumerWithAnyCredential() {
    WireMockServer stubs =
        new WireMockServer(
            WireMockConfiguration.options().dynamicPort().usingFilesUnderDirectory(out.toString()));
    stubs.start();
    try {
      VendorClient client = new VendorClient(stubs.baseUrl());
      HttpResponse<String> order = client.getOrder("ORD-1");
      assertThat(order.statusCode()).isEqualTo(200);
      assertThat(order.body()).contains("\"status\"", "APPROVED", "49.80");
      assertThat(client.createOrder().statusCode()).isEqualTo(201);
    } finally {
      stubs.stop();
    }
  }

  @Test
  void recordingAgainReplacesTheInteractionsItRecordedBefore(@TempDir Path again)
      throws IOException {
    VendorClient.record(sandbox, again);
    sandbox.retypeQuantity = true;
    try {
      VendorClient.record(sandbox, again);
    } finally {
      sandbox.retypeQuantity = false;
    }
    JsonNode pact = JSON.readTree(again.resolve("shop-vendor-orders.json").toFile());
    assertThat(pact.path("interactions")).hasSize(2);
    assertThat(pact.at("/interactions/0/response/body/content/quantity").asText()).isEqualTo("2");
    assertThat(pact.at("/interactions/0/response/body/content/quantity").isTextual()).isTrue();
  }

  @Test
  void aTargetThatIsNoHttpUrlIsRefusedWithOneLine() {
    assertThatThrownBy(() -> RecordingProxy.newInstance(URI.create("ftp://example.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target ftp://example.com is not an http:// or https:// URL");
  }

  @Test
  void aPactInOutThatCannotBeReadIsRefusedBeforeAnythingIsRecorded(@TempDir Path dir)
      throws IOException {
    Path pact = Files.writeString(dir.resolve("shop-vendor-orders.json"), "{\"consumer\": ");

    assertThatThrownBy(
            () ->
                RecordingProxy.newInstance(URI.create(sandbox.baseUrl()))
                    .consumer("shop")
                    .provider("vendor-orders")
                    .out(dir)
                    .build()
                    .start())
        .isInstanceOf(io.pactwire.core.PactFileException.class)
        .hasMessageStartingWith(pact + ":1:");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(pact);
    }
  }

  @Test
  void aPactThatCannotTakeTheRecordingOnStopLeavesNoMappingBehind(@TempDir Path dir)
      throws IOException {
    RecordingProxy proxy =
        RecordingProxy.newInstance(URI.create(sandbox.baseUrl()))
            .consumer("shop")
            .provider("vendor-orders")
            .out(dir)
            .build()
            .start();
    new VendorClient(proxy.baseUrl()).getOrder("ORD-1");
    // spoilt while the proxy records
    Path pact = Files.writeString(dir.resolve("shop-vendor-orders.json"), "{\"consumer\": ");

    assertThatThrownBy(proxy::stop).isInstanceOf(io.pactwire.core.PactFileException.class);
    try (var files = Files.list(dir)) {
      assertThat(files).as("what the stopped recording left").containsExactly(pact);
    }
  }

  private static JsonNode mapping(String name) throws IOException {
    return JSON.readTree(out.resolve("mappings").resolve(name).toFile());
  }
}
