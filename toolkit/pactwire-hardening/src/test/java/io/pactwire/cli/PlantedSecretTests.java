package io.pactwire.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pactwire.consumer.PactwireWireMockExtension;
import io.pactwire.hardening.Inputs;
import io.pactwire.record.RecordingProxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * A secret planted in the headers ({@code Authorization}, {@code Cookie}, {@code X-Api-Key}, {@code
 * X-Auth-Token}), the query ({@code access_token}) and a body of captured, recorded and replayed
 * traffic, and of pacts, shows in no output: no pact, mapping, report, near-miss answer, exception
 * message, standard output or error. Every secret carries {@link #MARK}, which each output is
 * searched for.
 */
class PlantedSecretTests {

  static final String MARK = "PLANTED-SECRET";
  static final String AUTH = "Bearer PLANTED-SECRET-auth-1a2b3c";
  static final String COOKIE = "session=PLANTED-SECRET-cookie-2b3c4d";
  static final String API_KEY = "PLANTED-SECRET-apikey-3c4d5e";
  static final String AUTH_TOKEN = "PLANTED-SECRET-token-4d5e6f";
  static final String QUERY = "PLANTED-SECRET-query-5e6f7a";
  static final String BODY = "PLANTED-SECRET-body-6f7a8b";
  // a provider's own credentials, which no request carried: a session it opens, a token it issues
  static final String SESSION = "sid=PLANTED-SECRET-session-7a8b9c";
  static final String SESSION_TOKEN = "PLANTED-SECRET-issued-8b9c0d";

  /** The secret headers, as a client sends them. */
  static final Map<String, String> SECRET_HEADERS =
      Map.of(
          "Authorization",
          AUTH,
          "Cookie",
          COOKIE,
          "X-Api-Key",
          API_KEY,
          "X-Auth-Token",
          AUTH_TOKEN);

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** Each output by what it is; asserted free of {@link #MARK}, every leak shown at once. */
  static void assertNoSecret(Map<String, String> outputs, int atLeast) {
    assertThat(outputs).as("outputs searched for the planted secret").hasSizeGreaterThan(atLeast);
    Map<String, List<String>> leaks = new LinkedHashMap<>();
    outputs.forEach(
        (what, text) -> {
          List<String> lines = text.lines().filter(line -> line.contains(MARK)).toList();
          if (!lines.isEmpty()) {
            leaks.put(what, lines);
          }
        });
    assertThat(leaks).as("outputs that hold a planted secret, with the lines that do").isEmpty();
  }

  /** Every file below {@code dir}, by path, read as bytes (so that any encoding is searched). */
  static Map<String, String> files(Path dir) {
    Map<String, String> outputs = new LinkedHashMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        outputs.put(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return outputs;
  }

  /** Sends {@code method url} with every secret header and {@code body}, if any. */
  static HttpResponse<String> send(String method, String url, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    SECRET_HEADERS.forEach(request::header);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A login body holding the body secret at {@code $.client_secret}. */
  static String loginBody() {
    return "{\"user\": \"ann\", \"client_secret\": \"" + BODY + "\"}";
  }

  @AfterAll
  static void deleteTempDirs() {
    Inputs.deleteTempDirs();
  }

  @Nested
  class Capture {

    @Test
    void pactsAndFailuresOfACapturingTest() {
      Path pacts = CaptureTestCase.capture.pactFile().getParent();
      Map<String, String> outputs = new LinkedHashMap<>();
      List<Event> failures =
          withStandardStreams(
              outputs,
              () ->
                  EngineTestKit.engine("junit-jupiter")
                      .selectors(selectClass(CaptureTestCase.class))
                      .execute()
                      .allEvents()
                      .failed()
                      .list());

      // the test that sent a request no stub matches fails, with the near-miss report
      assertThat(failures).as("failed tests and containers").hasSize(1);
      for (Event failure : failures) {
        Throwable thrown =
            failure
                .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .orElseThrow();
        assertThat(thrown.getMessage()).contains("no stub matches");
        outputs.put("failure of " + failure.getTestDescriptor().getDisplayName(), trace(thrown));
      }
      Map<String, String> written = files(pacts);
      assertThat(written).as("pacts captured").hasSize(1);
      assertThat(written.values().iterator().next())
          .as("the captured pact")
          .contains("/login", "/me", "<redacted>");
      outputs.putAll(written);
      assertNoSecret(outputs, 3);
    }
  }

  /** Run by {@link Capture}: two captured exchanges and a request no stub matches. */
  static class CaptureTestCase {

    @RegisterExtension
    static PactwireWireMockExtension capture =
        PactwireWireMockExtension.newInstance()
            .consumer("secret-consumer")
            .provider("secret-provider")
            .pactsDir(Inputs.tempDir("pactwire-secret-capture"))
            .secretPaths("$.client_secret")
            .build();

    @Test
    void login() {
      capture.stubFor(
          post(urlPathEqualTo("/login"))
              .withQueryParam("access_token", equalTo(QUERY))
              .withHeader("Authorization", equalTo(AUTH))
              .withHeader("Cookie", equalTo(COOKIE))
              .withHeader("X-Api-Key", equalTo(API_KEY))
              .withHeader("X-Auth-Token", equalTo(AUTH_TOKEN))
              .withRequestBody(equalToJson(loginBody()))
              .willReturn(okJson("{\"user\": \"ann\"}").withHeader("Set-Cookie", COOKIE)));

      HttpResponse<String> response =
          send("POST", capture.baseUrl() + "/login?access_token=" + QUERY, loginBody());

      assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void me() {
      // the secret in the stub's URL, which also names the interaction
      capture.stubFor(
          get(urlEqualTo("/me?access_token=" + QUERY))
              .withHeader("Authorization", equalTo(AUTH))
              .willReturn(okJson("{\"user\": \"ann\"}")));

      HttpResponse<String> response =
          send("GET", capture.baseUrl() + "/me?access_token=" + QUERY, null);

      assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unmatched() {
      capture.stubFor(
          get(urlPathEqualTo("/orders"))
              .withHeader("Authorization", equalTo("Bearer another"))
              .willReturn(okJson("[]")));

      HttpResponse<String> response =
          send("GET", capture.baseUrl() + "/orders?access_token=" + QUERY, null);

      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Nested
  class Record {

    @Test
    void mappingsAndPactOfARecording() throws IOException {
      HttpServer sandbox = echoingProvider("/oauth2/token");
      Path out = Inputs.tempDir("pactwire-secret-record");
      try {
        RecordingProxy proxy =
            RecordingProxy.newInstance(URI.create(url(sandbox)))
                .consumer("secret-consumer")
                .provider("secret-provider")
                .out(out)
                .secretPaths("$.client_secret", "$.access_token")
                .build()
                .start();
        RecordingProxy.Recording recording;
        try {
          HttpResponse<String> answer =
              send("POST", proxy.baseUrl() + "/oauth2/token?access_token=" + QUERY, loginBody());
          assertThat(answer.statusCode()).isEqualTo(200);
        } finally {
          recording = proxy.stop();
        }
        assertThat(recording.interactions()).isEqualTo(1);
      } finally {
        sandbox.stop(0);
      }
      Map<String, String> outputs = files(out);
      assertThat(outputs.keySet())
          .as("files recorded")
          .anyMatch(name -> name.contains("/mappings/"))
          .anyMatch(name -> name.endsWith("secret-consumer-secret-provider.json"));
      for (String name : outputs.keySet()) {
        assertThat(name).as("a file name").doesNotContain(MARK);
      }
      assertNoSecret(outputs, 1);
    }
  }

  @Nested
  class Stubs {

    @Test
    void theNearMissReportOfAnUnmatchedRequest() {
      Path pacts = Inputs.tempDir("pactwire-secret-stubs");
      Inputs.write(pacts.resolve("c-p.json"), PACT_WITH_RULES);
      StubCommand command = new StubCommand();
      new picocli.CommandLine(command)
          .parseArgs("--pacts", pacts.toString(), "--provider", Inputs.PROVIDER);
      StringWriter err = new StringWriter();
      StubCommand.Serving serving = command.start(new PrintWriter(err, true));
      Map<String, String> outputs = new LinkedHashMap<>();
      try {
        HttpResponse<String> answer =
            send(
                "GET",
                serving.url() + "/orders?access_token=" + QUERY,
                "{\"echo\": \"" + AUTH + "\"}");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("Closest interaction", "<<<<<");
        outputs.put("near-miss answer", answer.body());
      } finally {
        serving.stop();
      }
      outputs.put("stderr of pactwire stub", err.toString());
      assertNoSecret(outputs, 1);
    }
  }

  /** A pact whose request rules every secret of {@link #send} breaks. */
  static final String PACT_WITH_RULES =
      """
      {
        "consumer": {"name": "hardening-consumer"},
        "provider": {"name": "hardening-provider"},
        "interactions": [
          {
            "type": "Synchronous/HTTP",
            "description": "a list of orders",
            "request": {
              "method": "GET",
              "path": "/orders",
              "query": {"access_token": ["abc"]},
              "headers": {"Authorization": ["Basic <redacted>"], "X-Api-Key": ["abc"],
                          "X-Auth-Token": ["abc"], "Cookie": ["abc"]},
              "body": {"content": {"echo": "x"}, "contentType": "application/json", "encoded": false},
              "matchingRules": {
                "query": {"access_token": {"matchers": [{"match": "regex", "regex": "[a-z]+"}]}},
                "header": {
                  "Authorization": {"matchers": [{"match": "regex", "regex": "Basic .+"}]},
                  "X-Api-Key": {"matchers": [{"match": "regex", "regex": "[a-z]+"}]},
                  "X-Auth-Token": {"matchers": [{"match": "regex", "regex": "[a-z]+"}]},
                  "Cookie": {"matchers": [{"match": "regex", "regex": "[a-z]+"}]}
                },
                "body": {"$.echo": {"matchers": [{"match": "regex", "regex": "[a-z]+"}]}}
              }
            },
            "response": {"status": 200}
          }
        ],
        "metadata": {"pactSpecification": {"version": "4.0"}}
      }
      """;

  @Nested
  class CliCommands {

    /**
     * A pact that holds the secrets themselves, as a hand-written pact might, in its request and in
     * the response headers it expects (which the provider answers with credentials of its own).
     */
    private String pactWithSecrets() {
      return Inputs.PACT
          .replace(
              "\"headers\": {\"Content-Type\": [\"application/json\"]}",
              "\"headers\": {\"Content-Type\": [\"application/json\"], \"Set-Cookie\": [\""
                  + COOKIE
                  + "\"], \"X-Session-Token\": [\""
                  + AUTH_TOKEN
                  + "\"]}")
          .replace(
              "\"path\": \"/products/A-1\"",
              "\"path\": \"/products/A-1\", \"query\": {\"access_token\": [\""
                  + QUERY
                  + "\"]}, \"headers\": {\"Authorization\": [\""
                  + AUTH
                  + "\"], \"Cookie\": [\""
                  + COOKIE
                  + "\"], \"X-Api-Key\": [\""
                  + API_KEY
                  + "\"], \"X-Auth-Token\": [\""
                  + AUTH_TOKEN
                  + "\"]}");
    }

    @Test
    void everyCommandOverAPactHoldingSecrets() throws IOException {
      HttpServer provider = echoingProvider("/products/A-1");
      Path work = Inputs.tempDir("pactwire-secret-cli");
      Map<String, String> outputs = new LinkedHashMap<>();
      try {
        Path pact =
            Inputs.write(
                work.resolve("pacts/" + Inputs.CONSUMER + "-" + Inputs.PROVIDER + ".json"),
                pactWithSecrets());
        Path base = Inputs.write(work.resolve("base/base.json"), Inputs.PACT);
        Path spec = Inputs.write(work.resolve("spec/inventory.yaml"), Inputs.SPEC);
        Path changedSpec =
            Inputs.write(
                work.resolve("spec/changed.yaml"),
                Inputs.SPEC.replace("sku: {type: string}", "id: {type: string}"));
        String url = url(provider);
        String pacts = pact.getParent().toString();
        List<String[]> commands =
            List.of(
                args(
                    "verify",
                    "--provider",
                    Inputs.PROVIDER,
                    "--base-url",
                    url,
                    "--pact",
                    pact.toString(),
                    "--out",
                    work.resolve("out/verify").toString(),
                    "--store",
                    work.resolve("out/store").toString()),
                args("diff", base.toString(), pact.toString()),
                args("diff", "--format", "markdown", base.toString(), pact.toString()),
                args("check-openapi", "--pact", pact.toString(), "--spec", changedSpec.toString()),
                args(
                    "check-openapi",
                    "--pact",
                    pact.toString(),
                    "--spec",
                    changedSpec.toString(),
                    "--format",
                    "json"),
                args(
                    "usage",
                    "--provider",
                    Inputs.PROVIDER,
                    "--pacts",
                    pacts,
                    "--openapi",
                    spec.toString()),
                args(
                    "impact",
                    "--provider",
                    Inputs.PROVIDER,
                    "--pacts",
                    pacts,
                    "--spec",
                    changedSpec.toString(),
                    "--base-spec",
                    spec.toString()),
                args(
                    "monitor",
                    "--pact",
                    pact.toString(),
                    "--base-url",
                    url,
                    "--history",
                    work.resolve("out/history").toString()),
                args(
                    "monitor",
                    "--pact",
                    pact.toString(),
                    "--base-url",
                    url,
                    "--format",
                    "json",
                    "--history",
                    work.resolve("out/history").toString()),
                args(
                    "publish",
                    "--consumer-version",
                    "1.0.0",
                    "--consumer",
                    Inputs.CONSUMER,
                    "--pacts",
                    pacts,
                    "--store",
                    work.resolve("out/store").toString()));
        for (String[] command : commands) {
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          int status = Main.run(command, new PrintWriter(out, true), new PrintWriter(err, true));
          String name = String.join(" ", command[0], "(exit " + status + ")");
          outputs.put("stdout of " + name + " " + String.join(" ", command), out.toString());
          outputs.put("stderr of " + name + " " + String.join(" ", command), err.toString());
        }
      } finally {
        provider.stop(0);
      }
      outputs.putAll(files(work.resolve("out")));
      assertNoSecret(outputs, 2 * 10);
    }

    @Test
    void theRefusalOfAMalformedPactHoldingSecrets() {
      Path work = Inputs.tempDir("pactwire-secret-bad");
      Map<String, String> outputs = new LinkedHashMap<>();
      List<String> badPacts =
          List.of(
              // JSON's own error names the token it could not read
              pactWithSecrets().replace("[\"" + AUTH + "\"]", "[" + AUTH + "]"),
              pactWithSecrets().replace("[\"" + API_KEY + "\"]", "[\"" + API_KEY + "\" \"x\"]"),
              // a header value of the wrong type, which the reader describes
              pactWithSecrets().replace("[\"" + AUTH + "\"]", "{\"value\": \"" + AUTH + "\"}"),
              pactWithSecrets().replace("[\"" + COOKIE + "\"]", "[{\"c\": \"" + COOKIE + "\"}]"),
              pactWithSecrets().replace("[\"" + QUERY + "\"]", "{\"q\": \"" + QUERY + "\"}"),
              // truncated just after a secret
              pactWithSecrets()
                  .substring(0, pactWithSecrets().indexOf(API_KEY) + API_KEY.length()));
      for (int i = 0; i < badPacts.size(); i++) {
        Path pact = Inputs.write(work.resolve("bad-" + i + "/c-p.json"), badPacts.get(i));
        for (String[] command :
            List.of(
                args(
                    "verify",
                    "--provider",
                    Inputs.PROVIDER,
                    "--base-url",
                    "http://127.0.0.1:9",
                    "--pact",
                    pact.toString(),
                    "--store",
                    work.resolve("store").toString()),
                args("diff", pact.toString(), pact.toString()),
                args(
                    "monitor",
                    "--pact",
                    pact.toString(),
                    "--base-url",
                    "http://127.0.0.1:9",
                    "--history",
                    work.resolve("history").toString()))) {
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          int status = Main.run(command, new PrintWriter(out, true), new PrintWriter(err, true));
          assertThat(status).as("exit of %s over bad pact %d: %s", command[0], i, err).isEqualTo(2);
          outputs.put(command[0] + " over bad pact " + i, out + "\n" + err);
        }
      }
      assertNoSecret(outputs, badPacts.size() * 3 - 1);
    }
  }

  private static String[] args(String... args) {
    return args;
  }

  /** A provider that answers every request with its credentials echoed back, and a cookie. */
  static HttpServer echoingProvider(String path) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        path,
        exchange -> {
          byte[] body =
              ("{\"sku\": 7, \"auth\": \""
                      + header(exchange, "Authorization")
                      + "\", \"key\": \""
                      + header(exchange, "X-Api-Key")
                      + "\", \"access_token\": \""
                      + AUTH_TOKEN
                      // a token of its own, which no request carried
                      + "\", \"session\": {\"session_token\": \""
                      + SESSION_TOKEN
                      + "\", \"pin\": 4711}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("Set-Cookie", COOKIE);
          exchange.getResponseHeaders().add("Set-Cookie", SESSION);
          exchange.getResponseHeaders().add("X-Session-Token", SESSION_TOKEN);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(body);
          }
        });
    server.start();
    return server;
  }

  private static String header(HttpExchange exchange, String name) {
    return String.valueOf(exchange.getRequestHeaders().getFirst(name));
  }

  static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static String trace(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  /** Runs {@code run} with System.out and System.err caught into {@code outputs}. */
  private static <T> T withStandardStreams(
      Map<String, String> outputs, java.util.function.Supplier<T> run) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream caughtOut = new ByteArrayOutputStream();
    ByteArrayOutputStream caughtErr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(caughtOut, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(caughtErr, true, StandardCharsets.UTF_8));
    try {
      return run.get();
    } finally {
      System.setOut(out);
      System.setErr(err);
      outputs.put("standard output", caughtOut.toString(StandardCharsets.UTF_8));
      outputs.put("standard error", caughtErr.toString(StandardCharsets.UTF_8));
    }
  }
}
