package io.pactwire.consumer;

import io.pactwire.consumer.internal.StringFormats;
import java.time.format.DateTimeFormatter;
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
 *         .regex("$.code", "[A-Z]{3}")
 *         .rule("$.restockedOn", PactStub.date())
 *         .rule("$.stock", PactStub.integer())
 *         .metadata())
 *     .willReturn(okJson("...")));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PactStub {

  /** The format of an ISO-8601 date-time with an offset: {@code 2026-12-06T10:15:30+01:00}. */
  public static final String ISO_DATE_TIME = "yyyy-MM-dd'T'HH:mm:ssXXX";

  private String description;
  private String providerState;
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final List<String> exact = new ArrayList<>();
  private final Map<String, String> regex = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> rules = new LinkedHashMap<>();

  /**
   * A Pact matcher for a response value, for {@link PactStub#rule}: written into the contract as
   * the V4 matcher it names, e.g. {@code {"match": "date", "format": "yyyy-MM-dd"}}.
   *
   * @since 0.1.0
   */
  public static final class Matcher {

    private final Map<String, Object> json;

    private Matcher(Map<String, Object> json) {
      this.json = json;
    }

    private static Matcher of(String match) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("match", match);
      return new Matcher(json);
    }

    private static Matcher formatted(String match, String format) {
      try {
        DateTimeFormatter.ofPattern(format);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'"
                + format
                + "' is no date-time format for a "
                + match
                + " matcher: "
                + e.getMessage(),
            e);
      }
      Matcher matcher = of(match);
      matcher.json.put("format", format);
      return matcher;
    }

    /** The matcher as the pact holds it. */
    public Map<String, Object> json() {
      return Map.copyOf(json);
    }

    @Override
    public String toString() {
      return json.toString();
    }
  }

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

  /**
   * Holds a response value (JSON path or header name) to a matcher: {@code rule("$.createdAt",
   * PactStub.timestamp())}. Later pins of the same value win.
   */
  public PactStub rule(String pathOrHeader, Matcher matcher) {
    rules.put(pathOrHeader, matcher.json);
    return this;
  }

  /**
   * A date-time in this format (Java's {@code DateTimeFormatter} pattern, as pact-jvm reads it),
   * e.g. {@code "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"}.
   *
   * @throws IllegalArgumentException for a pattern {@code DateTimeFormatter} cannot read
   */
  public static Matcher timestamp(String format) {
    return Matcher.formatted("timestamp", format);
  }

  /** An ISO-8601 date-time with an offset, {@link #ISO_DATE_TIME}: {@code 2026-12-06T10:15:30Z}. */
  public static Matcher timestamp() {
    return timestamp(ISO_DATE_TIME);
  }

  /**
   * A date in this format, e.g. {@code "dd.MM.yyyy"}.
   *
   * @throws IllegalArgumentException for a pattern {@code DateTimeFormatter} cannot read
   */
  public static Matcher date(String format) {
    return Matcher.formatted("date", format);
  }

  /** An ISO-8601 date, {@code yyyy-MM-dd}: {@code 2026-12-06}. */
  public static Matcher date() {
    return date("yyyy-MM-dd");
  }

  /**
   * A time of day in this format, e.g. {@code "HH:mm"}.
   *
   * @throws IllegalArgumentException for a pattern {@code DateTimeFormatter} cannot read
   */
  public static Matcher time(String format) {
    return Matcher.formatted("time", format);
  }

  /** An ISO-8601 time of day, {@code HH:mm:ss}: {@code 10:15:30}. */
  public static Matcher time() {
    return time("HH:mm:ss");
  }

  /** A UUID, in either case: a {@code regex} matcher. */
  public static Matcher uuid() {
    Matcher matcher = Matcher.of("regex");
    matcher.json.put("regex", StringFormats.UUID_REGEX);
    return matcher;
  }

  /** An integer ({@code 12}, not {@code 12.5}). */
  public static Matcher integer() {
    return Matcher.of("integer");
  }

  /** A number with a fraction ({@code 24.90}, not {@code 24}). */
  public static Matcher decimal() {
    return Matcher.of("decimal");
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
    if (!rules.isEmpty()) {
      Map<String, Object> copies = new LinkedHashMap<>();
      rules.forEach((key, matcher) -> copies.put(key, new LinkedHashMap<>(matcher)));
      pact.put("rules", copies);
    }
    return Map.of("pact", pact);
  }
}
