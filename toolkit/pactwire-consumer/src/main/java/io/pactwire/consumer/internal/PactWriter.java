package io.pactwire.consumer.internal;

import au.com.dius.pact.core.model.Consumer;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.Provider;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.UnknownPactSource;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.support.Json;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.ContractId;
import io.pactwire.core.PactFileException;
import io.pactwire.core.PactFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Merges interactions into a pact file under its lock: an identical interaction is a no-op, a new
 * one is added, one recorded again by the same test replaces its earlier version, and one that
 * another test recorded differently is a conflict. Interactions are sorted by description and
 * provider states, so the file does not depend on test order.
 */
public final class PactWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PactWriter() {}

  /**
   * Merges {@code interactions} into {@code file}.
   *
   * @throws InteractionConflict naming both tests, when another test recorded the same description
   *     and states with different content; the file is left unchanged
   */
  public static void merge(
      Path file, ContractId contract, List<? extends Interaction> interactions) {
    PactFiles.update(
        file,
        current -> {
          Map<String, Interaction> merged = new TreeMap<>();
          current.ifPresent(text -> existing(file, text).forEach(i -> merged.put(key(i), i)));
          mergeInto(merged, interactions, file);
          V4Pact pact =
              new V4Pact(
                  new Consumer(contract.consumer()),
                  new Provider(contract.provider()),
                  new ArrayList<>(merged.values()));
          return Optional.of(PactFiles.render(pact));
        });
  }

  /**
   * Merges {@code incoming} into {@code target} (keyed by {@link #key}) by the rules of {@link
   * #merge}; {@code file} only names the pact in a conflict.
   *
   * @throws InteractionConflict when another test recorded a key with different content
   */
  public static void mergeInto(
      Map<String, Interaction> target, List<? extends Interaction> incoming, Path file) {
    for (Interaction interaction : incoming) {
      String key = key(interaction);
      Interaction old = target.get(key);
      if (old == null) {
        target.put(key, interaction);
        continue;
      }
      if (sameContent(old, interaction)) {
        continue;
      }
      String oldTest = testName(old);
      String newTest = testName(interaction);
      if (oldTest.isEmpty() || !oldTest.equals(newTest)) {
        throw conflict(file, old, interaction, oldTest, newTest);
      }
      target.put(key, interaction);
    }
  }

  private static List<Interaction> existing(Path file, String text) {
    try {
      JsonValue json = JsonParser.parseString(text);
      Pact pact =
          DefaultPactReader.INSTANCE.pactFromJson(json.asObject(), UnknownPactSource.INSTANCE);
      return pact.getInteractions();
    } catch (RuntimeException e) {
      throw new PactFileException(file, "", "cannot merge into it: " + e.getMessage(), e);
    }
  }

  /** Description and provider states: what identifies an interaction in a pact. */
  public static String key(Interaction interaction) {
    return key(interaction.getDescription(), interaction.getProviderStates());
  }

  /** The key of an interaction with this description and these provider states. */
  public static String key(String description, List<ProviderState> states) {
    StringBuilder key = new StringBuilder(description);
    for (ProviderState state : states) {
      key.append('\u0000').append(state.getName()).append(new TreeMap<>(state.getParams()));
    }
    return key.toString();
  }

  /** Names the interaction in messages: {@code 'a request' given 'a product exists'}. */
  public static String describe(Interaction interaction) {
    StringBuilder text = new StringBuilder("'" + interaction.getDescription() + "'");
    List<ProviderState> states = interaction.getProviderStates();
    if (states.isEmpty()) {
      text.append(" (no provider state)");
    }
    for (int i = 0; i < states.size(); i++) {
      text.append(i == 0 ? " given '" : " and '").append(states.get(i).getName()).append("'");
      if (!states.get(i).getParams().isEmpty()) {
        text.append(" ").append(new TreeMap<>(states.get(i).getParams()));
      }
    }
    return text.toString();
  }

  static String testName(Interaction interaction) {
    JsonValue name = interaction.getComments().get("testname");
    return name == null ? "" : name.asString();
  }

  /** True when two interactions differ in nothing but the comments that name their tests. */
  static boolean sameContent(Interaction a, Interaction b) {
    // Comparing pact-jvm's own serialisation first is several times cheaper than building trees;
    // only a difference (which may be mere key order) needs the order-insensitive comparison.
    return fingerprint(a).equals(fingerprint(b)) || content(a).equals(content(b));
  }

  private static String fingerprint(Interaction interaction) {
    Map<String, Object> map = new java.util.HashMap<>(interaction.toMap(PactSpecVersion.V4));
    map.remove("comments");
    map.remove("key");
    return Json.toJson(new TreeMap<>(map)).serialise();
  }

  /** The interaction as sorted JSON, without the comments that name its test. */
  static JsonNode content(Interaction interaction) {
    JsonNode tree = tree(interaction);
    ((ObjectNode) tree).remove(List.of("comments", "key"));
    return tree;
  }

  private static JsonNode tree(Interaction interaction) {
    try {
      return JSON.readTree(Json.toJson(interaction.toMap(PactSpecVersion.V4)).serialise());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InteractionConflict conflict(
      Path file, Interaction old, Interaction incoming, String oldTest, String newTest) {
    String message =
        "conflicting interaction "
            + describe(incoming)
            + " in "
            + file
            + ": recorded by "
            + (oldTest.isEmpty() ? "an earlier run (no test name)" : oldTest)
            + " and, with different content, by "
            + (newTest.isEmpty() ? "this test" : newTest)
            + "; give one of them another description or provider state, or make them agree";
    return new InteractionConflict(
        message, PactFiles.render(content(old)), PactFiles.render(content(incoming)));
  }
}
