package io.pactwire.consumer.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.HttpRequest;
import au.com.dius.pact.core.model.HttpResponse;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.UnknownPactSource;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.v4.V4InteractionType;
import au.com.dius.pact.core.support.json.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.internal.JsonText;
import io.pactwire.core.internal.PactJson;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Capture builds an interaction as the JSON the pact holds, not through pact-jvm's model: pact-jvm,
 * reading it as a provider's verification does, must write the same JSON back.
 */
class InteractionBuilderTests {

  static final CaptureSettings SECRETS =
      CaptureSettings.of(List.of("X-Request-Id"), List.of("$.card.number", "$.items[*].token"));

  @ParameterizedTest(name = "{0}")
  @MethodSource({"bodiesOfEveryKind", "wireMockCorpus"})
  void pactJvmReadsTheInteractionAndWritesItBackTheSame(
      String name, JsonNode mapping, Path mappingDir) {
    var example = (StubSynthesis.Result.Example) StubSynthesis.synthesise(mapping, mappingDir);
    RecordedInteraction built =
        InteractionBuilder.build(
            mapping, example.request(), example.response(), SECRETS, List.of(), "T#t");

    V4Interaction read =
        V4Interaction.Companion.interactionFromJson(
                0, JsonParser.parseString(built.json().toString()), UnknownPactSource.INSTANCE)
            .unwrap();

    assertThat(JsonText.render(PactJson.tree(read))).isEqualTo(JsonText.render(built.json()));
  }

  // The key is pact-jvm's, worked out without its model: for every description and states a
  // provider could see, including parameters of every kind and no states at all.
  @ParameterizedTest(name = "''{0}'' {1}")
  @MethodSource("descriptionsAndStates")
  void keysAreThoseOfPactJvm(String description, List<ProviderState> states) {
    V4Interaction.SynchronousHttp pactJvm =
        new V4Interaction.SynchronousHttp(
            "",
            description,
            states,
            new HttpRequest(),
            new HttpResponse(),
            null,
            new LinkedHashMap<>());

    assertThat(InteractionBuilder.key(description, states)).isEqualTo(pactJvm.generateKey());
  }

  static Stream<Arguments> descriptionsAndStates() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("sku", "SKU-1001");
    params.put("price", new BigDecimal("24.90"));
    params.put("n", 3);
    params.put("tags", List.of("a", 1));
    return Stream.of(
        Arguments.of("a request for a product", List.of()),
        Arguments.of("", List.of(new ProviderState("a product exists"))),
        Arguments.of("é ünïcødé \uD83D\uDE00", List.of(new ProviderState("x", params))),
        Arguments.of(
            "two states",
            List.of(new ProviderState("a product exists"), new ProviderState("stock", params))),
        // descriptions whose hash overflows either way
        Arguments.of("z".repeat(200), List.of(new ProviderState("z".repeat(50)))),
        Arguments.of(
            "a reservation of product 17", List.of(new ProviderState("a product exists"))));
  }

  @Test
  void theLiteralNamesArePactJvms() {
    assertThat(InteractionBuilder.JSON_CONTENT_TYPE).isEqualTo(ContentType.getJSON().toString());
    assertThat(InteractionBuilder.SYNCHRONOUS_HTTP)
        .isEqualTo(V4InteractionType.SynchronousHTTP.toString());
  }

  static Stream<Arguments> bodiesOfEveryKind() throws IOException {
    return Stream.of(
        // JSON both ways, with numbers of every kind, escapes, rules, pins and a redacted path
        mapping(
            "JSON bodies",
            """
            {"request": {"method": "POST", "urlPathTemplate": "/orders/{id}",
              "headers": {"X-Request-Id": {"matches": "[a-f0-9]{8}"}},
              "bodyPatterns": [{"equalToJson": {"card": {"number": "4111", "cvc": "${json-unit.any-string}"},
                "items": [{"token": "t1"}], "amount": 10.00}}]},
             "response": {"status": 201, "headers": {"Location": "/orders/1"},
               "jsonBody": {"id": "O-1", "price": 24.90, "big": 123456789012345678901234567890,
                 "e": 1e5, "small": 1.5E-3, "u": "\\u00e9\\ud83d\\ude00\\n\\"", "none": null,
                 "lines": [{"sku": "A", "qty": 1}], "empty": [], "o": {}}},
             "metadata": {"pact": {"exact": ["$.id"], "regex": {"Location": "/orders/.+"},
               "providerState": "an order", "params": {"price": 24.90, "n": 3, "list": [1.0, "a"]}}}}
            """),
        // a JSON value that is not an object or an array
        mapping(
            "a JSON scalar",
            """
            {"request": {"method": "GET", "urlPath": "/count"},
             "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": "12.50"}}
            """),
        // text, with a charset of its own; pact-jvm writes these bodies itself
        mapping(
            "text bodies",
            """
            {"request": {"method": "POST", "urlPath": "/notes", "bodyPatterns": [{"matches": "hello .*"}]},
             "response": {"status": 200, "headers": {"Content-Type": "text/plain; charset=ISO-8859-1"},
               "body": "caf\\u00e9"}}
            """),
        mapping(
            "an XML response",
            """
            {"request": {"method": "GET", "urlPath": "/feed"},
             "response": {"status": 200, "headers": {"Content-Type": "application/xml"}, "body": "<r>ok</r>"}}
            """),
        // a binary content type: base64
        mapping(
            "a binary response",
            """
            {"request": {"method": "GET", "urlPath": "/logo"},
             "response": {"status": 200, "headers": {"Content-Type": "image/png"}, "body": "not a png"}}
            """),
        mapping(
            "no bodies, a secret query parameter and basic auth",
            """
            {"request": {"method": "DELETE", "url": "/items/1?access_token=abc&q=a+b",
              "basicAuthCredentials": {"username": "u", "password": "p"}},
             "response": {"status": 204}}
            """));
  }

  static Stream<Arguments> wireMockCorpus() throws IOException {
    Path dir = Corpora.require("wiremock-mappings", "interactions from WireMock's own mappings");
    List<Arguments> mappings = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = ExactJson.MAPPER.readTree(Files.readString(file, UTF_8));
        for (JsonNode mapping : root.has("mappings") ? root.get("mappings") : List.of(root)) {
          if (mapping.has("request")
              && StubFacts.uncontractable(mapping).isEmpty()
              && StubSynthesis.synthesise(mapping, file.getParent())
                  instanceof StubSynthesis.Result.Example) {
            mappings.add(
                Arguments.of(
                    dir.relativize(file) + " " + StubFacts.label(mapping),
                    mapping,
                    file.getParent()));
          }
        }
      }
    }
    return mappings.stream();
  }

  private static Arguments mapping(String name, String json) throws IOException {
    return Arguments.of(name, ExactJson.MAPPER.readTree(json), null);
  }
}
