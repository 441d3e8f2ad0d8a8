package io.pactwire.verifier.internal;

import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.support.json.JsonException;
import au.com.dius.pact.core.support.json.JsonParser;
import io.pactwire.core.internal.Xml;
import io.pactwire.core.internal.report.Difference;
import java.io.IOException;
import org.xml.sax.SAXException;

/**
 * The differences of a verification that pact-jvm's matching engine did not find: a request that
 * got no response, a provider state that could not be set up. Mismatches themselves are described
 * by core's {@link io.pactwire.core.internal.report.Mismatches}, as the JUnit provider module
 * describes them.
 */
final class Differences {

  private Differences() {}

  /** A request that got no response: pact-jvm's words, then why. */
  static Difference requestFailed(String why) {
    return new Difference(
        "error", "", null, null, "Request to provider failed with an exception: " + why);
  }

  /**
   * A body pact-jvm's matching threw on: one it could not parse as the pact's content type (its
   * words, without its exception's class), or another failure of the comparison (the exception).
   */
  static Difference notCompared(String what, ContentType type, Exception e) {
    String typed =
        type == null || type.equals(ContentType.getUNKNOWN()) ? what : what + " (" + type + ")";
    boolean unparsed = e instanceof JsonException || e instanceof SAXException;
    if (!unparsed || e.getMessage() == null || e.getMessage().isBlank()) {
      return new Difference(
          "error", "", null, null, typed + " could not be compared with the pact's: " + e);
    }
    return new Difference(
        "body",
        "$",
        null,
        null,
        typed + " could not be read to compare it with the pact's: " + e.getMessage().strip());
  }

  /**
   * The pact's own expected body, when pact-jvm cannot read it as its content type says: the
   * matcher reads the expected body first, and a pact whose XML body is {@code OK} failed every
   * provider with words that blamed the provider's body. Null when it reads.
   */
  static Difference pactBodyUnreadable(OptionalBody expected) {
    if (expected == null || !expected.isPresent()) {
      return null;
    }
    ContentType type = expected.getContentType();
    String text = expected.valueAsString();
    String problem = null;
    String kind = null;
    if (type.isJson()) {
      kind = "JSON";
      try {
        JsonParser.parseString(text);
      } catch (JsonException e) {
        problem = e.getMessage();
      }
    } else if (type.isXml()) {
      kind = "XML";
      try {
        Xml.parse(text);
      } catch (SAXException | IOException e) {
        problem = e.getMessage();
      }
    }
    if (problem == null) {
      return null;
    }
    return new Difference(
        "body",
        "$",
        null,
        null,
        "the pact's expected body ("
            + type
            + ") is not "
            + kind
            + " pact-jvm can read, so no provider's body can be compared with it: "
            + problem.strip());
  }

  /** A regex rule that ran over its time bound: never handed to pact-jvm, which has none. */
  static Difference regexTooSlow(String why) {
    return new Difference("error", "", null, null, "A matching rule could not be applied: " + why);
  }

  /** A state change that failed: pact-jvm's words, then the request and its answer. */
  static Difference stateChangeFailed(String why) {
    return new Difference("state", "", null, null, "Provider state change callback failed: " + why);
  }
}
