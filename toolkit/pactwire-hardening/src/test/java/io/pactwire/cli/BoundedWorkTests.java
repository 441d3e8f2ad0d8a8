package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.sun.net.httpserver.HttpServer;
import io.pactwire.stubs.PactStubs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work a pact or a provider can make unbounded is bounded, and fails with a message naming what was
 * stopped: a catastrophic regex (from a pact, in verification; from a stub, in serving), a provider
 * that never answers, a body over the limit. The time each case takes is measured by
 * bench/robustness/bounded-work.sh, not asserted here.
 *
 * <p>The pattern is {@code (.*a){20}} on forty {@code a}s and a {@code !}: every way of cutting the
 * forty into twenty pieces is tried before the match fails (about 10^11). The textbook {@code
 * (a+)+$} is not catastrophic on Java 17: its engine remembers, for a greedy group loop, the
 * positions where the rest already failed, and gives up in linear time.
 */
class BoundedWorkTests {

  static final String CATASTROPHIC = "(.*a){20}";
  static final String VICTIM = "a".repeat(40) + "!";

  private static HttpServer provider;

  @TempDir Path work;

  @BeforeAll
  static void startProvider() throws IOException {
    provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    provider.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    provider.createContext(
        "/regex", exchange -> answer(exchange, "{\"name\": \"" + VICTIM + "\"}"));
    provider.createContext(
        "/slow",
        exchange -> {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          answer(exchange, "{}");
        });
    provider.createContext(
        "/big", exchange -> answer(exchange, "{\"blob\": \"" + "x".repeat(2_000_000) + "\"}"));
    provider.start();
  }

  @AfterAll
  static void stopProvider() {
    provider.stop(0);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void aCatastrophicRegexFromAPactIsStoppedInVerification() throws IOException {
    Result result =
        verify(
            pact(
                "a request for a regex victim",
                "/regex",
                "\"body\": {\"content\": {\"name\": \""
                    + "a".repeat(20)
                    + "\"},"
                    + " \"contentType\": \"application/json\", \"encoded\": false},"
                    + " \"matchingRules\": {\"body\": {\"$.name\": {\"combine\": \"AND\","
                    + " \"matchers\": [{\"match\": \"regex\", \"regex\": \""
                    + CATASTROPHIC
                    + "\"}]}}}"));

    assertThat(result.status()).as(result.toString()).isEqualTo(1);
    assertThat(result.out())
        .contains("a request for a regex victim")
        .contains(CATASTROPHIC)
        .contains("was stopped after");
  }

  @Test
  void aCatastrophicRegexFromAStubIsStoppedWhileServing() throws Exception {
    Path pacts = Files.createDirectories(work.resolve("pacts"));
    Files.writeString(
        pacts.resolve("hardening-consumer-hardening-provider.json"),
        pactText(
            "a request matched by a regex",
            "/" + "a".repeat(20),
            "\"status\": 200",
            ", \"matchingRules\": {\"path\": {\"combine\": \"AND\", \"matchers\":"
                + " [{\"match\": \"regex\", \"regex\": \"/"
                + CATASTROPHIC
                + "\"}]}}"));
    PactStubs stubs = PactStubs.newInstance().pacts(pacts).provider("hardening-provider").build();
    WireMockServer server =
        new WireMockServer(
            stubs.configure(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()));
    server.start();
    try {
      stubs.registerWith(server);
      HttpResponse<String> answer =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + VICTIM)).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.body()).contains("a request matched by a regex");
    } finally {
      server.stop();
    }
  }

  @Test
  void aProviderThatHangsFailsTheInteractionAfterTheTimeout() throws IOException {
    Result result =
        verify(pact("a request the provider never answers", "/slow", "\"status\": 200"), "1");

    assertThat(result.status()).as(result.toString()).isEqualTo(1);
    assertThat(result.out())
        .contains("a request the provider never answers")
        .contains("no response to GET")
        .contains("within 1 s");
  }

  @Test
  void aBodyOverTheLimitIsRefused() throws IOException {
    Result result =
        verify(
            pact("a request for a huge body", "/big", "\"status\": 200"),
            "10",
            "--max-body-bytes",
            "100000");

    assertThat(result.status()).as(result.toString()).isEqualTo(1);
    assertThat(result.out())
        .contains("a request for a huge body")
        .contains("larger than the limit of 100000 bytes");
  }

  record Result(int status, String out, String err) {}

  private Path pact(String description, String path, String response) throws IOException {
    return Files.writeString(work.resolve("pact.json"), pactText(description, path, response, ""));
  }

  private static String pactText(
      String description, String path, String response, String requestRules) {
    return """
        {"consumer": {"name": "hardening-consumer"}, "provider": {"name": "hardening-provider"},
         "interactions": [{"type": "Synchronous/HTTP", "description": "%s",
           "request": {"method": "GET", "path": "%s"%s},
           "response": {%s}}],
         "metadata": {"pactSpecification": {"version": "4.0"}}}
        """
        .formatted(
            description,
            path,
            requestRules,
            response.startsWith("\"body\"") ? "\"status\": 200, " + response : response);
  }

  private Result verify(Path pact, String... timeoutAndMore) {
    String timeout = timeoutAndMore.length == 0 ? "10" : timeoutAndMore[0];
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "verify",
                "--provider",
                "hardening-provider",
                "--base-url",
                "http://127.0.0.1:" + provider.getAddress().getPort(),
                "--pact",
                pact.toString(),
                "--timeout",
                timeout,
                // with CI=true verify records its results: in this test's store, not the project's
                "--store",
                work.resolve("store").toString()));
    for (int i = 1; i < timeoutAndMore.length; i++) {
      args.add(timeoutAndMore[i]);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(status, out.toString(), err.toString());
  }
}
