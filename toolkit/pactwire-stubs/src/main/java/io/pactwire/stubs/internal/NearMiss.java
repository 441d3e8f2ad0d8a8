package io.pactwire.stubs.internal;

import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.BodyTypeMismatch;
import au.com.dius.pact.core.matchers.HeaderMismatch;
import au.com.dius.pact.core.matchers.MethodMismatch;
import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.PathMismatch;
import au.com.dius.pact.core.matchers.QueryMismatch;
import au.com.dius.pact.core.matchers.RequestMatchResult;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.Request;
import io.pactwire.core.internal.BoundedRegex;
import io.pactwire.core.internal.Secrets;
import io.pactwire.core.internal.report.Mismatches;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The report for a request no stub answered: the closest interaction by pact-jvm's verdict, and
 * what differed, path by path, in two columns (contract beside request) like WireMock's own
 * not-found report.
 */
public final class NearMiss {

  private static final int COLUMN = 54;
  private static final String RULE = "-".repeat(COLUMN);

  private NearMiss() {}

  /**
   * The report for {@code received}, judged against {@code candidates} (most specific first);
   * {@code states} are the provider states the request named in the state header.
   */
  public static String report(
      List<CompiledInteraction> candidates, Request received, List<String> states) {
    // the request's credentials are shown nowhere: not in a row, not in pact-jvm's notes
    Set<String> secrets = Secrets.carriedBy(received.getHeaders(), received.getQuery());
    for (CompiledInteraction candidate : candidates) {
      IRequest expected = candidate.interaction().getRequest();
      secrets.addAll(Secrets.carriedBy(expected.getHeaders(), expected.getQuery()));
    }
    return Secrets.scrub(render(candidates, received, states), secrets);
  }

  private static String render(
      List<CompiledInteraction> candidates, Request received, List<String> states) {
    StringBuilder out = new StringBuilder();
    String title = "Request was not matched by any pact interaction";
    out.append(title).append('\n').append("=".repeat(title.length())).append("\n\n");
    String asked = received.getMethod() + " " + received.getPath() + query(received);
    if (candidates.isEmpty()) {
      return out.append("No pact interaction is served; the request was ")
          .append(asked)
          .append('\n')
          .toString();
    }
    CompiledInteraction closest = null;
    RequestMatchResult best = null;
    List<String> stopped = new ArrayList<>();
    for (CompiledInteraction candidate : candidates) {
      RequestMatchResult result;
      try {
        result = candidate.judge(received);
      } catch (BoundedRegex.TooSlowException e) {
        stopped.add(
            "\"" + candidate.description() + "\" (" + candidate.source() + "): " + e.getMessage());
        continue;
      }
      if (best == null || closer(result, best)) {
        closest = candidate;
        best = result;
      }
    }
    if (closest == null) {
      out.append("No pact interaction could judge ").append(asked).append(":\n");
      stopped.forEach(line -> out.append("  ").append(line).append('\n'));
      return out.toString();
    }
    out.append("Closest interaction: \"").append(closest.description()).append("\"\n");
    if (!closest.states().isEmpty()) {
      out.append("Provider state:      ").append(String.join(", ", closest.states())).append('\n');
    }
    out.append("Pact:                ").append(closest.source()).append("\n\n");
    IRequest expected = closest.interaction().getRequest();
    row(out, "Pact (expected)", "Request (actual)", null);
    out.append(RULE).append("-|-").append(RULE).append('\n');
    String stateProblem = null;
    if (!closest.states().containsAll(states)) {
      stateProblem = "provider state: the request asks for " + states;
    }
    if (stateProblem != null) {
      row(out, "state " + closest.states(), "X-Pact-State " + states, stateProblem);
    }
    String methodNote = null;
    String pathNote = null;
    List<String[]> rows = new ArrayList<>();
    for (Mismatch mismatch : best.getMismatches()) {
      if (mismatch instanceof MethodMismatch m) {
        methodNote = "method: " + said(m.getMismatch(), m.description());
      } else if (mismatch instanceof PathMismatch p) {
        pathNote =
            "path: "
                + said(
                    p.getMismatch(),
                    "expected '" + p.getExpected() + "' but received '" + p.getActual() + "'");
      } else if (mismatch instanceof QueryMismatch q) {
        rows.add(
            new String[] {
              "?" + q.getQueryParameter() + "=" + q.getExpected(),
              "?" + q.getQueryParameter() + "=" + q.getActual(),
              "query " + q.getQueryParameter() + ": " + q.getMismatch()
            });
      } else if (mismatch instanceof HeaderMismatch h) {
        rows.add(
            new String[] {
              h.getHeaderKey() + ": " + h.getExpected(),
              h.getHeaderKey() + ": " + h.getActual(),
              "header " + h.getHeaderKey() + ": " + h.getMismatch()
            });
      } else if (mismatch instanceof BodyTypeMismatch t) {
        rows.add(
            new String[] {
              "body of type " + t.getExpected(),
              "body of type " + t.getActual(),
              "body: " + said(t.getMismatch(), t.description())
            });
      } else if (mismatch instanceof BodyMismatch b) {
        // a credential the request's body carries is no more shown than its headers' are
        java.util.Set<String> found = new java.util.TreeSet<>();
        String expectedShown = Mismatches.withoutCredentials(b.getExpected(), b.getPath(), found);
        String actualShown = Mismatches.withoutCredentials(b.getActual(), b.getPath(), found);
        rows.add(
            new String[] {
              b.getPath() + " " + (expectedShown != null ? expectedShown : shown(b.getExpected())),
              b.getPath() + " " + (actualShown != null ? actualShown : shown(b.getActual())),
              "body "
                  + b.getPath()
                  + ": "
                  + Secrets.withoutWords(
                      said(
                          b.getMismatch(),
                          "expected "
                              + shown(b.getExpected())
                              + " but received "
                              + shown(b.getActual())),
                      found)
            });
      } else {
        rows.add(new String[] {"", "", mismatch.description()});
      }
    }
    row(out, expected.getMethod(), received.getMethod(), methodNote);
    row(out, expected.getPath() + query(expected), received.getPath() + query(received), pathNote);
    for (String[] r : rows) {
      row(out, r[0], r[1], r[2]);
    }
    if (!stopped.isEmpty()) {
      out.append("\nNot judged, a matching rule could not be applied:\n");
      stopped.forEach(line -> out.append("  ").append(line).append('\n'));
    }
    return out.toString();
  }

  // pact-jvm leaves some mismatches without words of their own (another method, a path that is no
  // other pattern's, a body of another type): the report said "null"
  private static String said(String words, String otherwise) {
    return words == null || words.isBlank() ? otherwise : words;
  }

  /** The first differing line's note, for a one-line summary. */
  public static String firstDifference(String report) {
    return report
        .lines()
        .filter(l -> l.contains("<<<<<"))
        .findFirst()
        .map(String::strip)
        .orElse("");
  }

  private static boolean closer(RequestMatchResult a, RequestMatchResult b) {
    if (a.matchedMethodAndPath() != b.matchedMethodAndPath()) {
      return a.matchedMethodAndPath();
    }
    int byCount = Integer.compare(a.getMismatches().size(), b.getMismatches().size());
    if (byCount != 0) {
      return byCount < 0;
    }
    return a.calculateScore() > b.calculateScore();
  }

  private static void row(StringBuilder out, String left, String right, String note) {
    out.append(pad(left)).append(" | ").append(pad(right));
    if (note != null) {
      out.append("   <<<<< ").append(note.replace('\n', ' '));
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  private static String pad(String text) {
    String flat = Objects.toString(text, "").replace('\n', ' ');
    if (flat.length() > COLUMN) {
      flat = flat.substring(0, COLUMN - 1) + "…";
    }
    return flat + " ".repeat(COLUMN - flat.length());
  }

  private static String shown(Object value) {
    if (value == null) {
      return "(none)";
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    return value.toString();
  }

  private static String query(IRequest request) {
    if (request.getQuery() == null || request.getQuery().isEmpty()) {
      return "";
    }
    StringBuilder q = new StringBuilder();
    request
        .getQuery()
        .forEach(
            (k, values) -> {
              for (String v : values) {
                q.append(q.length() == 0 ? '?' : '&').append(k).append('=').append(v);
              }
            });
    return q.toString();
  }
}
