package io.pactwire.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code pact} metadata of a WireMock stub: description, provider state, and response
 * values the consumer pins.
 *
 * <pre>{@code
 * stubFor(get(urlPathTemplate("/products/{sku}"))
 *     .withMetadata(PactStub.interaction("a request for a product")
 *         .given("a product exists", Map.of("sku", "SKU-1001"))
 *         .exact("$.sku")
 *         .regex("$.id", "[0-9a-f-]{36}")
 *         .metadata())
 *     .willReturn(okJson("...")));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PactStub {

  private String description;
  private String providerState;
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final List<String> exact = new ArrayList<>();
  private final Map<String, String> regex = new LinkedHashMap<>();

  private PactStub() {}

  /** Starts the metadata of an interaction with this description. */
  public static PactStub interaction(String description) {
    PactStub stub = new PactStub();
    stub.description = description;
    return stub;
  }

  /** Starts the metadata of an interaction described by the stub's name or its method and URL. */
  public static PactStub interaction() {
    return new PactStub();
  }

  /** Sets the provider state. */
  public PactStub given(String state) {
    return given(state, Map.of());
  }

  /** Sets the provider state and its parameters. */
  public PactStub given(String state, Map<String, ?> parameters) {
    this.providerState = state;
    this.params.clear();
    this.params.putAll(parameters);
    return this;
  }

  /**
   * Pins response values to equality: JSON paths in the body ({@code $.status}) or header names
   * ({@code Location}).
   */
  public PactStub exact(String... pathsOrHeaders) {
    exact.addAll(List.of(pathsOrHeaders));
    return this;
  }

  /** Pins a response value (JSON path or header name) to a regular expression. */
  public PactStub regex(String pathOrHeader, String regularExpression) {
    regex.put(pathOrHeader, regularExpression);
    return this;
  }

  /** Returns the metadata, for {@code MappingBuilder.withMetadata(Map)}. */
  public Map<String, Object> metadata() {
    Map<String, Object> pact = new LinkedHashMap<>();
    if (description != null) {
      pact.put("description", description);
    }
    if (providerState != null) {
      pact.put("providerState", providerState);
      if (!params.isEmpty()) {
        pact.put("params", new LinkedHashMap<>(params));
      }
    }
    if (!exact.isEmpty()) {
      pact.put("exact", List.copyOf(exact));
    }
    if (!regex.isEmpty()) {
      pact.put("regex", new LinkedHashMap<>(regex));
    }
    return Map.of("pact", pact);
  }
}
