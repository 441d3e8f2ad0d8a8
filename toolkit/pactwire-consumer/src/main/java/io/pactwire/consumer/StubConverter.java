package io.pactwire.consumer;

import au.com.dius.pact.core.model.UnknownPactSource;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      return List.of(
          new StubConversion.Refused(
              source + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()),
              "",
              "is malformed JSON: " + e.getOriginalMessage()));
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
      for (JsonNode mapping : root.get("mappings")) {
        results.add(convert(mapping, source));
      }
    } else if (root.has("request") || root.has("response")) {
      results.add(convert(root, source));
    } else {
      results.add(
          new StubConversion.Refused(
              source, "", "is not a WireMock mapping (no request, response or mappings)"));
    }
    return results;
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
