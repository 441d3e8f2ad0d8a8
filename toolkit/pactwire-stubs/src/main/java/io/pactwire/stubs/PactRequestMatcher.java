package io.pactwire.stubs;

import au.com.dius.pact.core.model.Request;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import io.pactwire.core.internal.BoundedRegex;
import io.pactwire.stubs.internal.CompiledInteraction;
import io.pactwire.stubs.internal.PactRequests;
import io.pactwire.stubs.internal.ReceivedRequest;
import java.util.List;
import java.util.function.Predicate;

/**
 * The WireMock request matcher that judges a request by pact-jvm's own request matching against a
 * pact interaction, so a stub keeps every rule of the pact and gives the verdict a provider
 * verification would.
 *
 * <p>Stub mappings reference it by name ({@value #NAME}) in {@code customMatcher}; the interaction
 * travels in the mapping's parameters, so an exported mapping needs nothing but this class on the
 * WireMock's classpath ({@code --extensions io.pactwire.stubs.PactRequestMatcher} for the
 * standalone). A request that names a provider state in the {@value PactStubs#STATE_HEADER} header
 * matches only interactions of that state (with the header repeated, of all those states).
 *
 * @since 0.1.0
 */
public final class PactRequestMatcher extends RequestMatcherExtension {

  /** The name stub mappings reference this matcher by. */
  public static final String NAME = "pactwire-pact";

  static final String ID = "id";
  static final String PACT = "pact";
  static final String SOURCE = "source";
  static final String STATES = "states";

  private static final System.Logger LOG = System.getLogger(PactRequestMatcher.class.getName());

  // WireMock asks each candidate stub about the same request: key and convert it once per thread.
  private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[3]);

  /** Creates the matcher; WireMock's standalone creates it from the class name. */
  public PactRequestMatcher() {}

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public MatchResult match(
      com.github.tomakehurst.wiremock.http.Request request, Parameters parameters) {
    HttpHeader named = request.header(PactStubs.STATE_HEADER);
    if (named.isPresent() && !hasStates(parameters.get(STATES), named)) {
      return MatchResult.noMatch();
    }
    return MatchResult.of(matches(request, compiled(parameters)));
  }

  /**
   * What {@link #match} answers for a stub of these parameters, with the stub's interaction looked
   * up once, here, instead of on every request; null when they are not a pact stub's parameters,
   * which {@link #match} alone judges.
   */
  static Predicate<com.github.tomakehurst.wiremock.http.Request> direct(Parameters parameters) {
    CompiledInteraction interaction;
    try {
      interaction = compiled(parameters);
    } catch (RuntimeException e) {
      return null;
    }
    Object states = parameters.get(STATES);
    return request -> {
      HttpHeader named = request.header(PactStubs.STATE_HEADER);
      return (!named.isPresent() || hasStates(states, named)) && matches(request, interaction);
    };
  }

  private static boolean hasStates(Object states, HttpHeader named) {
    return states instanceof List<?> list && list.containsAll(named.values());
  }

  private static boolean matches(
      com.github.tomakehurst.wiremock.http.Request request, CompiledInteraction interaction) {
    try {
      return interaction.matches(key(request), () -> pactRequest(request));
    } catch (BoundedRegex.TooSlowException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "\""
              + interaction.description()
              + "\" ("
              + interaction.source()
              + ") did not judge "
              + request.getMethod()
              + " "
              + request.getUrl()
              + ": "
              + e.getMessage());
      return false;
    }
  }

  static CompiledInteraction compiled(Parameters parameters) {
    return CompiledInteraction.parse(
        parameters.getString(ID), parameters.getString(PACT), parameters.getString(SOURCE, ""));
  }

  static Request pactRequest(com.github.tomakehurst.wiremock.http.Request request) {
    Object[] last = seen(request);
    if (last[1] == null) {
      last[1] = PactRequests.of(request);
    }
    return (Request) last[1];
  }

  private static String key(com.github.tomakehurst.wiremock.http.Request request) {
    Object[] last = seen(request);
    if (last[2] == null) {
      String key = ReceivedRequest.key(request);
      // a request without a key is judged each time; the empty text stands for it here
      last[2] = key == null ? "" : key;
    }
    String key = (String) last[2];
    return key.isEmpty() ? null : key;
  }

  /** This thread's conversions of {@code request}: forgets those of an earlier request. */
  private static Object[] seen(com.github.tomakehurst.wiremock.http.Request request) {
    Object[] last = LAST.get();
    if (last[0] != request) {
      last[0] = request;
      last[1] = null;
      last[2] = null;
    }
    return last;
  }
}
