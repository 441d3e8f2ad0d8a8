package io.pactwire.verifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pact's model built in parts on several threads is the one pact-jvm builds from the whole file:
 * the same kind of pact, the same parties and metadata, the same interactions in the same order.
 */
class PactSetTests {

  @TempDir Path dir;

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** Enough interactions for several parts, and one left over for a part of its own. */
  private static final int MANY = PactSet.PART * 4 + 1;

  @Nested
  class InParts {

    @Test
    void aV3PactHasTheInteractionsPactJvmReadsInTheirOrder() throws Exception {
      Path file = write("v3.json", v3(MANY));

      Pact pact = PactSet.load(file, Files.readAllBytes(file), threads);

      assertSameAsPactJvm(pact, file, PactSpecVersion.V3);
      assertThat(pact.getInteractions()).hasSize(MANY);
      assertThat(pact.getInteractions().get(MANY - 1).getDescription())
          .isEqualTo("request " + (MANY - 1));
    }

    @Test
    void aV4PactOfHttpAndMessagesHasTheInteractionsPactJvmReadsInTheirOrder() throws Exception {
      Path file = write("v4.json", v4(MANY));

      Pact pact = PactSet.load(file, Files.readAllBytes(file), threads);

      assertSameAsPactJvm(pact, file, PactSpecVersion.V4);
      assertThat(pact.getInteractions()).hasSize(MANY);
    }

    @Test
    void aV2PactHasTheInteractionsPactJvmReadsInTheirOrder() throws Exception {
      Path file = write("v2.json", v3(MANY).replace("\"3.0.0\"", "\"2.0.0\""));

      Pact pact = PactSet.load(file, Files.readAllBytes(file), threads);

      assertSameAsPactJvm(pact, file, PactSpecVersion.V2);
    }

    @Test
    void aSmallPactIsTheOnePactJvmReads() throws Exception {
      Path file = write("small.json", v3(3));

      assertSameAsPactJvm(
          PactSet.load(file, Files.readAllBytes(file), threads), file, PactSpecVersion.V3);
    }

    @Test
    void aMessagePactIsTheOnePactJvmReads() throws Exception {
      String messages =
          IntStream.range(0, MANY)
              .mapToObj(
                  i ->
                      """
                      {"description": "message %d", "contents": {"id": %d},
                       "metaData": {"contentType": "application/json"}}"""
                          .formatted(i, i))
              .collect(Collectors.joining(","));
      Path file =
          write(
              "messages.json",
              """
              {"consumer": {"name": "c"}, "provider": {"name": "p"}, "messages": [%s],
               "metadata": {"pactSpecification": {"version": "3.0.0"}}}"""
                  .formatted(messages));

      assertSameAsPactJvm(
          PactSet.load(file, Files.readAllBytes(file), threads), file, PactSpecVersion.V3);
    }
  }

  @Test
  void aPactPactJvmCannotLoadFailsWithPactJvmsOwnErrorNamingTheInteractionsPlaceInTheFile()
      throws Exception {
    // the interaction without a type is in the last part: pact-jvm names its index in the file
    String pact = v4(MANY);
    int last = pact.lastIndexOf("\"type\": \"Synchronous/HTTP\",");
    Path file =
        write(
            "untyped.json",
            pact.substring(0, last)
                + pact.substring(last + "\"type\": \"Synchronous/HTTP\",".length()));
    Throwable pactJvms = catchThrowable(() -> DefaultPactReader.INSTANCE.loadPact(file.toFile()));
    assertThat(pactJvms).hasMessageContaining("Interaction " + (MANY - 1) + " has no type");

    assertThatThrownBy(() -> PactSet.load(file, Files.readAllBytes(file), threads))
        .isInstanceOf(pactJvms.getClass())
        .hasMessage(pactJvms.getMessage());
  }

  private static void assertSameAsPactJvm(Pact pact, Path file, PactSpecVersion version) {
    Pact whole = DefaultPactReader.INSTANCE.loadPact(file.toFile());
    assertThat(pact).isExactlyInstanceOf(whole.getClass());
    assertThat(pact.getConsumer()).isEqualTo(whole.getConsumer());
    assertThat(pact.getProvider()).isEqualTo(whole.getProvider());
    assertThat(pact.getMetadata()).isEqualTo(whole.getMetadata());
    assertThat(pact.getSource()).isEqualTo(whole.getSource());
    assertThat(models(pact, version)).isEqualTo(models(whole, version));
  }

  private static List<List<Object>> models(Pact pact, PactSpecVersion version) {
    return pact.getInteractions().stream()
        .map(i -> List.<Object>of(i.getClass(), describe(i), i.toMap(version)))
        .toList();
  }

  private static String describe(Interaction interaction) {
    return interaction.getDescription() + " " + interaction.getProviderStates();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  /** GETs and POSTs with bodies, matching rules, generators and (every third) a provider state. */
  private static String v3(int count) {
    String interactions =
        IntStream.range(0, count)
            .mapToObj(
                i ->
                    """
                    {"description": "request %d", %s
                     "request": {"method": "%s", "path": "/items/%d", "query": {"q": ["%d"]},
                       "headers": {"Content-Type": "application/json"}, "body": {"n": %d.50}},
                     "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                       "body": {"id": %d, "price": 1.0e2, "sku": "SKU-%04d"},
                       "matchingRules": {"body": {"$.id": {"matchers": [{"match": "integer"}]},
                         "$.sku": {"matchers": [{"match": "regex", "regex": "SKU-\\\\d{4}"}]}}},
                       "generators": {"body": {"$.id": {"type": "RandomInt", "min": 1, "max": 9}}}}}"""
                        .formatted(
                            i,
                            i % 3 == 0
                                ? "\"providerStates\": [{\"name\": \"item %d exists\", \"params\": {\"id\": %d}}],"
                                    .formatted(i, i)
                                : "",
                            i % 2 == 0 ? "get" : "POST",
                            i,
                            i,
                            i,
                            i,
                            i))
            .collect(Collectors.joining(",\n"));
    return """
        {"consumer": {"name": "c"}, "provider": {"name": "p"}, "interactions": [%s],
         "metadata": {"pactSpecification": {"version": "3.0.0"}}}"""
        .formatted(interactions);
  }

  /** HTTP interactions and, every fifth, an asynchronous message; every seventh pending. */
  private static String v4(int count) {
    String interactions =
        IntStream.range(0, count)
            .mapToObj(
                i ->
                    i % 5 == 4
                        ? """
                        {"type": "Asynchronous/Messages", "key": "m%d", "description": "message %d",
                         "contents": {"content": {"id": %d}, "contentType": "application/json",
                           "encoded": false},
                         "metadata": {"contentType": "application/json"}}"""
                            .formatted(i, i, i)
                        : """
                        {"type": "Synchronous/HTTP", "key": "h%d", "description": "request %d",
                         "pending": %s,
                         "request": {"method": "GET", "path": "/items/%d"},
                         "response": {"status": 200,
                           "headers": {"Content-Type": ["application/json"]},
                           "body": {"content": {"id": %d}, "contentType": "application/json",
                             "encoded": false},
                           "matchingRules": {"body": {"$.id": {"combine": "AND",
                             "matchers": [{"match": "integer"}]}}}}}"""
                            .formatted(i, i, i % 7 == 0, i, i))
            .collect(Collectors.joining(",\n"));
    return """
        {"consumer": {"name": "c"}, "provider": {"name": "p"}, "interactions": [%s],
         "metadata": {"pactSpecification": {"version": "4.0"}}}"""
        .formatted(interactions);
  }
}
