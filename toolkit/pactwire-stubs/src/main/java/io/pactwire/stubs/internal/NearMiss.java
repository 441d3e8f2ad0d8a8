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
import io.pactwire.core.internal.InputFiles;
import io.pactwire.core.internal.JsonText;
import io.pactwire.core.internal.Secrets;
import io.pactwire.core.internal.TextBodySecrets;
import io.pactwire.core.internal.report.Mismatches;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Node;

/**
 * The report for a request no stub answered: the closest interaction by pact-jvm's verdict, and
 * what differed, path by path, in two columns (contract beside request) like WireMock's own
 * not-found report.
 */
public final class NearMiss {

  private static final int COLUMN = 54;
  private static final Pattern ARRAY_IDENTITY = Pattern.compile("\\[B@[0-9a-f]+");
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
    // each cell is scrubbed before it is padded, so that the columns still line up; the whole
    // report once more, for the lines that are no cells
    return Secrets.scrub(render(candidates, received, states, secrets), secrets);
  }

  private static String render(
      List<CompiledInteraction> candidates,
      Request received,
      List<String> states,
      Set<String> secrets) {
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
        String note = "header " + h.getHeaderKey() + ": " + h.getMismatch();
        if (!Objects.equals(h.getExpected(), h.getActual())
            && Secrets.scrub(h.getExpected(), secrets)
                .equals(Secrets.scrub(h.getActual(), secrets))) {
          // both values are credentials, shown as one placeholder: say that they differ
          note =
              "header "
                  + h.getHeaderKey()
                  + ": the request's value is not the pact's (both are credentials, not shown)";
        }
        rows.add(
            new String[] {
              h.getHeaderKey() + ": " + h.getExpected(),
              h.getHeaderKey() + ": " + h.getActual(),
              note
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
        Set<String> found = new TreeSet<>();
        String expectedShown = Mismatches.withoutCredentials(b.getExpected(), b.getPath(), found);
        if (expectedShown == null) {
          expectedShown = withoutCredentials(b.getExpected(), found);
        }
        String actualShown = Mismatches.withoutCredentials(b.getActual(), b.getPath(), found);
        if (actualShown == null) {
          actualShown = withoutCredentials(b.getActual(), found);
        }
        // pact-jvm words an XML credential's text as it is, of any length: its own words instead
        boolean hidden =
            isSecretText(b.getExpected())
                || isSecretText(b.getActual())
                || Mismatches.isSecretPath(b.getPath());
        rows.add(
            new String[] {
              b.getPath() + " " + expectedShown,
              b.getPath() + " " + actualShown,
              hidden
                  ? "body "
                      + b.getPath()
                      + ": the request's value is not the pact's (a credential: neither is shown)"
                  : "body "
                      + b.getPath()
                      + ": "
                      + Secrets.withoutWords(
                          shownIn(
                              said(
                                  b.getMismatch(),
                                  "expected " + expectedShown + " but received " + actualShown),
                              b.getExpected(),
                              expectedShown,
                              b.getActual(),
                              actualShown),
                          found)
            });
      } else {
        rows.add(new String[] {"", "", mismatch.description()});
      }
    }
    row(out, expected.getMethod(), received.getMethod(), methodNote);
    row(
        out,
        Secrets.scrub(expected.getPath() + query(expected), secrets),
        Secrets.scrub(received.getPath() + query(received), secrets),
        pathNote);
    for (String[] r : rows) {
      row(
          out,
          Secrets.scrub(r[0], secrets),
          Secrets.scrub(r[1], secrets),
          Secrets.scrub(r[2], secrets));
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
      return text(bytes);
    }
    if (value instanceof Node node) {
      // pact-jvm's XML matcher gives DOM nodes, whose own text is "[name: null]"
      return shownNode(node);
    }
    return value.toString();
  }

  // pact-jvm's words name a byte array or a DOM node by its object's text ("[B@91b348c", of a copy
  // of the array this mismatch holds): the value as shown in the columns instead, the expected
  // one first
  private static String shownIn(
      String words, Object expected, String expectedShown, Object actual, String actualShown) {
    String out = words;
    if (expected instanceof Node) {
      out = out.replace(String.valueOf(expected), expectedShown);
    }
    if (actual instanceof Node) {
      out = out.replace(String.valueOf(actual), actualShown);
    }
    // the array may be the body the mismatch holds as text
    List<String> shown = new ArrayList<>();
    if (expected != null) {
      shown.add(expectedShown);
    }
    if (actual != null) {
      shown.add(actualShown);
    }
    Matcher identity = ARRAY_IDENTITY.matcher(out);
    StringBuilder said = new StringBuilder();
    int next = 0;
    while (identity.find() && !shown.isEmpty()) {
      String value = shown.get(Math.min(next++, shown.size() - 1));
      identity.appendReplacement(said, Matcher.quoteReplacement(value));
    }
    identity.appendTail(said);
    return said.toString();
  }

  /**
   * A value pact-jvm gave as a body (bytes) or an XML node, shown with the credentials in it
   * redacted, each added to {@code found}: JSON and form fields and XML elements and attributes of
   * a credential's name; an XML element by its name, and its text only when it holds text alone and
   * is not named as a credential.
   */
  private static String withoutCredentials(Object value, Set<String> found) {
    if (value instanceof Node node) {
      return shownNode(node);
    }
    String shown = shown(value);
    if (!(value instanceof byte[])) {
      return shown;
    }
    String text = shown.strip();
    if (text.startsWith("{") || text.startsWith("[")) {
      try {
        String json =
            Mismatches.withoutCredentials(
                JsonText.MAPPER.readValue(text, Object.class), "$", found);
        return json != null ? json : shown;
      } catch (IOException notJson) {
        return shown;
      }
    }
    TextBodySecrets.Redacted redacted =
        text.startsWith("<")
            ? TextBodySecrets.xml(shown, Secrets::isSecretField)
            : text.contains("=") && !text.contains(" ")
                ? TextBodySecrets.form(shown, Secrets::isSecretField)
                : null;
    if (redacted == null) {
      return shown;
    }
    found.addAll(redacted.values());
    return redacted.body();
  }

  private static String shownNode(Node node) {
    if (node.getNodeType() != Node.ELEMENT_NODE) {
      Node owner =
          node.getNodeType() == Node.ATTRIBUTE_NODE
              ? node
              : node.getParentNode() == null ? node : node.getParentNode();
      return isSecretName(owner) ? Secrets.REDACTED : String.valueOf(node.getNodeValue());
    }
    boolean leaf = true;
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      leaf &= child.getNodeType() != Node.ELEMENT_NODE;
    }
    String content = !leaf ? "…" : isSecretName(node) ? Secrets.REDACTED : node.getTextContent();
    return "<" + node.getNodeName() + ">" + content;
  }

  // an XML text or attribute whose element or name is a credential's
  private static boolean isSecretText(Object value) {
    return value instanceof Node node
        && node.getNodeType() != Node.ELEMENT_NODE
        && Secrets.REDACTED.equals(shownNode(node));
  }

  private static boolean isSecretName(Node node) {
    String local = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    return Secrets.isSecretField(local);
  }

  // a body as text when it is UTF-8 without control characters; else its length and first bytes
  private static String text(byte[] bytes) {
    try {
      String text = InputFiles.utf8(bytes);
      if (text.chars()
          .noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f)) {
        return text;
      }
    } catch (CharacterCodingException e) {
      // not text: shown as bytes
    }
    return bytes.length
        + " bytes, starting with "
        + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 16));
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
