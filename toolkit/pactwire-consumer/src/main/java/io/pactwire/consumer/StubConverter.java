package io.pactwire.consumer;

import au.com.dius.pact.core.model.UnknownPactSource;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.pactwire.consumer.internal.CaptureSettings;
import io.pactwire.consumer.internal.ExactJson;
import io.pactwire.consumer.internal.InteractionBuilder;
import io.pactwire.consumer.internal.PactWriter;
import io.pactwire.consumer.internal.RecordedInteraction;
import io.pactwire.consumer.internal.StubFacts;
import io.pactwire.consumer.internal.StubSynthesis;
import io.pactwire.core.ContractId;
import io.pactwire.core.internal.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts WireMock stub mappings into Pact interactions without running a test: the example
 * request is synthesised from the stub's patterns, the response is the stub's own. Capture (see
 * {@link PactwireWireMockExtension}) is better where a test exists, because it records what the
 * consumer really sends.
 *
 * <pre>{@code
 * List<StubConversion> results = StubConverter.newInstance().convertFile(Path.of("mappings/product.json"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class StubConverter {

  private static final ObjectMapper JSON = ExactJson.MAPPER;

  private final CaptureSettings settings;

  private StubConverter(CaptureSettings settings) {
    this.settings = settings;
  }

  /** A converter that redacts only the default secret headers. */
  public static StubConverter newInstance() {
    return new StubConverter(CaptureSettings.of(List.of(), List.of()));
  }

  /** A converter that also redacts these headers and JSON paths. */
  public static StubConverter redacting(List<String> secretHeaders, List<String> secretPaths) {
    return new StubConverter(CaptureSettings.of(secretHeaders, secretPaths));
  }

  /**
   * Converts every mapping in a file: a single mapping or {@code {"mappings": [...]}}. A file that
   * holds no HTTP mapping gives one refusal naming the file.
   */
  public List<StubConversion> convertFile(Path file) {
    String source = file.toString();
    if (!file.getFileName().toString().endsWith(".json")) {
      return List.of(
          new StubConversion.Refused(
              source, "", "is not JSON: WireMock loads mappings from .json files only"));
    }
    JsonNode root;
    try {
      root = read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      return List.of(
          new StubConversion.Refused(
              source + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()),
              "",
              "is malformed JSON: " + JsonTrees.problem(e)));
    } catch (IOException e) {
      // the plain reason (no such file, is a directory, not UTF-8), not an exception's name
      return List.of(
          new StubConversion.Refused(
              source,
              "",
              io.pactwire.core.internal.InputFiles.problem(file)
                  .orElse("cannot be read: " + e.getMessage())));
    }
    if (root.has("messageMappings")) {
      return List.of(
          new StubConversion.Refused(
              source,
              "",
              "holds WebSocket message stubs (messageMappings), not HTTP interactions"));
    }
    List<StubConversion> results = new ArrayList<>();
    if (root.has("mappings")) {
      JsonNode mappings = root.get("mappings");
      if (!mappings.isArray()) {
        return List.of(
            new StubConversion.Refused(
                source + ":$.mappings", "", "is a list of mappings, not " + kind(mappings)));
      }
      for (int i = 0; i < mappings.size(); i++) {
        JsonNode mapping = mappings.get(i);
        results.add(
            unusable(mapping, source, "$.mappings[" + i + "]")
                .orElseGet(() -> convert(mapping, source)));
      }
    } else if (root.has("request") || root.has("response")) {
      results.add(unusable(root, source, "$").orElseGet(() -> convert(root, source)));
    } else {
      results.add(
          new StubConversion.Refused(
              source, "", "is not a WireMock mapping (no request, response or mappings)"));
    }
    return results;
  }

  // A repeated key is refused (the tree would keep only the last value, as WireMock does); a
  // nesting limit, which Jackson reports without a location, is placed where the parser was.
  private static JsonNode read(String text) throws IOException {
    try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(text)) {
      p.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      try {
        JsonNode tree = JSON.readTree(p);
        return tree == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : tree;
      } catch (JsonProcessingException e) {
        if (e.getLocation() == null) {
          throw new JsonParseException(p, e.getOriginalMessage(), p.currentLocation(), e);
        }
        throw e;
      }
    }
  }

  private static final List<String> URL_KEYS =
      List.of("url", "urlPath", "urlPattern", "urlPathPattern", "urlPathTemplate");
  private static final List<String> BODY_KEYS =
      List.of("body", "jsonBody", "base64Body", "bodyFileName");

  /**
   * A mapping of a shape WireMock cannot load (a request that is text, a method that is a number,
   * headers that are a list), that can never be answered (a status outside 100–599), or where
   * WireMock would silently use one of two values written (a url and a urlPath, a body and a
   * jsonBody): refused with the JSON path, not converted into a contract nobody meant.
   */
  private static Optional<StubConversion> unusable(JsonNode mapping, String source, String at) {
    if (!mapping.isObject()) {
      return refused(source, at, "a mapping is an object, not " + kind(mapping));
    }
    JsonNode request = mapping.get("request");
    JsonNode response = mapping.get("response");
    for (String part : List.of("request", "response")) {
      JsonNode value = mapping.get(part);
      if (value != null && !value.isObject()) {
        return refused(source, at + "." + part, "is an object, not " + kind(value));
      }
    }
    if (request != null) {
      JsonNode method = request.get("method");
      if (method != null && !method.isTextual()) {
        return refused(source, at + ".request.method", "is text such as GET, not " + kind(method));
      }
      for (String patterns : List.of("headers", "queryParameters", "cookies")) {
        JsonNode value = request.get(patterns);
        if (value != null && !value.isObject()) {
          return refused(
              source,
              at + ".request." + patterns,
              "is an object of names and patterns, not " + kind(value));
        }
      }
      List<String> urls = URL_KEYS.stream().filter(request::hasNonNull).toList();
      if (urls.size() > 1) {
        return refused(
            source,
            at + ".request",
            "has "
                + String.join(" and ", urls)
                + ": WireMock matches on one and ignores the"
                + " rest; keep the one meant");
      }
    }
    if (response != null) {
      JsonNode status = response.get("status");
      if (status != null) {
        // "200" is read by WireMock as 200, as here
        int code =
            status.isTextual() && status.asText().matches("\\d{3}")
                ? Integer.parseInt(status.asText())
                : status.isIntegralNumber() ? status.asInt() : -1;
        if (code < 100 || code > 599) {
          return refused(
              source,
              at + ".response.status",
              "is an HTTP status from 100 to 599, not " + kind(status));
        }
      }
      List<String> bodies = BODY_KEYS.stream().filter(response::hasNonNull).toList();
      if (bodies.size() > 1) {
        return refused(
            source,
            at + ".response",
            "has "
                + String.join(" and ", bodies)
                + ": WireMock answers with one and ignores"
                + " the rest; keep the one meant");
      }
    }
    return Optional.empty();
  }

  private static Optional<StubConversion> refused(String source, String path, String reason) {
    return Optional.of(new StubConversion.Refused(source + ":" + path, "", reason));
  }

  private static String kind(JsonNode value) {
    if (value.isTextual()) {
      return "text " + value;
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "an object";
    }
    return value.isNumber() ? "the number " + value : String.valueOf(value);
  }

  /** Converts a stub built with WireMock's Java DSL. */
  public StubConversion convert(StubMapping stub) {
    try {
      return convert(JSON.readTree(StubMapping.buildJsonStringFor(stub)), "stub " + stub.getId());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read stub " + stub.getId(), e);
    }
  }

  /** Converts one mapping given as JSON; {@code source} names it in refusals. */
  public StubConversion convert(JsonNode mapping, String source) {
    String label = StubFacts.label(mapping);
    List<String> features = StubFacts.uncontractable(mapping);
    if (!features.isEmpty()) {
      return new StubConversion.Refused(
          source,
          label,
          "uses " + String.join(", ", features) + ", which a contract cannot express");
    }
    Path dir = source.endsWith(".json") ? Path.of(source).getParent() : null;
    StubSynthesis.Result example = StubSynthesis.synthesise(mapping, dir);
    if (example instanceof StubSynthesis.Result.Impossible impossible) {
      return new StubConversion.Refused(source, label, impossible.reason());
    }
    var ok = (StubSynthesis.Result.Example) example;
    RecordedInteraction interaction =
        InteractionBuilder.build(mapping, ok.request(), ok.response(), settings, List.of(), null);
    return new StubConversion.Converted(source, pactJvmModel(interaction));
  }

  /** Merges converted interactions into a pact file (locked, atomic, sorted). */
  public static void write(
      ContractId contract, List<StubConversion.Converted> converted, Path file) {
    PactWriter.merge(
        file, contract, converted.stream().map(c -> PactWriter.recorded(c.interaction())).toList());
  }

  // The interaction as pact-jvm reads it from the pact, as a provider's verification will.
  private static V4Interaction.SynchronousHttp pactJvmModel(RecordedInteraction interaction) {
    JsonValue json = JsonParser.parseString(interaction.json().toString());
    return (V4Interaction.SynchronousHttp)
        V4Interaction.Companion.interactionFromJson(0, json, UnknownPactSource.INSTANCE).unwrap();
  }
}
