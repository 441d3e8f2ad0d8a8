package io.pactwire.consumer.internal;

import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.V4Interaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/** Turns served exchanges into interactions, one per description and provider states. */
public final class Capture {

  // Reads WireMock's objects with their numbers' own types: a BigDecimal as written (24.90), a
  // double or float as the shortest text that names it, as in the stub's mapping JSON.
  private static final ObjectMapper PARTS =
      JsonMapper.builder().disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

  private Capture() {}

  /**
   * Converts {@code events} (in serving order) into interactions; the first exchange of each
   * description and states wins. Stubs with features a contract cannot express are passed to {@code
   * refused} with the feature and left out.
   */
  public static List<V4Interaction.SynchronousHttp> interactions(
      List<ServeEvent> events,
      CaptureSettings settings,
      List<ProviderState> fallbackStates,
      String testName,
      BiConsumer<JsonNode, List<String>> refused) {
    return interactions(events, settings, fallbackStates, testName, refused, new HashMap<>());
  }

  /**
   * As {@link #interactions(List, CaptureSettings, List, String, BiConsumer)}, skipping exchanges
   * whose inputs (stub, request, response) equal those already recorded for their description and
   * states in {@code recordedInputs}, which it updates: a repeated exchange needs no interaction
   * built and compared.
   */
  public static List<V4Interaction.SynchronousHttp> interactions(
      List<ServeEvent> events,
      CaptureSettings settings,
      List<ProviderState> fallbackStates,
      String testName,
      BiConsumer<JsonNode, List<String>> refused,
      Map<String, String> recordedInputs) {
    Map<String, V4Interaction.SynchronousHttp> byKey = new LinkedHashMap<>();
    Map<Object, JsonNode> stubs = new HashMap<>();
    Set<Object> seen = new HashSet<>();
    for (ServeEvent event : events) {
      StubMapping mapping = event.getStubMapping();
      // A stub's description and states do not depend on the request: build it once per stub.
      if (!seen.add(mapping.getId() == null ? mapping : mapping.getId())) {
        continue;
      }
      JsonNode stub = stubs.computeIfAbsent(mapping.getId(), id -> stubJson(mapping));
      List<String> features = StubFacts.uncontractable(stub);
      if (!features.isEmpty()) {
        refused.accept(stub, features);
        continue;
      }
      V4Interaction.SynchronousHttp interaction =
          InteractionBuilder.build(
              stub,
              request(event.getRequest()),
              response(event),
              settings,
              fallbackStates,
              testName);
      byKey.putIfAbsent(PactWriter.key(interaction), interaction);
    }
    return new ArrayList<>(byKey.values());
  }

  /**
   * The parts of the stub's mapping JSON that capture reads (see {@link StubFacts} and {@link
   * InteractionBuilder}): request, response, metadata, names, scenario and webhooks. Written by
   * WireMock's own serialiser into a tree, part by part: the whole mapping as text, read back,
   * costs several times as much and most of it is never looked at.
   */
  static JsonNode stubJson(StubMapping stub) {
    ObjectNode json = PARTS.createObjectNode();
    put(json, "id", stub.getId());
    put(json, "name", stub.getName());
    put(json, "request", stub.getRequest());
    put(json, "response", stub.getResponse());
    put(json, "scenarioName", stub.getScenarioName());
    put(json, "requiredScenarioState", stub.getRequiredScenarioState());
    put(json, "metadata", stub.getMetadata());
    put(json, "postServeActions", stub.getPostServeActions());
    put(json, "serveEventListeners", stub.getServeEventListeners());
    return json;
  }

  private static void put(ObjectNode json, String field, Object part) {
    if (part instanceof String || part instanceof UUID) {
      json.put(field, part.toString());
    } else if (part != null) {
      ObjectMapper wiremock = Json.getObjectMapper();
      try (TokenBuffer buffer = new TokenBuffer(wiremock, false)) {
        wiremock.writerWithView(Json.PublicView.class).writeValue(buffer, part);
        json.set(field, PARTS.readTree(buffer.asParser()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the " + field + " of a stub", e);
      }
    }
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
