package io.pactwire.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.internal.report.VerifiedInteraction;
import io.pactwire.testsupport.Corpora;
import io.pactwire.verifier.internal.VerifierEngine;
import io.pactwire.verifier.internal.VerifyConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every response case of the Pact specification, for every version, through the whole verify path:
 * the pact is built from the case's {@code expected}, a real HTTP provider answers its {@code
 * actual}, and the verdict must be the case's {@code match}.
 *
 * <p>A case listed in {@link #KNOWN_EXCEPTIONS} must disagree, for the reason given there and in
 * docs/verify.md: a fix makes this test fail, and the list shrinks.
 */
class SpecificationConformanceTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The response has no Content-Type header: pact-jvm's provider client reads its body as
   * text/plain, which is a body type mismatch against a JSON or XML contract.
   */
  static final String NO_CONTENT_TYPE = "no Content-Type: read as text/plain";

  /** pact-jvm compares the values of Accept and Content-Type headers ignoring case. */
  static final String HEADER_CASE = "Accept compared ignoring case";

  /**
   * pact-jvm wants a body where the contract's JSON body is null (or, in V4, empty), and an empty
   * response has none: "Expected empty body".
   */
  static final String EMPTY_BODY = "null or empty JSON body expected: an empty response fails";

  private static final Map<String, String> V1 =
      Map.of(
          "body/deeply nested objects.json", NO_CONTENT_TYPE,
          "body/keys out of order match.json", NO_CONTENT_TYPE,
          "body/matches.json", NO_CONTENT_TYPE,
          "body/unexpected key with not null value.json", NO_CONTENT_TYPE,
          "body/unexpected key with null value.json", NO_CONTENT_TYPE,
          "headers/header value is different case.json", HEADER_CASE);

  private static final Map<String, String> V2 =
      Map.of(
          "body/additional property with type matcher.json", NO_CONTENT_TYPE,
          "body/array with regex matcher xml.json", NO_CONTENT_TYPE,
          "body/array with regex matcher.json", NO_CONTENT_TYPE,
          "body/array with type matcher xml.json", NO_CONTENT_TYPE,
          "body/array with type matcher.json", NO_CONTENT_TYPE,
          "body/null body.json", EMPTY_BODY,
          "body/objects in array type matching xml.json", NO_CONTENT_TYPE,
          "body/objects in array type matching.json", NO_CONTENT_TYPE,
          "headers/header value is different case.json", HEADER_CASE);

  /**
   * Cases whose verdict over HTTP differs from the specification's, by version, each with the
   * reason; docs/verify.md lists them. A case that starts to agree fails the test.
   */
  static final Map<String, Map<String, String>> KNOWN_EXCEPTIONS =
      Map.of(
          "v1",
          V1,
          "v1.1",
          with(V1, Map.of("body/null body.json", EMPTY_BODY)),
          "v2",
          V2,
          "v3",
          V2,
          "v4",
          with(
              V2,
              Map.of(
                  "body/empty body.json", EMPTY_BODY,
                  "body/null body no content type.json", EMPTY_BODY)));

  private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
    Map<String, String> all = new TreeMap<>(base);
    all.putAll(more);
    return all;
  }

  @TempDir static Path pacts;

  static ProviderServer provider;

  @BeforeAll
  static void start() {
    provider = ProviderServer.start();
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  @ParameterizedTest(name = "pact specification {0}: every response case")
  @ValueSource(strings = {"v1", "v1.1", "v2", "v3", "v4"})
  void everyResponseCaseGivesTheSpecificationsVerdict(String version) throws IOException {
    Path cases =
        Corpora.require(
            "pact-specification/" + version + "/testcases/response",
            "the verifier's Pact specification conformance");
    Map<String, JsonNode> byName = new TreeMap<>();
    try (Stream<Path> files = Files.walk(cases)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        byName.put(cases.relativize(file).toString().replace('\\', '/'), JSON.readTree(text));
      }
    }
    Path pact = pact(version, byName);

    VerifierEngine.Run run =
        VerifierEngine.run(
            new VerifyConfig(
                "spec-provider",
                provider.url(),
                pacts,
                List.of(pact),
                null,
                List.of(),
                2,
                Duration.ofSeconds(10)),
            null);

    Set<String> disagreeing = new TreeSet<>();
    List<String> lines = new ArrayList<>();
    for (VerifiedInteraction verified : run.interactions()) {
      String name = verified.result().description();
      boolean expected = byName.get(name).path("match").asBoolean();
      if (verified.result().success() != expected) {
        disagreeing.add(name);
        lines.add(
            name
                + ": specification says "
                + (expected ? "match" : "mismatch")
                + ", verify says "
                + (verified.result().success() ? "match" : verified.result().message()));
      }
    }
    assertThat(run.interactions()).hasSize(byName.size());
    int agreeing = byName.size() - disagreeing.size();
    Files.createDirectories(Path.of("target", "conformance"));
    Files.writeString(
        Path.of("target", "conformance", "pact-specification-" + version + ".txt"),
        version + " " + agreeing + "/" + byName.size() + "\n" + String.join("\n", lines) + "\n");
    System.out.println(
        "conformance "
            + version
            + ": "
            + agreeing
            + "/"
            + byName.size()
            + " response cases give the specification's verdict"
            + (disagreeing.isEmpty() ? "" : "; disagreeing: " + disagreeing));
    assertThat(disagreeing)
        .as("cases that disagree with the specification:\n%s", String.join("\n", lines))
        .isEqualTo(KNOWN_EXCEPTIONS.getOrDefault(version, Map.of()).keySet());
  }

  /** One pact for the version: each case an interaction named by its file, answered at /N. */
  private static Path pact(String version, Map<String, JsonNode> cases) throws IOException {
    ObjectNode pact = JsonNodeFactory.instance.objectNode();
    pact.putObject("consumer").put("name", "spec-consumer");
    pact.putObject("provider").put("name", "spec-provider");
    ArrayNode interactions = pact.putArray("interactions");
    int n = 0;
    for (Map.Entry<String, JsonNode> c : cases.entrySet()) {
      String path = "/" + version + "/" + n++;
      ObjectNode interaction = interactions.addObject();
      if (version.equals("v4")) {
        interaction.put("type", "Synchronous/HTTP");
        interaction.put("key", "case-" + n);
      }
      interaction.put("description", c.getKey());
      interaction.putObject("request").put("method", "GET").put("path", path);
      ObjectNode response = c.getValue().path("expected").deepCopy();
      if (version.equals("v4") && !response.has("status")) {
        response.put("status", 200);
      }
      interaction.set("response", response);
      JsonNode actual = c.getValue().path("actual");
      provider.on("GET " + path, exchange -> answer(exchange, actual));
    }
    String spec =
        switch (version) {
          case "v1" -> "1.0.0";
          case "v1.1" -> "1.1.0";
          case "v2" -> "2.0.0";
          case "v3" -> "3.0.0";
          default -> "4.0";
        };
    pact.putObject("metadata").putObject("pactSpecification").put("version", spec);
    Path file = pacts.resolve(version + ".json");
    Files.writeString(file, JSON.writeValueAsString(pact));
    return file;
  }

  /** {@code {"content", "contentType", "encoded"}}: the body of a V4 case. */
  private static boolean isV4Body(JsonNode node) {
    if (node == null || !node.isObject() || !node.has("content")) {
      return false;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      if (!Set.of("content", "contentType", "encoded").contains(names.next())) {
        return false;
      }
    }
    return true;
  }

  /** Answers a case's actual response: its status, headers and body as a provider sends them. */
  private static void answer(com.sun.net.httpserver.HttpExchange exchange, JsonNode actual)
      throws IOException {
    String contentType = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = actual.path("headers").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> header = it.next();
      // a folded value (a line break, then spaces) is one space on the wire (RFC 9112 5.2)
      String value = header.getValue().asText().replaceAll("\\r?\\n[ \\t]+", " ");
      exchange.getResponseHeaders().add(header.getKey(), value);
      if (header.getKey().equalsIgnoreCase("Content-Type")) {
        contentType = header.getValue().asText();
      }
    }
    byte[] body;
    JsonNode node = actual.get("body");
    if (isV4Body(node)) {
      // a V4 body: its content, base64 when encoded
      if (node.path("encoded").asBoolean(false) || node.path("encoded").isTextual()) {
        byte[] bytes = java.util.Base64.getDecoder().decode(node.path("content").asText());
        exchange.sendResponseHeaders(actual.path("status").asInt(200), bytes.length);
        exchange.getResponseBody().write(bytes);
        return;
      }
      node = node.get("content");
    }
    if (node == null || node.isNull() || node.asText().isEmpty() && node.isTextual()) {
      // a missing, null or empty body is no body on the wire
      body = new byte[0];
    } else if (node.isTextual() && (contentType == null || !contentType.contains("json"))) {
      body = node.asText().getBytes(StandardCharsets.UTF_8);
    } else {
      body = JSON.writeValueAsBytes(node);
    }
    int status = actual.path("status").asInt(200);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }
}
