package io.pactwire.verifier.internal;

import au.com.dius.pact.core.matchers.BodyItemMatchResult;
import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.ContentMatcher;
import au.com.dius.pact.core.matchers.Matching;
import au.com.dius.pact.core.matchers.MatchingConfig;
import au.com.dius.pact.core.matchers.MatchingContext;
import au.com.dius.pact.core.matchers.MetadataMismatch;
import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.OptionalBodyKt;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.matchingrules.MatchingRules;
import au.com.dius.pact.core.model.messaging.Message;
import io.pactwire.core.internal.JsonDepth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a message a provider produced as pact-jvm's provider verifier does.
 *
 * <p>pact-jvm 4.7.5 ({@code ProviderVerifier.verifyMessage}) compares through {@code
 * ResponseComparison.compareMessage(message, actual, metadata, plugins)}: the contents with the
 * content matcher of the message's content type and the {@code content} (else {@code body}) rules,
 * unexpected keys allowed, or as text when no matcher knows the type; the metadata with {@code
 * Matching.compareMessageMetadata} and the {@code metadata} rules. It keeps the body mismatches
 * grouped by path and the metadata mismatches grouped by key. This does the same with the same
 * calls of pact-jvm's matching engine, in the same order, without its provider artifact (its HTTP
 * client, class-path scanning and reporters).
 */
final class MessageCheck {

  /** No plugin configuration, typed raw, as in {@link ResponseCheck}. */
  @SuppressWarnings("rawtypes")
  private static final Map NO_PLUGINS = Map.of();

  private MessageCheck() {}

  /** Whether the interaction is a message this check judges: V3 or V4 asynchronous. */
  static boolean isMessage(Interaction interaction) {
    return interaction instanceof V4Interaction.AsynchronousMessage
        || interaction instanceof Message;
  }

  /** The message's expected metadata. */
  static Map<String, Object> expectedMetadata(Interaction message) {
    return parts(message).metadata();
  }

  /** The message's matching rules. */
  static MatchingRules rules(Interaction message) {
    return parts(message).rules();
  }

  /** The message's expected contents. */
  static OptionalBody expectedContents(Interaction message) {
    return parts(message).contents();
  }

  @SuppressWarnings("unchecked")
  static List<Mismatch> mismatches(
      Interaction message, OptionalBody actual, Map<String, Object> actualMetadata) {
    if (actual != null && actual.isPresent() && JsonDepth.tooDeep(actual.getValue())) {
      return List.of(
          new BodyMismatch(
              null, null, JsonDepth.tooDeepWords("the provider's message"), "$", null));
    }
    Parts expected = parts(message);
    MatchingRules rules = expected.rules();
    MatchingContext bodyContext =
        new MatchingContext(
            rules.rulesForCategory("content").orElse(rules.rulesForCategory("body")),
            true,
            NO_PLUGINS,
            false);
    MatchingContext metadataContext =
        new MatchingContext(rules.rulesForCategory("metadata"), true, NO_PLUGINS, false);

    List<BodyMismatch> body = new ArrayList<>();
    ContentMatcher matcher = MatchingConfig.lookupContentMatcher(expected.type().getBaseType());
    if (matcher != null) {
      for (BodyItemMatchResult item :
          matcher.matchBody(expected.contents(), actual, bodyContext).getBodyResults()) {
        body.addAll(item.getResult());
      }
    } else {
      String text = OptionalBodyKt.valueAsString(expected.contents());
      if (!text.isEmpty() && OptionalBodyKt.isNullOrEmpty(actual)) {
        body.add(new BodyMismatch(text, null, "Expected body '" + text + "' but was missing"));
      } else if (!text.isEmpty() && !OptionalBodyKt.valueAsString(actual).equals(text)) {
        String got = OptionalBodyKt.valueAsString(actual);
        body.add(
            new BodyMismatch(
                text,
                got,
                "Actual body '" + got + "' is not equal to the expected body '" + text + "'"));
      }
    }
    List<MetadataMismatch> metadata =
        Matching.compareMessageMetadata(expected.metadata(), actualMetadata, metadataContext);

    List<Mismatch> found = new ArrayList<>();
    Map<String, List<BodyMismatch>> byPath = new LinkedHashMap<>();
    for (BodyMismatch m : body) {
      byPath.computeIfAbsent(m.getPath(), k -> new ArrayList<>()).add(m);
    }
    byPath.values().forEach(found::addAll);
    Map<String, List<MetadataMismatch>> byKey = new LinkedHashMap<>();
    for (MetadataMismatch m : metadata) {
      byKey.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(m);
    }
    byKey.values().forEach(found::addAll);
    return found;
  }

  private record Parts(
      OptionalBody contents, ContentType type, Map<String, Object> metadata, MatchingRules rules) {}

  private static Parts parts(Interaction message) {
    if (message instanceof V4Interaction.AsynchronousMessage v4) {
      var contents = v4.getContents();
      return new Parts(
          contents.getContents(),
          contents.getContentType(),
          contents.getMetadata(),
          contents.getMatchingRules());
    }
    if (message instanceof Message v3) {
      return new Parts(
          v3.getContents(), v3.getContentType(), v3.getMetadata(), v3.getMatchingRules());
    }
    throw new IllegalArgumentException(
        "not an asynchronous message: " + message.getClass().getSimpleName());
  }
}
