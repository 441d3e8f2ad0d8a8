package io.pactwire.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording an OAuth 2.0 token endpoint with no secret named: the client secret the consumer posts
 * as a form and the tokens the endpoint answers with reach neither the mapping nor the pact.
 */
class RecordingTokenEndpointTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT_SECRET = "FORM-SECRET-4711";
  private static final String ACCESS_TOKEN = "ACCESS-TOKEN-4711";
  private static final String REFRESH_TOKEN = "REFRESH-TOKEN-4711";

  @TempDir Path out;

  @Test
  void theClientSecretAndTheTokensAreInNeitherFile() throws Exception {
    RecordingProxy.Recording recording =
        record(
            "vendor-oauth",
            "/v1/oauth2/token",
            exchange -> {
              exchange.getRequestBody().readAllBytes();
              byte[] body =
                  ("{\"access_token\": \""
                          + ACCESS_TOKEN
                          + "\", \"refresh_token\": \""
                          + REFRESH_TOKEN
                          + "\", \"token_type\": \"Bearer\", \"expires_in\": 3600}")
                      .getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              exchange
                  .getResponseHeaders()
                  .add(
                      "Location",
                      "https://client:LOC-PASS-4711@shop.example/callback?access_token=LOC-TOKEN-4711"
                          + "&state=xyz");
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            },
            proxy -> {
              HttpResponse<String> token =
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v1/oauth2/token"))
                              .header(
                                  "Authorization",
                                  "Basic "
                                      + Base64.getEncoder()
                                          .encodeToString("client:BASIC-SECRET-4711".getBytes()))
                              .header("Content-Type", "application/x-www-form-urlencoded")
                              .POST(
                                  HttpRequest.BodyPublishers.ofString(
                                      "grant_type=client_credentials&client_secret="
                                          + CLIENT_SECRET))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
              assertThat(token.body()).contains(ACCESS_TOKEN);
            });

    assertThat(recording.mappings()).hasSize(1);
    assertInNeitherFile(
        recording,
        CLIENT_SECRET,
        ACCESS_TOKEN,
        REFRESH_TOKEN,
        "BASIC-SECRET-4711",
        "LOC-PASS-4711",
        "LOC-TOKEN-4711");
    JsonNode mapping = JSON.readTree(recording.mappings().get(0).toFile());
    // the stub answers the form with any client secret, the rest of it as recorded
    String form = mapping.at("/request/bodyPatterns/0/matches").asText();
    assertThat("grant_type=client_credentials&client_secret=another").matches(form);
    assertThat("grant_type=password&client_secret=another").doesNotMatch(form);
    assertThat(mapping.at("/response/jsonBody/access_token").asText()).isEqualTo("<redacted>");
    JsonNode interaction = JSON.readTree(recording.pact().toFile()).at("/interactions/0");
    assertThat(interaction.at("/request/body/content").asText())
        .isEqualTo("grant_type=client_credentials&client_secret=<redacted>");
    assertThat(interaction.at("/response/body/content/access_token").asText())
        .isEqualTo("<redacted>");
    assertThat(interaction.at("/response/body/content/refresh_token").asText())
        .isEqualTo("<redacted>");
    assertThat(interaction.at("/response/body/content/token_type").asText()).isEqualTo("Bearer");
    // a URL in a header keeps all but its credentials
    assertThat(mapping.at("/response/headers/Location").asText())
        .isEqualTo(
            "https://client:<redacted>@shop.example/callback?access_token=<redacted>&state=xyz");
  }

  @Test
  void credentialsUnderNamesOfTheirOwnAreInNeitherFile() throws Exception {
    RecordingProxy.Recording recording =
        record(
            "vendor-session",
            "/v1/session",
            exchange -> {
              // a sandbox that echoes the consumer's token and answers with credentials of its own
              String sent = exchange.getRequestHeaders().getFirst("X-Request-Token");
              byte[] body =
                  ("{\"id\": 7, \"session_token\": \"SESSION-4711\", \"password\": \"PW-4711\","
                          + " \"nextPageToken\": \"page-2\"}")
                      .getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              exchange.getResponseHeaders().add("X-Request-Token", sent);
              exchange.getResponseHeaders().add("X-Session-Token", "HEADER-SESSION-4711");
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            },
            proxy -> {
              HttpResponse<String> session =
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v1/session"))
                              .header("X-Request-Token", "REQUEST-TOKEN-4711")
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
              assertThat(session.body()).contains("SESSION-4711");
            });

    assertInNeitherFile(
        recording, "REQUEST-TOKEN-4711", "HEADER-SESSION-4711", "SESSION-4711", "PW-4711");
    JsonNode interaction = JSON.readTree(recording.pact().toFile()).at("/interactions/0");
    // the JDK's server sends the header as X-session-token
    JsonNode headers = interaction.at("/response/headers");
    String name =
        headers
            .propertyStream()
            .map(java.util.Map.Entry::getKey)
            .filter("x-session-token"::equalsIgnoreCase)
            .findFirst()
            .orElseThrow();
    assertThat(headers.at("/" + name + "/0").asText()).isEqualTo("<redacted>");
    assertThat(interaction.at("/response/body/content/password").asText()).isEqualTo("<redacted>");
    // a page token is no credential
    assertThat(interaction.at("/response/body/content/nextPageToken").asText()).isEqualTo("page-2");
  }

  @Test
  void credentialsOfARequestBodyEchoedInTheAnswerAreInNeitherFile() throws Exception {
    RecordingProxy.Recording recording =
        record(
            "vendor-echo",
            "/v1/echo",
            exchange -> {
              // a sandbox that answers with the body it was sent, as a debugging endpoint does
              String sent =
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
              byte[] body =
                  JSON.writeValueAsBytes(java.util.Map.of("received", sent, "status", "ok"));
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            },
            proxy -> {
              HttpClient client = HttpClient.newHttpClient();
              client.send(
                  HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v1/echo/form"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "grant_type=client_credentials&client_secret=FORM-ECHO-4711"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
              client.send(
                  HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v1/echo/login"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"user\": {\"name\": \"bob\", \"password\": \"JSON-ECHO-4711\"}}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
            });

    assertThat(recording.mappings()).hasSize(2);
    assertInNeitherFile(recording, "FORM-ECHO-4711", "JSON-ECHO-4711");
    // the rest of the echo as it was sent
    assertThat(Files.readString(recording.pact()))
        .contains("grant_type=client_credentials&client_secret=<redacted>")
        .contains("\\\"name\\\": \\\"bob\\\", \\\"password\\\": \\\"<redacted>\\\"");
  }

  // a token endpoint that answers as a form, and a redirect within the sandbox
  @Test
  void aFormAnswerAndARelativeRedirectKeepNoCredential() throws Exception {
    RecordingProxy.Recording recording =
        record(
            "vendor-form",
            "/v1",
            exchange -> {
              boolean form = exchange.getRequestURI().getPath().equals("/v1/token");
              byte[] body =
                  (form ? "access_token=FORM-TOKEN-4711&token_type=bearer" : "")
                      .getBytes(StandardCharsets.UTF_8);
              if (form) {
                exchange
                    .getResponseHeaders()
                    .add("Content-Type", "application/x-www-form-urlencoded");
                exchange.sendResponseHeaders(200, body.length);
              } else {
                exchange
                    .getResponseHeaders()
                    .add("Location", "/final?access_token=REDIRECT-TOKEN-4711&state=xyz");
                exchange.sendResponseHeaders(302, -1);
              }
              exchange.getResponseBody().write(body);
              exchange.close();
            },
            proxy -> {
              HttpClient client = HttpClient.newHttpClient();
              for (String path : List.of("/v1/token", "/v1/login")) {
                client.send(
                    HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
              }
            });

    assertInNeitherFile(recording, "FORM-TOKEN-4711", "REDIRECT-TOKEN-4711");
    assertThat(Files.readString(recording.pact()))
        .contains("access_token=<redacted>&token_type=bearer")
        .contains("/final?access_token=<redacted>&state=xyz");
  }

  // a SOAP-style login: the password sent as XML and the token answered as XML reach neither
  // file, and the stub still matches the login with another password
  @Test
  void anXmlLoginAndItsXmlAnswerKeepNoCredential() throws Exception {
    RecordingProxy.Recording recording =
        record(
            "vendor-xml",
            "/soap",
            exchange -> {
              exchange.getRequestBody().readAllBytes();
              byte[] body =
                  ("<?xml version=\"1.0\"?><auth session-token=\"XML-ATTR-4711\">"
                          + "<access_token>XML-TOKEN-4711</access_token><user>ada</user></auth>")
                      .getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().add("Content-Type", "application/xml");
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            },
            proxy ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/soap/login"))
                            .header("Content-Type", "application/xml")
                            .POST(
                                HttpRequest.BodyPublishers.ofString(
                                    "<login><user>ada</user><password>XML-PASS-4711</password>"
                                        + "</login>"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString()));

    assertInNeitherFile(recording, "XML-PASS-4711", "XML-TOKEN-4711", "XML-ATTR-4711");
    String mapping = Files.readString(recording.mappings().get(0));
    assertThat(mapping).contains("${xmlunit.ignore}").contains("\"enablePlaceholders\" : true");
    com.github.tomakehurst.wiremock.WireMockServer wireMock =
        new com.github.tomakehurst.wiremock.WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
    wireMock.start();
    try {
      wireMock.addStubMapping(
          com.github.tomakehurst.wiremock.stubbing.StubMapping.buildFrom(mapping));
      HttpResponse<String> login =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(wireMock.baseUrl() + "/soap/login"))
                      .header("Content-Type", "application/xml")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "<login><user>ada</user><password>another</password></login>"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode())
          .as("the stub answers a login with another password")
          .isEqualTo(200);
    } finally {
      wireMock.stop();
    }
    assertThat(Files.readString(recording.pact()))
        .contains("<password>&lt;redacted&gt;</password>")
        .contains("$.login.password['#text']");
  }

  // pact-jvm, which writes the pact, overflowed its stack on it, and every exchange was lost
  @Test
  void anExchangeNestedTooDeepIsLeftOutAndNamedAndTheOthersAreWritten() {
    String deep = "{\"k\":".repeat(5000) + "1" + "}".repeat(5000);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                record(
                    "vendor-deep",
                    "/v1",
                    exchange -> {
                      byte[] body =
                          (exchange.getRequestURI().getPath().equals("/v1/deep")
                                  ? deep
                                  : "{\"id\": 7}")
                              .getBytes(StandardCharsets.UTF_8);
                      exchange.getResponseHeaders().add("Content-Type", "application/json");
                      exchange.sendResponseHeaders(200, body.length);
                      exchange.getResponseBody().write(body);
                      exchange.close();
                    },
                    proxy -> {
                      HttpClient client = HttpClient.newHttpClient();
                      for (String path : List.of("/v1/deep", "/v1/flat")) {
                        client.send(
                            HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
                      }
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith(
            "but not GET /v1/deep: a body nested more than 256 levels deep, which pact-jvm cannot"
                + " read");

    assertThat(out.resolve("shop-vendor-deep.json")).content().contains("/v1/flat");
    assertThat(out.resolve("mappings/get-v1-flat.json")).exists();
  }

  /** Asserts that none of {@code secrets} is in the recording's mappings or its pact. */
  private static void assertInNeitherFile(RecordingProxy.Recording recording, String... secrets)
      throws java.io.IOException {
    List<Path> files = new ArrayList<>(recording.mappings());
    files.add(recording.pact());
    for (Path file : files) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain(secrets);
    }
  }

  /** What the consumer does through the proxy. */
  interface Client {
    void call(RecordingProxy proxy) throws Exception;
  }

  /** Records what {@code client} sends through a proxy to a sandbox that answers with handler. */
  private RecordingProxy.Recording record(
      String provider, String path, HttpHandler handler, Client client) throws Exception {
    HttpServer sandbox =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    sandbox.createContext(path, handler);
    sandbox.start();
    try (RecordingProxy proxy =
        RecordingProxy.newInstance(URI.create("http://127.0.0.1:" + sandbox.getAddress().getPort()))
            .consumer("shop")
            .provider(provider)
            .out(out)
            .build()
            .start()) {
      client.call(proxy);
      return proxy.stop();
    } finally {
      sandbox.stop(0);
    }
  }
}
