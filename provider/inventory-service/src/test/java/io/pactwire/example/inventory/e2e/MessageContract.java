package io.pactwire.example.inventory.e2e;

import au.com.dius.pact.core.matchers.BodyMatchResult;
import au.com.dius.pact.core.matchers.Matching;
import au.com.dius.pact.core.matchers.MatchingContext;
import au.com.dius.pact.core.matchers.MetadataMismatch;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.support.json.JsonException;
import io.pactwire.core.PactFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opentest4j.AssertionFailedError;

/**
 * One message interaction of a pact file, checked with pact-jvm's own matchers against a message as
 * it crossed the broker: its value against the contract's body and matching rules, its headers
 * against the contract's metadata.
 */
final class MessageContract {

  private final Path file;
  private final Pact pact;
  private final V4Interaction.AsynchronousMessage message;

  private MessageContract(Path file, Pact pact, V4Interaction.AsynchronousMessage message) {
    this.file = file;
    this.pact = pact;
    this.message = message;
  }

  /** Loads the message interaction called {@code description} from the pact {@code file}. */
  static MessageContract load(Path file, String description) {
    Pact pact = PactFiles.read(file);
    List<String> descriptions = new ArrayList<>();
    for (Interaction interaction : pact.getInteractions()) {
      descriptions.add(interaction.getDescription());
      if (interaction.getDescription().equals(description) && interaction.isAsynchronousMessage()) {
        return new MessageContract(file, pact, interaction.asAsynchronousMessage());
      }
    }
    throw new IllegalStateException(
        file + ": no message interaction \"" + description + "\"; it has " + descriptions);
  }

  /**
   * The ways {@code value} with {@code headers} breaks the contract, one line each ({@code body
   * $.available: ...}, {@code metadata contentType: ...}); empty when it satisfies it.
   */
  List<String> mismatches(byte[] value, Map<String, String> headers) {
    List<String> found = new ArrayList<>();
    ContentType contentType = message.getContentType();
    Map<String, List<String>> contentTypeHeader =
        Map.of("Content-Type", List.of(contentType.toString()));
    // The body is read as the contract's content type; a wrong header is the metadata's concern.
    BodyMatchResult body;
    try {
      body =
          Matching.INSTANCE.matchBody(
              new Response(200, contentTypeHeader, message.getContents().getContents()),
              new Response(200, contentTypeHeader, OptionalBody.body(value, contentType)),
              new MatchingContext(message.getMatchingRules().rulesForCategory("body"), true));
    } catch (JsonException e) {
      found.add("body: not " + contentType + ": " + e.getMessage());
      body = new BodyMatchResult(null, List.of());
    }
    if (body.getTypeMismatch() != null) {
      found.add("body: " + body.getTypeMismatch().description());
    }
    body.getBodyResults().stream()
        .flatMap(item -> item.getResult().stream())
        .forEach(
            mismatch -> found.add("body " + mismatch.getPath() + ": " + mismatch.getMismatch()));
    // pact-jvm compares only the keys that are present, so an absent header is checked here.
    message.getMetadata().entrySet().stream()
        .filter(expected -> !headers.containsKey(expected.getKey()))
        .forEach(
            expected ->
                found.add(
                    "metadata "
                        + expected.getKey()
                        + ": missing, the contract expects '"
                        + expected.getValue()
                        + "'"));
    List<MetadataMismatch> metadata =
        Matching.compareMessageMetadata(
            message.getMetadata(),
            new TreeMap<String, Object>(headers),
            new MatchingContext(message.getMatchingRules().rulesForCategory("metadata"), true));
    metadata.forEach(
        mismatch -> found.add("metadata " + mismatch.getKey() + ": " + mismatch.getMismatch()));
    return found;
  }

  /**
   * Passes when {@code value} with {@code headers} satisfies the contract; otherwise throws an
   * {@link AssertionFailedError} that names the pact and the interaction, lists each mismatch, and
   * carries the contract's example beside the actual value.
   */
  void assertSatisfiedBy(String record, byte[] value, Map<String, String> headers) {
    List<String> mismatches = mismatches(value, headers);
    if (mismatches.isEmpty()) {
      return;
    }
    String actual = new String(value, StandardCharsets.UTF_8) + " " + headers;
    String expected = message.contentsAsString() + " " + message.getMetadata();
    throw new AssertionFailedError(
        record
            + " does not satisfy "
            + file
            + " ("
            + pact.getConsumer().getName()
            + " -> "
            + pact.getProvider().getName()
            + "), interaction \""
            + message.getDescription()
            + "\":\n  "
            + String.join("\n  ", mismatches),
        expected,
        actual);
  }
}
