package io.pactwire.stubs.internal;

import au.com.dius.pact.core.matchers.generators.DefaultResponseGenerator;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.generators.GeneratorTestMode;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleGroup;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.PactReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Reads the HTTP interactions of pact files for stubs, refusing what a stub could not keep. */
public final class StubLoader {

  private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9/._~\\-]*");

  private StubLoader() {}

  /**
   * One HTTP interaction ready to stub.
   *
   * @param compiled the interaction, as the matcher judges it
   * @param request its example request as the stub's pact text renders it (the text is parsed back
   *     only when a request asks the stub)
   * @param pactFile where it was read
   * @param location its JSON path
   * @param consumer the pact's consumer
   * @param provider the pact's provider
   * @param response the response to serve: the example with generators applied
   * @param specificity see {@code StubbedInteraction}
   * @param pathRegex the path's regex rule, when it has exactly one
   * @param literalPath the path when no rule loosens it
   */
  public record Loaded(
      CompiledInteraction compiled,
      IRequest request,
      Path pactFile,
      String location,
      String consumer,
      String provider,
      IResponse response,
      int specificity,
      String pathRegex,
      String literalPath) {}

  /**
   * The pact files of {@code pacts}: the file itself, or the {@code *.json} files directly in the
   * folder, as {@code pactwire verify} reads a folder: never its subfolders, such as the store's
   * {@code results/}.
   */
  public static List<Path> files(Path pacts) {
    if (Files.isDirectory(pacts)) {
      try (Stream<Path> list = Files.list(pacts)) {
        return list.filter(p -> p.getFileName().toString().endsWith(".json"))
            .filter(Files::isRegularFile)
            .sorted()
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!Files.exists(pacts)) {
      throw new PactFileException(pacts, "", "no such file or folder", null);
    }
    return List.of(pacts);
  }

  /**
   * The HTTP interactions of one pact file, when its provider is {@code provider} (or any). The
   * file is read once, through core's checking reader: a file that is not a pact fails with the
   * file and the JSON path of its first problem.
   *
   * <p>The interactions are compiled in parallel (each one is rendered as a one-interaction pact,
   * the most of a stub's start-up); a file with several bad interactions still fails with its
   * first, in file order.
   */
  public static List<Loaded> load(Path file, String provider) {
    JsonNode tree = PactReader.read(file);
    if (provider != null && !provider.equals(tree.path("provider").path("name").asText(null))) {
      return List.of();
    }
    Pact pact = pact(file, tree);
    JsonNode entries = tree.path("interactions");
    List<Interaction> interactions = pact.getInteractions();
    List<Object> outcomes =
        IntStream.range(0, entries.size())
            .parallel()
            .mapToObj(
                i -> {
                  try {
                    return (Object) loadOne(file, pact, interactions, entries.get(i), i);
                  } catch (RuntimeException e) {
                    return e;
                  }
                })
            .toList();
    List<Loaded> loaded = new ArrayList<>();
    for (Object outcome : outcomes) {
      if (outcome instanceof RuntimeException e) {
        throw e;
      }
      if (outcome != null) {
        loaded.add((Loaded) outcome);
      }
    }
    return loaded;
  }

  /** The interaction at {@code i}, or null when it is not an HTTP interaction. */
  private static Loaded loadOne(
      Path file, Pact pact, List<Interaction> interactions, JsonNode entry, int i) {
    String type = entry.path("type").asText("Synchronous/HTTP");
    if (!type.equals("Synchronous/HTTP")) {
      return null;
    }
    String at = "$.interactions[" + i + "]";
    MatcherCheck.request(file, entry, at);
    Interaction interaction = find(interactions, i, entry.path("description").asText(""));
    if (interaction == null || !interaction.isSynchronousRequestResponse()) {
      throw new PactFileException(file, at, "pact-jvm did not read this HTTP interaction", null);
    }
    SynchronousRequestResponse http = interaction.asSynchronousRequestResponse();
    CompiledInteraction compiled =
        CompiledInteraction.of(pact, http, file.toAbsolutePath().normalize() + " at " + at);
    // the request as the stub's pact text renders it
    IRequest request = http.asV4Interaction().asSynchronousRequestResponse().getRequest();
    return new Loaded(
        compiled,
        request,
        file,
        at,
        pact.getConsumer().getName(),
        pact.getProvider().getName(),
        response(file, at, http),
        specificity(request),
        pathRegex(request),
        literalPath(request));
  }

  /**
   * pact-jvm's model of the pact, built from the tree already read: neither the file nor a text of
   * the tree is parsed again.
   */
  private static Pact pact(Path file, JsonNode tree) {
    try {
      return DefaultPactReader.INSTANCE.pactFromJson(
          (JsonValue.Object) PactJvmJson.of(tree), new FileSource(file.toFile()));
    } catch (Exception e) { // Kotlin code may throw checked exceptions Java does not declare
      throw new PactFileException(file, "", "not a pact pact-jvm can load: " + e.getMessage(), e);
    }
  }

  private static Interaction find(List<Interaction> interactions, int index, String description) {
    if (index < interactions.size()
        && description.equals(interactions.get(index).getDescription())) {
      return interactions.get(index);
    }
    return interactions.stream()
        .filter(i -> description.equals(i.getDescription()))
        .findFirst()
        .orElse(null);
  }

  /** The example response, with the generators pact-jvm applies for a consumer test. */
  private static IResponse response(Path file, String at, SynchronousRequestResponse http) {
    Map<String, Object> context = new HashMap<>();
    for (ProviderState state : http.getProviderStates()) {
      context.putAll(state.getParams());
    }
    try {
      return DefaultResponseGenerator.INSTANCE.generateResponse(
          http.getResponse(), context, GeneratorTestMode.Consumer, List.of(), Map.of());
    } catch (RuntimeException e) {
      throw new PactFileException(
          file,
          at + ".response.generators",
          "interaction \"" + http.getDescription() + "\": a generator failed: " + e.getMessage(),
          e);
    }
  }

  /**
   * Literal values count two each, rules that loosen a value count one against: an interaction that
   * fixes a header or a query parameter is more specific than one that leaves them open.
   */
  static int specificity(IRequest request) {
    int literal = 0;
    literal += request.getQuery().values().stream().mapToInt(List::size).sum();
    literal += request.getHeaders().size();
    OptionalBody body = request.getBody();
    if (body.isPresent()) {
      literal += leaves(body.valueAsString());
    }
    if (!hasRules(request, "path")) {
      literal += 1;
    }
    int loosened = 0;
    for (String category : List.of("path", "query", "header", "body")) {
      MatchingRuleCategory rules = request.getMatchingRules().rulesForCategory(category);
      loosened += rules.getMatchingRules().size();
    }
    return 2 * literal - loosened;
  }

  // A rough count of a body's values: commas and colons separate them in JSON, lines in text.
  private static int leaves(String text) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == ':') {
        count++;
      }
    }
    return count;
  }

  private static boolean hasRules(IRequest request, String category) {
    return !request.getMatchingRules().rulesForCategory(category).isEmpty();
  }

  static String pathRegex(IRequest request) {
    MatchingRuleCategory path = request.getMatchingRules().rulesForCategory("path");
    if (path.isEmpty() || path.getMatchingRules().size() != 1) {
      return null;
    }
    MatchingRuleGroup group = path.getMatchingRules().values().iterator().next();
    if (group.getRules().size() == 1 && group.getRules().get(0) instanceof RegexMatcher regex) {
      return regex.getRegex();
    }
    return null;
  }

  static String literalPath(IRequest request) {
    if (hasRules(request, "path")) {
      return null;
    }
    String path = request.getPath();
    return path != null && PLAIN_PATH.matcher(path).matches() ? path : null;
  }
}
