package io.pactwire.stubs.internal;

import au.com.dius.pact.core.matchers.RequestMatchResult;
import au.com.dius.pact.core.matchers.RequestMatching;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.UnknownPactSource;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.matchingrules.MatchingRules;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import io.pactwire.core.internal.BoundedRegex;
import io.pactwire.core.internal.PactJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP interaction as a stub judges it: a one-interaction V4 pact, kept as text in the stub's
 * parameters (so an exported mapping carries it) and parsed once per JVM.
 *
 * @param id a digest of {@code pactText}; with {@code source}, the key of the parsed pacts
 * @param pactText the one-interaction V4 pact
 * @param pact the pact parsed back by pact-jvm
 * @param interaction its one interaction
 * @param source where the interaction was read: pact file and JSON path
 */
public record CompiledInteraction(
    String id, String pactText, Pact pact, SynchronousRequestResponse interaction, String source) {

  private static final Map<String, CompiledInteraction> CACHE = new ConcurrentHashMap<>();

  /** Compiles an interaction of {@code pact}, read from {@code source}. */
  public static CompiledInteraction of(
      Pact pact, SynchronousRequestResponse interaction, String source) {
    V4Pact one =
        new V4Pact(
            pact.getConsumer(),
            pact.getProvider(),
            List.<Interaction>of(interaction.asV4Interaction()));
    String text = PactJson.render(one);
    return parse(digest(text), text, source);
  }

  /** The interaction of a stub's parameters, parsed at most once per JVM. */
  public static CompiledInteraction parse(String id, String pactText, String source) {
    String key = id + '\n' + source;
    CompiledInteraction known = CACHE.get(key);
    if (known != null) {
      return known;
    }
    JsonValue json = JsonParser.parseString(pactText);
    Pact parsed =
        DefaultPactReader.INSTANCE.pactFromJson(json.asObject(), UnknownPactSource.INSTANCE);
    SynchronousRequestResponse only =
        parsed.getInteractions().get(0).asSynchronousRequestResponse();
    CompiledInteraction compiled = new CompiledInteraction(id, pactText, parsed, only, source);
    CACHE.putIfAbsent(key, compiled);
    return compiled;
  }

  /**
   * pact-jvm's verdict on {@code request}: its mismatches, none when it matches. Each regex rule is
   * first applied with a time bound ({@link BoundedRegex}), since pact-jvm applies it with none.
   *
   * @throws BoundedRegex.TooSlowException when a regex rule runs over its time bound
   */
  public RequestMatchResult judge(IRequest request) {
    MatchingRules rules = interaction.getRequest().getMatchingRules();
    BoundedRegex.checkPath(rules.rulesForCategory("path"), request.getPath());
    BoundedRegex.checkValues(
        rules.rulesForCategory("query"), request.getQuery(), false, "the query parameter");
    BoundedRegex.checkValues(
        rules.rulesForCategory("header"), request.getHeaders(), true, "the request header");
    BoundedRegex.checkBody(rules.rulesForCategory("body"), request.getBody(), "the request body");
    return RequestMatching.requestMismatches(pact, interaction, request);
  }

  /** The interaction's description. */
  public String description() {
    return interaction.getDescription();
  }

  /** The names of its provider states, in the pact's order. */
  public List<String> states() {
    return interaction.getProviderStates().stream().map(ProviderState::getName).toList();
  }

  static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
