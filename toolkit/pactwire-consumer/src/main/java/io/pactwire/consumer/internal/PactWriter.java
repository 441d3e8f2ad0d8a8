package io.pactwire.consumer.internal;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.UnknownPactSource;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.ContractId;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.AtomicFiles;
import io.pactwire.core.internal.InputFiles;
import io.pactwire.core.internal.JsonText;
import io.pactwire.core.internal.PactJson;
import io.pactwire.core.internal.PactReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Merges interactions into a pact file under its lock: an identical interaction is a no-op, a new
 * one is added, one recorded again by the same test replaces its earlier version, and one that
 * another test recorded differently is a conflict. Interactions are sorted by description and
 * provider states, so the file does not depend on test order. A merge may also prune ({@link
 * Pruning}): interactions of tests that are gone, and those a class that ran completely no longer
 * records.
 */
public final class PactWriter {

  // Numbers as written, so that a conflict shows the file's 24.90 as 24.90.
  private static final ObjectMapper JSON = ExactJson.MAPPER;

  // Content is the same when numbers are equal in value: 24.9 and 24.90 are one example, as they
  // are one JSON number. An integer and a decimal (12 and 12.0) still differ.
  private static final Comparator<JsonNode> SAME_VALUE =
      (a, b) -> {
        if (a.equals(b)) {
          return 0;
        }
        if (a.isNumber() && b.isNumber() && a.isIntegralNumber() == b.isIntegralNumber()) {
          return a.isIntegralNumber()
              ? a.bigIntegerValue().compareTo(b.bigIntegerValue())
              : a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
      };

  private PactWriter() {}

  /**
   * Merges {@code interactions} into {@code file}.
   *
   * @throws InteractionConflict naming both tests, when another test recorded the same description
   *     and states with different content; the file is left unchanged
   */
  public static void merge(Path file, ContractId contract, List<RecordedInteraction> interactions) {
    merge(file, contract, interactions, Pruning.NONE);
  }

  /**
   * Merges {@code interactions} into {@code file}, first removing what {@code pruning} finds stale.
   * Nothing is written when the file does not exist and there is nothing to add.
   *
   * @throws InteractionConflict naming both tests, when another test recorded the same description
   *     and states with different content; the file is left unchanged
   */
  public static void merge(
      Path file, ContractId contract, List<RecordedInteraction> interactions, Pruning pruning) {
    if (Files.isSymbolicLink(file) && !Files.exists(file)) {
      throw new PactFileException(file, "", "is a symbolic link that leads nowhere", null);
    }
    if (Files.isDirectory(file)) {
      throw new PactFileException(file, "", "is a directory", null);
    }
    try {
      update(file, contract, interactions, pruning);
    } catch (UncheckedIOException e) {
      throw new PactFileException(
          file,
          "",
          InputFiles.problem(file).orElse("cannot merge into it: " + e.getCause().getMessage()),
          e);
    }
  }

  /**
   * Reads {@code file}, if there is one, as {@link #merge} reads it before merging: a pact that a
   * merge would refuse is refused now, before work is done that could not be kept (a recording).
   *
   * @throws PactFileException naming the file and, where there is one, the location
   */
  public static void check(Path file) {
    if (Files.isSymbolicLink(file) && !Files.exists(file)) {
      throw new PactFileException(file, "", "is a symbolic link that leads nowhere", null);
    }
    if (Files.isDirectory(file)) {
      throw new PactFileException(file, "", "is a directory", null);
    }
    if (!Files.exists(file)) {
      return;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PactFileException(
          file, "", InputFiles.problem(file).orElse("cannot read it: " + e.getMessage()), e);
    }
    if (KnownPactFiles.get(file, text).isEmpty()) {
      read(file, text);
    }
  }

  private static void update(
      Path file, ContractId contract, List<RecordedInteraction> interactions, Pruning pruning) {
    AtomicFiles.update(
        file,
        current -> {
          Map<String, RecordedInteraction> merged = new TreeMap<>();
          Map<String, JsonNode> contents = new HashMap<>();
          if (current.isPresent()) {
            KnownPactFiles.Known known =
                KnownPactFiles.get(file, current.get()).orElseGet(() -> read(file, current.get()));
            known.interactions().forEach(interaction -> merged.put(interaction.key(), interaction));
            contents.putAll(known.contents());
          } else if (interactions.isEmpty()) {
            return current;
          }
          boolean pruned = prune(merged, pruning);
          if (!mergeInto(merged, interactions, () -> file, contents)
              && !pruned
              && current.isPresent()) {
            KnownPactFiles.put(
                file,
                new KnownPactFiles.Known(current.get(), List.copyOf(merged.values()), contents));
            return current;
          }
          List<String> texts = new ArrayList<>();
          merged.values().forEach(interaction -> texts.add(interaction.text()));
          String text = PactJson.render(contract, texts);
          // What is written for each interaction is now its content.
          KnownPactFiles.put(
              file, new KnownPactFiles.Known(text, List.copyOf(merged.values()), Map.of()));
          return Optional.of(text);
        });
  }

  /**
   * Merges {@code incoming} into {@code target} (keyed by {@link #key}) by the rules of {@link
   * #merge}; {@code file} only names the pact in a conflict.
   *
   * @return whether anything was added or replaced
   * @throws InteractionConflict when another test recorded a key with different content
   */
  public static boolean mergeInto(
      Map<String, RecordedInteraction> target, List<RecordedInteraction> incoming, Path file) {
    return mergeInto(target, incoming, () -> file, new HashMap<>());
  }

  /**
   * As {@link #mergeInto(Map, List, Path)}, locating the file only to name it in a conflict.
   *
   * @throws InteractionConflict when another test recorded a key with different content
   */
  public static boolean mergeInto(
      Map<String, RecordedInteraction> target,
      List<RecordedInteraction> incoming,
      Supplier<Path> file) {
    return mergeInto(target, incoming, file, new HashMap<>());
  }

  private static boolean mergeInto(
      Map<String, RecordedInteraction> target,
      List<RecordedInteraction> incoming,
      Supplier<Path> file,
      Map<String, JsonNode> contents) {
    boolean changed = false;
    for (RecordedInteraction interaction : incoming) {
      String key = interaction.key();
      RecordedInteraction old = target.get(key);
      if (old != null) {
        JsonNode oldContent = contents.computeIfAbsent(key, k -> content(old));
        JsonNode newContent = content(interaction);
        if (oldContent.equals(SAME_VALUE, newContent)) {
          continue;
        }
        String oldTest = old.testName();
        String newTest = interaction.testName();
        if (oldTest.isEmpty() || !oldTest.equals(newTest)) {
          throw conflict(file.get(), oldContent, interaction, newContent, oldTest, newTest);
        }
        contents.put(key, newContent);
      }
      target.put(key, interaction);
      changed = true;
    }
    return changed;
  }

  /**
   * What a merge removes before it adds.
   *
   * @param isGone whether the test a {@code comments.testname} names no longer exists (see {@link
   *     TestClasses#isGone}); its interactions are removed
   * @param completedClass a test class every test of which ran and passed in this JVM, or null: of
   *     the interactions attributed to it, those none of its tests recorded in this run are
   *     removed, or, when a test of another class recorded the same one in this JVM, attributed to
   *     that test
   * @param recorders by key, the tests that recorded each interaction of this file in this JVM (a
   *     class's own from its latest run only)
   */
  public record Pruning(
      Predicate<String> isGone, String completedClass, Map<String, Set<String>> recorders) {

    /** Removes nothing. */
    public static final Pruning NONE = new Pruning(testName -> false, null, Map.of());

    /** Removes the interactions of tests that are gone. */
    public static Pruning goneTests(Predicate<String> isGone) {
      return new Pruning(isGone, null, Map.of());
    }
  }

  // Interactions without a test name are never pruned: an older version or a person wrote them.
  private static boolean prune(Map<String, RecordedInteraction> merged, Pruning pruning) {
    boolean changed = false;
    Map<String, Boolean> gone = new HashMap<>();
    for (var it = merged.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      RecordedInteraction interaction = entry.getValue();
      String testName = interaction.testName();
      if (testName.isEmpty()) {
        continue;
      }
      if (gone.computeIfAbsent(testName, pruning.isGone()::test)) {
        it.remove();
        changed = true;
        continue;
      }
      if (pruning.completedClass() == null
          || !TestClasses.className(testName).equals(pruning.completedClass())) {
        continue;
      }
      Set<String> recorders = pruning.recorders().getOrDefault(entry.getKey(), Set.of());
      if (recorders.stream()
          .anyMatch(t -> TestClasses.className(t).equals(pruning.completedClass()))) {
        continue;
      }
      Optional<String> other = recorders.stream().sorted().findFirst();
      if (other.isPresent()) {
        ObjectNode json = interaction.json().deepCopy();
        json.withObject("/comments").put("testname", other.get());
        entry.setValue(
            RecordedInteraction.of(interaction.description(), interaction.providerStates(), json));
      } else {
        it.remove();
      }
      changed = true;
    }
    return changed;
  }

  // The file's interactions, keyed, and what each is compared by.
  private static KnownPactFiles.Known read(Path file, String text) {
    // a file that is not a pact is refused as every reader refuses it, before anything is merged
    PactReader.check(file, text);
    return readWritten(text).orElseGet(() -> readWithPactJvm(file, text));
  }

  /**
   * A pact as Pactwire writes it, read without pact-jvm: V4, HTTP interactions only, and its text
   * the print of its tree. pact-jvm's model costs a JVM's first merge into a committed pact over
   * half a second; a pact's own JSON, printed as written, is what pact-jvm would make of it.
   * Anything else is empty, for {@link #readWithPactJvm}.
   */
  static Optional<KnownPactFiles.Known> readWritten(String text) {
    JsonNode pact;
    try {
      pact = ExactJson.readSorted(text);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (pact == null
        || !pact.path("metadata").path("pactSpecification").path("version").asText().equals("4.0")
        || !pact.path("interactions").isArray()) {
      return Optional.empty();
    }
    List<RecordedInteraction> interactions = new ArrayList<>();
    Map<String, JsonNode> contents = new HashMap<>();
    for (JsonNode interaction : pact.get("interactions")) {
      if (!interaction.path("description").isTextual()
          || !interaction.path("type").asText().equals(InteractionBuilder.SYNCHRONOUS_HTTP)) {
        return Optional.empty();
      }
      List<ProviderState> states = new ArrayList<>();
      for (JsonNode state : interaction.path("providerStates")) {
        if (!state.path("name").isTextual()) {
          return Optional.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        state
            .path("params")
            .properties()
            .forEach(p -> params.put(p.getKey(), StubFacts.plain(p.getValue())));
        states.add(new ProviderState(state.get("name").asText(), params));
      }
      RecordedInteraction recorded =
          RecordedInteraction.of(
              interaction.get("description").asText(), states, (ObjectNode) interaction);
      interactions.add(recorded);
      contents.put(recorded.key(), stripped(interaction.deepCopy()));
    }
    if (!JsonText.render(pact).equals(text)) {
      return Optional.empty();
    }
    return Optional.of(new KnownPactFiles.Known(text, interactions, contents));
  }

  // The file's interactions as pact-jvm reads them, and writes them again; the file's own JSON is
  // each one's content, which needs no serialising.
  static KnownPactFiles.Known readWithPactJvm(Path file, String text) {
    List<RecordedInteraction> interactions;
    try {
      JsonValue json = JsonParser.parseString(text);
      Pact pact =
          DefaultPactReader.INSTANCE.pactFromJson(json.asObject(), UnknownPactSource.INSTANCE);
      interactions = pact.getInteractions().stream().map(PactWriter::recorded).toList();
    } catch (RuntimeException e) {
      throw new PactFileException(file, "", "cannot merge into it: " + e.getMessage(), e);
    }
    JsonNode json;
    try {
      json = JSON.readTree(text).path("interactions");
    } catch (JsonProcessingException e) {
      throw new PactFileException(file, "", "cannot merge into it: " + e.getOriginalMessage(), e);
    }
    Map<String, JsonNode> contents = new HashMap<>();
    if (json.size() == interactions.size()) {
      for (int i = 0; i < interactions.size(); i++) {
        contents.put(interactions.get(i).key(), stripped(json.get(i).deepCopy()));
      }
    }
    return new KnownPactFiles.Known(text, interactions, contents);
  }

  /** An interaction of pact-jvm's model, as capture keeps it. */
  public static RecordedInteraction recorded(Interaction interaction) {
    return RecordedInteraction.of(
        interaction.getDescription(), interaction.getProviderStates(), PactJson.tree(interaction));
  }

  /** The key of an interaction with this description and these provider states. */
  public static String key(String description, List<ProviderState> states) {
    StringBuilder key = new StringBuilder(description);
    for (ProviderState state : states) {
      key.append('\u0000').append(state.getName()).append(byValue(state.getParams()));
    }
    return key.toString();
  }

  // Parameters by value: 24.9 and 24.90 are one number, so a state recorded before decimals kept
  // their scale is the same state.
  private static Object byValue(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), byValue(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(PactWriter::byValue).toList();
    }
    return value;
  }

  /** The interaction as sorted JSON, without the comments that name its test. */
  static JsonNode content(RecordedInteraction interaction) {
    return stripped(interaction.json().deepCopy());
  }

  private static JsonNode stripped(JsonNode interaction) {
    ((ObjectNode) interaction).remove(List.of("comments", "key"));
    return interaction;
  }

  private static InteractionConflict conflict(
      Path file,
      JsonNode oldContent,
      RecordedInteraction incoming,
      JsonNode newContent,
      String oldTest,
      String newTest) {
    String message =
        "conflicting interaction "
            + incoming.describe()
            + " in "
            + file
            + ": recorded by "
            + (oldTest.isEmpty() ? "an earlier run (no test name)" : oldTest)
            + " and, with different content, by "
            + (newTest.isEmpty() ? "this test" : newTest)
            + "; give one of them another description or provider state, or make them agree";
    return new InteractionConflict(
        message, JsonText.render(oldContent), JsonText.render(newContent));
  }
}
