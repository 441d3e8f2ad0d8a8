package io.pactwire.stubs;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.IRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.pactwire.core.PactFiles;
import io.pactwire.core.internal.JsonText;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official request matching cases of the pact specification, served as stubs: a stub built from
 * each case's {@code expected} request, its {@code actual} request sent over HTTP, answered exactly
 * when the case says {@code "match": true}. The cases this toolkit does not meet are listed, with
 * the reason, in {@code conformance-exceptions.txt} (and docs/stubs.md); one that starts to pass
 * fails here, so the list never outlives its reason.
 */
class ConformanceTests {

  private static final List<String> VERSIONS = List.of("v1", "v1.1", "v2", "v3", "v4");
  private static final Map<String, String> SPEC =
      Map.of("v1", "1.0.0", "v1.1", "1.1.0", "v2", "2.0.0", "v3", "3.0.0", "v4", "4.0");

  private static final Map<String, int[]> COUNTS = new ConcurrentHashMap<>();
  private static WireMockServer server;
  private static Map<String, String> exceptions;

  @TempDir static Path work;

  @BeforeAll
  static void start() throws IOException {
    server = new WireMockServer(options().dynamicPort().extensions(new PactRequestMatcher()));
    server.start();
    exceptions = new LinkedHashMap<>();
    try (InputStream in =
        ConformanceTests.class.getResourceAsStream("/conformance-exceptions.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf(" | ");
        exceptions.put(line.substring(0, tab).strip(), line.substring(tab + 3).strip());
      }
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
    Map<String, int[]> sorted = new TreeMap<>(COUNTS);
    sorted.forEach(
        (version, c) ->
            System.out.println(
                "conformance "
                    + version
                    + ": "
                    + c[0]
                    + " of "
                    + c[1]
                    + " request cases pass, "
                    + (c[1] - c[0])
                    + " known exceptions"));
  }

  @TestFactory
  Stream<DynamicTest> requestCases() throws IOException {
    Path corpus = Corpora.require("pact-specification", "pact specification conformance of stubs");
    List<DynamicTest> tests = new ArrayList<>();
    for (String version : VERSIONS) {
      Path root = corpus.resolve(version).resolve("testcases/request");
      List<Path> cases;
      try (Stream<Path> walk = Files.walk(root)) {
        cases = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
      for (Path file : cases) {
        String name = version + "/" + root.relativize(file).toString().replace('\\', '/');
        tests.add(DynamicTest.dynamicTest(name, file.toUri(), () -> check(version, name, file)));
      }
    }
    return tests.stream();
  }

  private void check(String version, String name, Path file) throws IOException {
    JsonNode testCase = PactFiles.readTree(file);
    boolean match = testCase.path("match").asBoolean();
    Boolean answered = null;
    Boolean pactJvm = null;
    Boolean again = null;
    String detail;
    try {
      Path expected = pact(version, name, "expected", testCase.get("expected"));
      Path actual = pact(version, name, "actual", testCase.get("actual"));
      PactStubs stubs = PactStubs.newInstance().pacts(expected).build();
      IRequest request =
          PactFiles.read(actual)
              .getInteractions()
              .get(0)
              .asSynchronousRequestResponse()
              .getRequest();
      server.resetMappings();
      stubs.registerWith(server);
      // A stub keeps its verdict on the last request it judged. The case's own example, which
      // differs from the actual request in just what the case is about, is judged first: the
      // actual request must be judged on its own, not answered with the example's verdict.
      RawHttp.send(server.port(), stubs.compiled().get(0).interaction().getRequest());
      RawHttp.Answer answer = RawHttp.send(server.port(), request);
      answered = answer.status() == 200;
      pactJvm = stubs.compiled().get(0).judge(request).matchedOk();
      again = RawHttp.send(server.port(), request).status() == 200;
      detail =
          "stub "
              + (answered ? "answered" : "did not answer (" + answer.status() + ")")
              + ", pact-jvm in memory says "
              + (pactJvm ? "match" : "mismatch");
    } catch (RuntimeException e) {
      detail = "not served: " + e.getMessage();
    }
    boolean passes = answered != null && answered == match;
    COUNTS.computeIfAbsent(version, v -> new int[2])[1]++;
    String known = exceptions.get(name);
    if (known != null) {
      assertThat(passes)
          .as(
              "%s is listed as a known exception (%s) but now conforms: remove it from"
                  + " conformance-exceptions.txt and docs/stubs.md",
              name, known)
          .isFalse();
      return;
    }
    assertThat(passes)
        .as(
            "%s (%s): expected %s; %s",
            name, testCase.path("comment").asText(), match ? "match" : "no match", detail)
        .isTrue();
    assertThat(answered)
        .as("%s: the stub's verdict is pact-jvm's; %s", name, detail)
        .isEqualTo(pactJvm);
    assertThat(again).as("%s: the same request sent again; %s", name, detail).isEqualTo(answered);
    COUNTS.get(version)[0]++;
  }

  /** The case's request as the one interaction of a pact of the case's specification version. */
  private static Path pact(String version, String name, String side, JsonNode request)
      throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode pact = nodes.objectNode();
    pact.putObject("consumer").put("name", "consumer");
    pact.putObject("provider").put("name", "provider");
    ObjectNode interaction = pact.putArray("interactions").addObject();
    interaction.put("description", name);
    interaction.set("request", request == null ? nodes.objectNode() : request);
    interaction.putObject("response").put("status", 200);
    if (version.equals("v4")) {
      interaction.put("type", "Synchronous/HTTP");
    }
    pact.putObject("metadata").putObject("pactSpecification").put("version", SPEC.get(version));
    Path dir = Files.createDirectories(work.resolve(side));
    Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9.]+", "_") + ".json");
    Files.writeString(file, JsonText.render(pact));
    return file;
  }
}
