package io.pactwire.verifier.internal;

import au.com.dius.pact.core.matchers.BodyItemMatchResult;
import au.com.dius.pact.core.matchers.BodyMatchResult;
import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.HeaderMatchResult;
import au.com.dius.pact.core.matchers.HeaderMismatch;
import au.com.dius.pact.core.matchers.Matching;
import au.com.dius.pact.core.matchers.MatchingContext;
import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.StatusMismatch;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.matchingrules.MatchingRules;
import io.pactwire.core.internal.JsonDepth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a provider's response as pact-jvm's JUnit 5 runner does.
 *
 * <p>The runner (pact-jvm 4.7.5, {@code PactVerificationContext}) generates the expected response,
 * then compares through {@code ResponseComparison.compareResponse(expected, actual, plugins)}:
 * body, status and headers each with their category of matching rules and unexpected keys allowed,
 * headers with numbers coerced; it keeps the first status mismatch, the header mismatches of the
 * headers the contract names, and either the body's type mismatch or all its body mismatches
 * (grouped by path). This does the same with the same calls, in the same order.
 */
final class ResponseCheck {

  /**
   * No plugin configuration, typed raw: pact-jvm's plugin driver, which names the map's value type,
   * is only on the runtime class path.
   */
  @SuppressWarnings("rawtypes")
  private static final Map NO_PLUGINS = Map.of();

  private ResponseCheck() {}

  @SuppressWarnings("unchecked")
  static List<Mismatch> mismatches(IResponse expected, Response actual) {
    if (actual.getBody().isPresent() && JsonDepth.tooDeep(actual.getBody().getValue())) {
      // pact-jvm would overflow its stack on it, and the run would end with no report at all
      return List.of(
          new BodyMismatch(
              null, null, JsonDepth.tooDeepWords("the provider's response body"), "$", null));
    }
    MatchingRules rules = expected.getMatchingRules();
    MatchingContext status =
        new MatchingContext(rules.rulesForCategory("status"), true, NO_PLUGINS, false);
    MatchingContext body =
        new MatchingContext(rules.rulesForCategory("body"), true, NO_PLUGINS, false);
    MatchingContext header =
        new MatchingContext(rules.rulesForCategory("header"), true, NO_PLUGINS, true);

    BodyMatchResult bodyResult =
        Matching.INSTANCE.matchBody(expected.asHttpPart(), actual.asHttpPart(), body);
    List<Mismatch> found = new ArrayList<>();
    StatusMismatch statusMismatch =
        Matching.INSTANCE.matchStatus(expected.getStatus(), actual.getStatus(), status);
    if (statusMismatch != null) {
      found.add(statusMismatch);
    }

    Map<String, List<HeaderMismatch>> byHeader = new LinkedHashMap<>();
    for (HeaderMatchResult result :
        Matching.matchHeaders(expected.asHttpPart(), actual.asHttpPart(), header)) {
      for (HeaderMismatch m : result.getResult()) {
        byHeader.computeIfAbsent(m.getHeaderKey(), k -> new ArrayList<>()).add(m);
      }
    }
    if (!byHeader.isEmpty()) {
      for (String key : expected.getHeaders().keySet()) {
        found.addAll(byHeader.getOrDefault(key, List.of()));
      }
    }

    if (bodyResult.getTypeMismatch() != null) {
      found.add(bodyResult.getTypeMismatch());
    } else {
      Map<String, List<BodyMismatch>> byPath = new LinkedHashMap<>();
      for (BodyItemMatchResult item : bodyResult.getBodyResults()) {
        for (BodyMismatch m : item.getResult()) {
          byPath.computeIfAbsent(m.getPath(), k -> new ArrayList<>()).add(m);
        }
      }
      byPath.values().forEach(found::addAll);
    }
    return found;
  }
}
