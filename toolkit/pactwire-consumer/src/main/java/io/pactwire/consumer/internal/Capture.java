package io.pactwire.consumer.internal;

import au.com.dius.pact.core.model.ProviderState;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/** Turns served exchanges into interactions, one per description and provider states. */
public final class Capture {

  // Reads WireMock's objects with the numbers their mapping JSON shows: a double or float as the
  // shortest text that names it, a BigDecimal as written (24.90) unless it has no fraction, which
  // WireMock writes plain, as an integer (1E+2 as 100).
  private static final ObjectMapper PARTS =
      JsonMapper.builder()
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .nodeFactory(
              new JsonNodeFactory() {
                @Override
                public ValueNode numberNode(BigDecimal value) {
                  return value.scale() <= 0
                      ? super.numberNode(value.toBigIntegerExact())
                      : super.numberNode(value);
                }
              })
          .build();

  private Capture() {}

  /**
   * A test's interactions, and by key ({@link PactWriter#key}) the inputs each was built from.
   *
   * @param interactions one per description and provider states
   * @param inputs what each interaction was built from, for a later test's {@link
   *     Setup#recordedInputs}
   * @param keys every description and states the test's exchanges were examples of, also those
   *     whose interaction was recorded already
   */
  public record Captured(
      List<RecordedInteraction> interactions, Map<String, Inputs> inputs, Set<String> keys) {}

  /**
   * What an interaction is built from, besides settings and fallback states: equal inputs build
   * equal interactions.
   *
   * @param stub the stub's JSON without its id
   * @param request the example request
   * @param response the example response
   */
  public record Inputs(JsonNode stub, ExampleRequest request, ExampleResponse response) {}

  /**
   * What a test's exchanges are turned into interactions with.
   *
   * @param settings secrets to redact
   * @param fallbackStates the test's provider states, for stubs that name none
   * @param testName the test, kept as each interaction's {@code comments.testname}
   * @param recordedInputs by key, the inputs of interactions recorded already: an exchange with
   *     equal inputs would only build an equal interaction, and is not built
   */
  public record Setup(
      CaptureSettings settings,
      List<ProviderState> fallbackStates,
      String testName,
      Map<String, Inputs> recordedInputs) {}

  /**
   * A stub's first exchange in a test, prepared: refused (with the stub's JSON and the features a
   * contract cannot express), or keyed by description and states with its inputs and, unless those
   * are recorded already, its interaction, rendered.
   */
  public record Example(
      String key,
      Inputs inputs,
      RecordedInteraction interaction,
      ObjectNode refusedStub,
      List<String> features) {}

  /**
   * Prepares {@code event}, the first exchange of its stub in a test. Touches nothing shared but
   * the read of {@code setup.recordedInputs()}, so it may run on any thread.
   */
  public static Example example(ServeEvent event, Setup setup) {
    StubMapping mapping = event.getStubMapping();
    ObjectNode stub = stubJson(mapping);
    List<String> features = StubFacts.uncontractable(stub);
    if (!features.isEmpty()) {
      if (mapping.getId() != null) {
        stub.put("id", mapping.getId().toString());
      }
      return new Example(null, null, null, stub, features);
    }
    String key =
        PactWriter.key(
            StubFacts.description(stub), StubFacts.providerStates(stub, setup.fallbackStates()));
    Inputs given = new Inputs(stub, request(event.getRequest()), response(event));
    // (a record's first equals() links its method handles: not for nothing to compare with)
    Inputs recorded = setup.recordedInputs().get(key);
    if (recorded != null && given.equals(recorded)) {
      return new Example(key, given, null, null, null);
    }
    RecordedInteraction interaction =
        InteractionBuilder.build(
            stub,
            given.request(),
            given.response(),
            setup.settings(),
            setup.fallbackStates(),
            setup.testName());
    interaction.text();
    return new Example(key, given, interaction, null, null);
  }

  /**
   * A test's interactions from its examples (in serving order): the first example of each
   * description and states wins, also when its inputs were recorded already (then the key needs
   * nothing new). Refused stubs are passed to {@code refused} and left out.
   */
  public static Captured select(
      List<Example> examples, BiConsumer<JsonNode, List<String>> refused) {
    Map<String, RecordedInteraction> byKey = new LinkedHashMap<>();
    Map<String, Inputs> inputs = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (Example example : examples) {
      if (example.refusedStub() != null) {
        refused.accept(example.refusedStub(), example.features());
      } else if (seen.add(example.key()) && example.interaction() != null) {
        byKey.put(example.key(), example.interaction());
        inputs.put(example.key(), example.inputs());
      }
    }
    return new Captured(new ArrayList<>(byKey.values()), inputs, Set.copyOf(seen));
  }

  /**
   * The parts of the stub's mapping JSON that capture reads (see {@link StubFacts} and {@link
   * InteractionBuilder}): request, metadata, name, scenario, webhooks, and of the response only
   * what the exchange does not show. WireMock's own serialiser writes them into a token buffer read
   * as a tree: the whole mapping as text, read back, costs several times as much, and most of it is
   * never looked at. Not the id: it differs between equal stubs and names only a refused one.
   */
  static ObjectNode stubJson(StubMapping stub) {
    try (TokenBuffer buffer = stubTokens(stub)) {
      // Built as PARTS' tree reader builds it, without its deserialiser lookups around each value,
      // which cost a tenth of capture's time (StubJsonTests compares the two on the corpus); an
      // object the buffer embeds is left to the reader.
      JsonParser parser = buffer.asParser();
      JsonNode json = ExactJson.tree(parser, parser.nextToken(), PARTS.getNodeFactory(), false);
      return withJsonBody(
          stub, json == null ? PARTS.readTree(buffer.asParser()) : (ObjectNode) json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stub " + stub.getId(), e);
    }
  }

  /** As {@link #stubJson}, the tokens read by Jackson's tree reader: what stubJson must equal. */
  static ObjectNode stubJsonByMapper(StubMapping stub) {
    try (TokenBuffer buffer = stubTokens(stub)) {
      return withJsonBody(stub, PARTS.readTree(buffer.asParser()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stub " + stub.getId(), e);
    }
  }

  private static TokenBuffer stubTokens(StubMapping stub) throws IOException {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("name", stub.getName());
    parts.put("request", stub.getRequest());
    parts.put("response", responseParts(stub.getResponse()));
    parts.put("scenarioName", stub.getScenarioName());
    parts.put("requiredScenarioState", stub.getRequiredScenarioState());
    parts.put("metadata", stub.getMetadata());
    parts.put("postServeActions", stub.getPostServeActions());
    parts.put("serveEventListeners", stub.getServeEventListeners());
    parts.values().removeIf(Objects::isNull);
    ObjectMapper wiremock = Json.getObjectMapper();
    TokenBuffer buffer = new TokenBuffer(wiremock, false);
    wiremock.writerWithView(Json.PublicView.class).writeValue(buffer, parts);
    return buffer;
  }

  private static ObjectNode withJsonBody(StubMapping stub, ObjectNode json) {
    if (stub.getResponse() != null && stub.getResponse().getJsonBody() != null) {
      // WireMock's own tree, not a copy: only its presence matters, and nothing changes it.
      ((ObjectNode) json.get("response")).set("jsonBody", stub.getResponse().getJsonBody());
    }
    return json;
  }

  // The response as the mapping JSON has it, without what the exchange shows (status, headers,
  // body): transformers, fault, delays and proxying, which a contract cannot express.
  private static Map<String, Object> responseParts(ResponseDefinition response) {
    Map<String, Object> parts = new LinkedHashMap<>();
    if (response != null) {
      parts.put("transformers", response.getTransformers());
      parts.put("fault", response.getFault());
      parts.put("fixedDelayMilliseconds", response.getFixedDelayMilliseconds());
      parts.put("delayDistribution", response.getDelayDistribution());
      parts.put("chunkedDribbleDelay", response.getChunkedDribbleDelay());
      parts.put("proxyBaseUrl", response.getProxyBaseUrl());
      parts.values().removeIf(Objects::isNull);
    }
    return parts;
  }

  static ExampleRequest request(LoggedRequest request) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    byte[] body = request.getBody();
    return new ExampleRequest(
        request.getMethod().getName(),
        decode(path.isEmpty() ? "/" : path),
        query,
        headers(request.getHeaders()),
        body == null || body.length == 0 ? null : request.getBodyAsString());
  }

  static ExampleResponse response(ServeEvent event) {
    String body = event.getResponse() == null ? null : event.getResponse().getBodyAsString();
    return new ExampleResponse(
        event.getResponseDefinition().getStatus(),
        headers(event.getResponseDefinition().getHeaders()),
        body == null || body.isEmpty() ? null : body);
  }

  private static Map<String, List<String>> headers(HttpHeaders headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (headers != null) {
      for (HttpHeader h : headers.all()) {
        out.put(h.key(), List.copyOf(h.values()));
      }
    }
    return out;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
