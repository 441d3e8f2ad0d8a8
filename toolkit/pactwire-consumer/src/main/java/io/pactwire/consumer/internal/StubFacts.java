package io.pactwire.consumer.internal;

import au.com.dius.pact.core.model.ProviderState;
import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.internal.Secrets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a WireMock stub (as mapping JSON) says about the interaction it stands for. */
public final class StubFacts {

  private static final String[] URL_KEYS = {
    "url", "urlPath", "urlPathTemplate", "urlPathPattern", "urlPattern"
  };

  private StubFacts() {}

  /** The stub's {@code metadata.pact} object, or a missing node. */
  public static JsonNode pactMetadata(JsonNode stub) {
    return stub.path("metadata").path("pact");
  }

  /** {@code metadata.pact.description}, else the stub's name, else method and URL expression. */
  public static String description(JsonNode stub) {
    String fromMetadata = pactMetadata(stub).path("description").asText("");
    if (!fromMetadata.isBlank()) {
      return fromMetadata;
    }
    String name = stub.path("name").asText("");
    return name.isBlank() ? methodAndUrl(stub) : name;
  }

  /**
   * {@code GET /products/{sku}}: the method and the stub's URL expression, the value of a
   * credential in its query ({@code ?access_token=…}) redacted.
   */
  public static String methodAndUrl(JsonNode stub) {
    JsonNode request = stub.path("request");
    String method = request.path("method").asText("ANY");
    for (String key : URL_KEYS) {
      if (request.hasNonNull(key)) {
        return Secrets.redactQuery(
            method + " " + request.get(key).asText(), Secrets.QUERY_PARAMETERS);
      }
    }
    return method + " (any URL)";
  }

  /** Names a stub in messages: its name, else its id, else method and URL. */
  public static String label(JsonNode stub) {
    if (!stub.path("name").asText("").isBlank()) {
      return "'" + stub.get("name").asText() + "'";
    }
    String id = stub.path("id").asText(stub.path("uuid").asText(""));
    return id.isBlank() ? "'" + methodAndUrl(stub) + "'" : id + " (" + methodAndUrl(stub) + ")";
  }

  /**
   * Provider states: {@code metadata.pact.providerState} with {@code params}, else the scenario
   * state ({@code "<scenario> is <state>"}), else {@code fallback}.
   */
  public static List<ProviderState> providerStates(JsonNode stub, List<ProviderState> fallback) {
    JsonNode pact = pactMetadata(stub);
    String state = pact.path("providerState").asText("");
    if (!state.isBlank()) {
      Map<String, Object> params = new LinkedHashMap<>();
      pact.path("params")
          .fields()
          .forEachRemaining(e -> params.put(e.getKey(), plain(e.getValue())));
      return List.of(new ProviderState(state, params));
    }
    String scenario = stub.path("scenarioName").asText("");
    String required = stub.path("requiredScenarioState").asText("");
    if (!scenario.isBlank() && !required.isBlank()) {
      return List.of(new ProviderState(scenario + " is " + required));
    }
    return fallback;
  }

  /** The features of a stub that a contract cannot express, one phrase each. */
  public static List<String> uncontractable(JsonNode stub) {
    List<String> found = new ArrayList<>();
    JsonNode response = stub.path("response");
    JsonNode transformers = response.path("transformers");
    for (JsonNode t : transformers) {
      found.add(
          t.asText().equals("response-template")
              ? "response templating (transformer response-template)"
              : "the response transformer " + t.asText());
    }
    if (response.hasNonNull("fault")) {
      found.add("a fault (" + response.get("fault").asText() + ")");
    }
    if (response.hasNonNull("fixedDelayMilliseconds")) {
      found.add("a delay (fixedDelayMilliseconds)");
    }
    if (response.hasNonNull("delayDistribution")) {
      found.add("a delay (delayDistribution)");
    }
    if (response.hasNonNull("chunkedDribbleDelay")) {
      found.add("a delay (chunkedDribbleDelay)");
    }
    if (response.hasNonNull("proxyBaseUrl") || response.hasNonNull("proxyUrl")) {
      found.add("proxying (proxyBaseUrl)");
    }
    if (stub.path("postServeActions").size() > 0) {
      found.add("webhooks (postServeActions)");
    }
    if (stub.path("serveEventListeners").size() > 0) {
      found.add("serve event listeners (webhooks)");
    }
    return found;
  }

  static Object plain(JsonNode node) {
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().bitLength() < 64
          ? (Object) node.asLong()
          : node.bigIntegerValue();
    }
    if (node.isFloat()) {
      // As written: 0.1f, not the 0.10000000149011612 of the float widened to a double.
      return new BigDecimal(Float.toString(node.floatValue()));
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(plain(n)));
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
    return map;
  }
}
