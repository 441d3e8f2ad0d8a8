package io.pactwire.stubs.internal;

import au.com.dius.pact.core.matchers.BodyItemMatchResult;
import au.com.dius.pact.core.matchers.BodyMatchResult;
import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.RequestMatchResult;
import au.com.dius.pact.core.matchers.RequestMatching;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.UnknownPactSource;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleGroup;
import au.com.dius.pact.core.model.matchingrules.MatchingRules;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import au.com.dius.pact.core.model.matchingrules.RuleLogic;
import au.com.dius.pact.core.support.json.JsonException;
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
import java.util.function.Supplier;

/**
 * One HTTP interaction as a stub judges it: a one-interaction V4 pact, kept as text in the stub's
 * parameters (so an exported mapping carries it) and parsed by pact-jvm at most once per JVM, when
 * first needed ({@link #prepare()}, or the first request that asks the stub): the stub's exported
 * mapping and the running stub judge by the same parsed text, and a server of many stubs answers
 * its first request without waiting for each of them to be parsed back.
 */
public final class CompiledInteraction {

  private static final Map<String, CompiledInteraction> CACHE = new ConcurrentHashMap<>();

  private final String id;
  private final String pactText;
  private final String source;
  private final String description;
  private final List<String> states;
  private volatile Parsed parsed;
  private volatile Verdict last;

  /** pact-jvm's model of the text: the pact and its one interaction. */
  private record Parsed(Pact pact, SynchronousRequestResponse interaction) {}

  /** The verdict on the request received as {@code request} (see {@link ReceivedRequest}). */
  private record Verdict(String request, boolean matched) {}

  private CompiledInteraction(
      String id, String pactText, String source, String description, List<String> states) {
    this.id = id;
    this.pactText = pactText;
    this.source = source;
    this.description = description;
    this.states = states;
  }

  /** Compiles an interaction of {@code pact}, read from {@code source}. */
  public static CompiledInteraction of(
      Pact pact, SynchronousRequestResponse interaction, String source) {
    V4Pact one =
        new V4Pact(
            pact.getConsumer(),
            pact.getProvider(),
            List.<Interaction>of(interaction.asV4Interaction()));
    String text = PactJson.render(one);
    // the description and the states' names are text, which the rendered pact holds as it is
    CompiledInteraction compiled =
        new CompiledInteraction(
            digest(text),
            text,
            source,
            interaction.getDescription(),
            interaction.getProviderStates().stream().map(ProviderState::getName).toList());
    CompiledInteraction known = CACHE.putIfAbsent(compiled.key(), compiled);
    return known == null ? compiled : known;
  }

  /** The interaction of a stub's parameters; its text is parsed at most once per JVM. */
  public static CompiledInteraction parse(String id, String pactText, String source) {
    CompiledInteraction known = CACHE.get(id + '\n' + source);
    if (known != null) {
      return known;
    }
    CompiledInteraction compiled = new CompiledInteraction(id, pactText, source, null, null);
    known = CACHE.putIfAbsent(compiled.key(), compiled);
    return known == null ? compiled : known;
  }

  private String key() {
    return id + '\n' + source;
  }

  /** A digest of {@link #pactText()}; with {@link #source()}, the key of the parsed pacts. */
  public String id() {
    return id;
  }

  /** The one-interaction V4 pact. */
  public String pactText() {
    return pactText;
  }

  /** Where the interaction was read: pact file and JSON path. */
  public String source() {
    return source;
  }

  /** The pact parsed back by pact-jvm. */
  public Pact pact() {
    return parsed().pact();
  }

  /** Its one interaction, as pact-jvm parsed it back. */
  public SynchronousRequestResponse interaction() {
    return parsed().interaction();
  }

  /**
   * Parses the text now, if no request has yet; a failure is left for the first request to meet.
   */
  public void prepare() {
    try {
      parsed();
    } catch (RuntimeException e) {
      // the request that asks this stub gets the same failure
    }
  }

  private Parsed parsed() {
    Parsed known = parsed;
    if (known == null) {
      synchronized (this) {
        known = parsed;
        if (known == null) {
          JsonValue json = JsonParser.parseString(pactText);
          Pact pact =
              DefaultPactReader.INSTANCE.pactFromJson(json.asObject(), UnknownPactSource.INSTANCE);
          known = new Parsed(pact, pact.getInteractions().get(0).asSynchronousRequestResponse());
          parsed = known;
        }
      }
    }
    return known;
  }

  /**
   * pact-jvm's verdict on {@code request}: its mismatches, none when it matches. Each regex rule is
   * first applied with a time bound ({@link BoundedRegex}), since pact-jvm applies it with none.
   *
   * @throws BoundedRegex.TooSlowException when a regex rule runs over its time bound
   */
  public RequestMatchResult judge(IRequest request) {
    MatchingRules rules = interaction().getRequest().getMatchingRules();
    BoundedRegex.checkPath(rules.rulesForCategory("path"), request.getPath());
    BoundedRegex.checkValues(
        rules.rulesForCategory("query"), request.getQuery(), false, "the query parameter");
    BoundedRegex.checkValues(
        rules.rulesForCategory("header"), request.getHeaders(), true, "the request header");
    BoundedRegex.checkBody(rules.rulesForCategory("body"), request.getBody(), "the request body");
    Parsed model = parsed();
    IRequest judged = cookiesByTheirRule(model.interaction().getRequest(), request);
    try {
      return RequestMatching.requestMismatches(model.pact(), model.interaction(), judged);
    } catch (JsonException e) {
      return bodyNotCompared(model, judged, "the body is not valid JSON: " + e.getMessage());
    } catch (RuntimeException e) {
      // pact-jvm's XML matcher throws where a value rule names an element rather than its text
      // ($.order.id, not $.order.id['#text']): no verdict of pact-jvm's, so no match, and the
      // near-miss report says why rather than the server answering 500
      return bodyNotCompared(
          model,
          judged,
          "pact-jvm's matching could not compare the body with the interaction's rules ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ")");
    }
  }

  /**
   * pact-jvm compares a request's cookies with the pact's as sets of {@code name=value}, and
   * applies no rule to them: a contract whose cookie is a placeholder with a rule ({@code Cookie:
   * <redacted>} with {@code regex .+}, as capture writes it) would match no real cookie. Where the
   * pact's rule for its Cookie header is made of regexes, the request's Cookie header is held to it
   * (whole, as pact-jvm holds a header to a regex), and a request it passes is judged with the
   * pact's cookie in place of its own. A rule of other matchers is left to pact-jvm.
   */
  static IRequest cookiesByTheirRule(IRequest expected, IRequest request) {
    String name = headerName(expected.getHeaders(), "Cookie");
    String sent = headerName(request.getHeaders(), "Cookie");
    if (name == null || sent == null) {
      return request;
    }
    MatchingRuleGroup group =
        expected
            .getMatchingRules()
            .rulesForCategory("header")
            .getMatchingRules()
            .entrySet()
            .stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    if (group == null
        || group.getRules().isEmpty()
        || !group.getRules().stream().allMatch(RegexMatcher.class::isInstance)) {
      return request;
    }
    String cookie = String.join("; ", request.getHeaders().get(sent));
    boolean and = group.getRuleLogic() == RuleLogic.AND;
    boolean passes = and;
    for (var rule : group.getRules()) {
      boolean matches =
          BoundedRegex.matches(((RegexMatcher) rule).getRegex(), cookie, "the Cookie header");
      passes = and ? passes && matches : passes || matches;
    }
    if (!passes) {
      return request;
    }
    IRequest judged = request.copy();
    judged.getHeaders().remove(sent);
    judged.getHeaders().put(name, List.copyOf(expected.getHeaders().get(name)));
    return judged;
  }

  private static String headerName(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getKey();
      }
    }
    return null;
  }

  // pact-jvm's body matcher throws on a body that is not JSON (a truncated one, say) where it
  // reports every other difference: the verdict on the rest of the request, judged with the
  // interaction's own body (or, when that throws too, with none: the body's verdict is replaced),
  // and a body mismatch that says so, for the near-miss report
  private static RequestMatchResult bodyNotCompared(Parsed model, IRequest request, String why) {
    OptionalBody expected = model.interaction().getRequest().getBody();
    IRequest withExpectedBody = request.copy();
    withExpectedBody.setBody(expected);
    RequestMatchResult rest;
    try {
      rest = RequestMatching.requestMismatches(model.pact(), model.interaction(), withExpectedBody);
    } catch (RuntimeException e) {
      withExpectedBody.setBody(OptionalBody.missing());
      rest = RequestMatching.requestMismatches(model.pact(), model.interaction(), withExpectedBody);
    }
    BodyMismatch mismatch =
        new BodyMismatch(
            expected.valueAsString(), request.getBody().valueAsString(), why, "$", null);
    return new RequestMatchResult(
        rest.getMethod(),
        rest.getPath(),
        rest.getQuery(),
        rest.getCookie(),
        rest.getHeaders(),
        new BodyMatchResult(null, List.of(new BodyItemMatchResult("$", List.of(mismatch)))));
  }

  /**
   * Whether the request received as {@code received} (a {@link ReceivedRequest} key, or null when
   * it has none) matches: {@link #judge} on the request {@code request} gives, unless the last
   * request judged was received as the same key, whose verdict stands. A test suite sends the same
   * request again and again; pact-jvm's verdict depends on nothing but the request, and the key
   * holds every part of it, so the verdict is the same without judging again. One verdict is kept
   * per interaction, so its memory grows with the pact, not with the requests.
   *
   * @throws BoundedRegex.TooSlowException as {@link #judge} does (a verdict not kept)
   */
  public boolean matches(String received, Supplier<? extends IRequest> request) {
    Verdict known = last;
    if (received != null && known != null && known.request().equals(received)) {
      return known.matched();
    }
    boolean matched = judge(request.get()).matchedOk();
    if (received != null) {
      last = new Verdict(received, matched);
    }
    return matched;
  }

  /** The interaction's description. */
  public String description() {
    return description != null ? description : interaction().getDescription();
  }

  /** The names of its provider states, in the pact's order. */
  public List<String> states() {
    return states != null
        ? states
        : interaction().getProviderStates().stream().map(ProviderState::getName).toList();
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
