package io.pactwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pactwire.core.PactFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PactReaderTests {

  // What PactFiles has always read pacts with: numbers as written.
  private static final ObjectMapper EXACT =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final String V4 = "\"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}}";

  private static final String PARTIES =
      "\"consumer\": {\"name\": \"checkout\"}, \"provider\": {\"name\": \"inventory\"}";

  @TempDir Path dir;

  private Path write(String json) throws IOException {
    return Files.writeString(dir.resolve("pact.json"), json);
  }

  private String failure(Path file) {
    return catchThrowableOfType(PactFileException.class, () -> PactReader.read(file)).getMessage();
  }

  /** The message of reading a pact of these parties with this text after them. */
  private String failureOfPactWith(String rest) throws IOException {
    Path file = write("{" + PARTIES + ", " + rest + "}");
    return failure(file).substring(file.toString().length());
  }

  /** The message for one HTTP interaction with this request and response. */
  private String failureOfInteraction(String request, String response) throws IOException {
    return failureOfPactWith(
        "\"interactions\": [{\"description\": \"a request\", \"request\": "
            + request
            + ", \"response\": "
            + response
            + "}]");
  }

  @Nested
  class Reading {

    @Test
    void aMissingFileSaysSo() {
      Path file = dir.resolve("missing.json");

      assertThat(failure(file)).isEqualTo(file + ": no such file");
    }

    @Test
    void aDirectorySaysSo() throws IOException {
      Path file = Files.createDirectory(dir.resolve("adir"));

      assertThat(failure(file)).isEqualTo(file + ": is a directory");
    }

    @Test
    void anEmptyFileSaysSo() throws IOException {
      Path file = Files.writeString(dir.resolve("empty.json"), " \n");

      assertThat(failure(file)).isEqualTo(file + ": is empty");
    }

    @Test
    void bytesThatAreNotUtf8SaySo() throws IOException {
      Path file = Files.write(dir.resolve("garbage.bin"), new byte[] {'{', (byte) 0xC3, 0x28, '}'});

      assertThat(failure(file)).isEqualTo(file + ": not UTF-8");
    }

    // The file is scanned for bytes above ASCII eight at a time, then byte by byte: a bad byte in
    // either stretch, at either end, is found.
    @ParameterizedTest(name = "{0} spaces before it")
    @ValueSource(ints = {0, 1, 7, 8, 15, 64, 1000})
    void aBadByteAnywhereSaysSo(int before) throws IOException {
      byte[] bytes = (" ".repeat(before) + "{\"a\": \"x\"} ").getBytes(StandardCharsets.US_ASCII);
      bytes[bytes.length - 1] = (byte) 0xC3;
      byte[] first = bytes.clone();
      first[before] = (byte) 0xC3;
      Path end = Files.write(dir.resolve("end.json"), bytes);
      Path start = Files.write(dir.resolve("start.json"), first);

      assertThat(failure(end)).isEqualTo(end + ": not UTF-8");
      assertThat(failure(start)).isEqualTo(start + ": not UTF-8");
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
      Path file = write("{\n  \"interactions\": [\n    {,\n");

      assertThat(failure(file)).startsWith(file + ":3:6: malformed JSON: Unexpected character (',");
    }

    // a repeated key would leave one of its values unread by every command: refused where its
    // second value is, at any depth, in a file of plain ASCII (parsed from its bytes) or not
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"x\"", "\"é\""})
    void aRepeatedKeyIsRefusedWhereItRepeats(String value) throws IOException {
      Path file = write("{\"a\": " + value + ",\n \"a\": 2}");
      assertThat(failure(file)).isEqualTo(file + ":2:7: malformed JSON: Duplicate field 'a'");

      write("{\"interactions\": [{\"b\": {\"c\": " + value + ", \"c\": {}}}]}");
      assertThat(failure(file)).isEqualTo(file + ":1:41: malformed JSON: Duplicate field 'c'");

      // the same key in two objects is no repeat
      write("{\"a\": null, \"b\": {\"a\": " + value + "}}");
      assertThat(failure(file)).doesNotContain("Duplicate");
    }

    // pact-jvm, which reads every pact after the check, overflows its stack some 650 levels deep
    @Test
    void nestingDeeperThanPactJvmCanReadIsRefusedWhereItGoesTooDeep() throws IOException {
      int arrays = PactReader.MAX_DEPTH - 4; // the pact, interactions, one, its response
      String deepest = "[".repeat(arrays) + "]".repeat(arrays);
      Path file =
          write(
              "{"
                  + PARTIES
                  + ", \"interactions\": [{\"description\": \"a\", \"request\": {},"
                  + " \"response\": {\"body\": "
                  + deepest
                  + "}}]}");
      assertThat(PactReader.read(file).at("/interactions/0/response/body").isArray()).isTrue();

      Files.writeString(file, Files.readString(file).replace(deepest, "[" + deepest + "]"));
      assertThat(failure(file))
          .matches(
              java.util.regex.Pattern.quote(file.toString())
                  + ":1:\\d+: nested more than 256 levels deep, which pact-jvm cannot read");
    }

    // where the unclosed array began, without Jackson's note on its own settings
    // Jackson's own note on where the array began names its settings ("[Source: REDACTED
    // (`StreamReadFeature...` disabled)"): the message keeps the line and column only
    @Test
    void aWrongCloseMarkerNamesWhereTheArrayWasOpened() throws IOException {
      Path file = write("{\n  \"interactions\": [1, 2}");

      assertThat(failure(file))
          .isEqualTo(
              file
                  + ":2:24: malformed JSON: Unexpected close marker '}': expected ']' (for the"
                  + " array opened at 2:19)");
    }

    @Test
    void aTruncatedPactNamesWhereTheUnclosedValueBegan() throws IOException {
      Path file = write("{\n  \"interactions\": [\n    {\"a\": 1}");

      assertThat(failure(file))
          .isEqualTo(
              file
                  + ":3:13: malformed JSON: Unexpected end-of-input: expected close marker for"
                  + " Array (opened at 2:19)");
    }

    @Test
    void aByteOrderMarkIsAllowed() throws IOException {
      Path file = write("\uFEFF{" + PARTIES + "}");

      assertThat(PactReader.read(file).path("consumer").path("name").asText())
          .isEqualTo("checkout");
    }
  }

  @Nested
  class Decimals {

    @Test
    void keepTheirScaleAsWritten() throws IOException {
      Path file =
          write(
              "{"
                  + PARTIES
                  + ", \"interactions\": [{\"description\": \"a\", \"request\": {}, \"response\": {\"body\":"
                  + " {\"price\": 24.90, \"big\": 1e400, \"n\": 12345678901234}}}]}");

      JsonNode body = PactReader.read(file).at("/interactions/0/response/body");

      assertThat(body.get("price").decimalValue()).hasToString("24.90");
      assertThat(body)
          .isEqualTo(EXACT.readTree(Files.readString(file)).at("/interactions/0/response/body"));
    }
  }

  @Nested
  class NotAPact {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        value = {
          "null    | $: a pact is a JSON object, not null",
          "[{}]    | $: a pact is a JSON object, not an array",
          "\"x\"   | $: a pact is a JSON object, not text \"x\"",
          "42      | $: a pact is a JSON object, not the number 42",
        })
    void aRootThatIsNotAnObject(String json, String expected) throws IOException {
      Path file = write(json);

      assertThat(failure(file)).isEqualTo(file + ":" + expected);
    }

    @Test
    void anObjectWithoutParties() throws IOException {
      Path file = write("{\"hello\": \"world\"}");

      assertThat(failure(file))
          .isEqualTo(file + ":$.consumer: missing: a pact names its consumer and its provider");
    }

    @Test
    void aProviderWithoutName() throws IOException {
      Path file = write("{\"consumer\": {\"name\": \"c\"}, \"provider\": {}}");

      assertThat(failure(file))
          .isEqualTo(file + ":$.provider.name: missing: a pact names its provider");
    }

    @Test
    void aNameThatIsNotText() throws IOException {
      Path file = write("{\"consumer\": {\"name\": 7}, \"provider\": {\"name\": \"p\"}}");

      assertThat(failure(file))
          .isEqualTo(file + ":$.consumer.name: the consumer's name is text, not the number 7");
    }

    @Test
    void aPartyThatIsNotAnObject() throws IOException {
      Path file = write("{\"consumer\": \"c\", \"provider\": {\"name\": \"p\"}}");

      assertThat(failure(file))
          .isEqualTo(file + ":$.consumer: expected a JSON object, not text \"c\"");
    }
  }

  @Nested
  class Entries {

    @Test
    void interactionsThatAreNotAnArray() throws IOException {
      assertThat(failureOfPactWith("\"interactions\": \"oops\""))
          .isEqualTo(":$.interactions: interactions are a JSON array, not text \"oops\"");
    }

    @Test
    void anInteractionThatIsNotAnObject() throws IOException {
      assertThat(
              failureOfPactWith(
                  "\"interactions\": [{\"description\": \"a\", \"request\": {}, \"response\":"
                      + " {}}, 3]"))
          .isEqualTo(":$.interactions[1]: expected a JSON object, not the number 3");
    }

    @Test
    void aMessageThatIsNotAnObject() throws IOException {
      assertThat(failureOfPactWith("\"messages\": [[]]"))
          .isEqualTo(":$.messages[0]: expected a JSON object, not an array");
    }

    @Test
    void aMessageWhoseBodyIsUnderContentIsRefused() throws IOException {
      // pact-jvm reads "content" as no body at all: the message would verify against anything
      assertThat(
              failureOfPactWith(
                  "\"messages\": [{\"description\": \"a tweet\", \"content\": {\"id\": 1}}]"))
          .startsWith(":$.messages[0].content: a message's body is \"contents\", not \"content\"")
          .contains("nothing of it would be verified");
      assertThat(
              failureOfPactWith(
                  "\"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}},"
                      + " \"interactions\": [{\"type\": \"Asynchronous/Messages\","
                      + " \"description\": \"a tweet\", \"content\": {\"id\": 1}}]"))
          .startsWith(
              ":$.interactions[0].content: a message's body is \"contents\", not \"content\"");
      assertThat(
              failureOfPactWith(
                  "\"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}},"
                      + " \"interactions\": [{\"type\": \"Synchronous/Messages\","
                      + " \"description\": \"a query\", \"request\": {\"contents\": {}},"
                      + " \"response\": [{\"content\": {\"id\": 1}}]}]"))
          .startsWith(
              ":$.interactions[0].response[0].content: a message's body is \"contents\", not"
                  + " \"content\"");
    }

    @Test
    void aMessageWithBothContentsAndAContentFieldIsRead() throws IOException {
      Path file =
          write(
              "{"
                  + PARTIES
                  + ", \"messages\": [{\"description\": \"a tweet\", \"contents\": {\"id\":"
                  + " 1}, \"content\": \"a note\"}]}");
      assertThatCode(() -> PactReader.read(file)).doesNotThrowAnyException();
    }

    @Test
    void aTypeThatIsNotText() throws IOException {
      assertThat(failureOfPactWith("\"interactions\": [{\"type\": 4}]"))
          .isEqualTo(
              ":$.interactions[0].type: an interaction's type is text such as"
                  + " \"Synchronous/HTTP\", not the number 4");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "\"interactions\": [{\"request\": {}, \"response\": {}}]"
              + " | :$.interactions[0]: an interaction has a description, the text that names it;"
              + " this one has none",
          "\"messages\": [{\"contents\": {}}]"
              + " | :$.messages[0]: an interaction has a description, the text that names it;"
              + " this one has none",
          "\"interactions\": [{\"description\": \" \", \"request\": {}, \"response\": {}}]"
              + " | :$.interactions[0].description: a description names its interaction, and this"
              + " one is blank"
        })
    void anInteractionWithoutADescriptionNamesNothing(String entries, String expected)
        throws IOException {
      assertThat(failureOfPactWith(entries)).isEqualTo(expected);
    }

    @Test
    void anInteractionTypeItDoesNotKnowIsLeftAlone() throws IOException {
      Path file = write("{" + PARTIES + ", \"interactions\": [{\"type\": \"Plugin/Thing\"}]}");

      assertThatCode(() -> PactReader.read(file)).doesNotThrowAnyException();
    }

    @Test
    void theResponsesOfASynchronousMessageAreAnArray() throws IOException {
      assertThat(
              failureOfPactWith(
                  "\"interactions\": [{\"type\": \"Synchronous/Messages\", \"description\":"
                      + " \"a\", \"response\": {}}], "
                      + V4))
          .isEqualTo(
              ":$.interactions[0].response: the responses of a synchronous message are a JSON"
                  + " array, not an object");
    }
  }

  /** Rule paths are read as pact-jvm's matching engine reads them. */
  @Nested
  class MatchingRules {

    @Test
    void aBodyRulePathThatIsNotAJsonPath() throws IOException {
      assertThat(
              failureOfInteraction(
                  "{}", "{\"matchingRules\": {\"body\": {\"$.items[\": {\"matchers\": []}}}}"))
          .startsWith(
              ":$.interactions[0].response.matchingRules.body['$.items[']: a rule's path is a JSON"
                  + " path such as \"$.items[*].id\"; ");
    }

    @Test
    void aRequestRuleIsReadToo() throws IOException {
      assertThat(
              failureOfInteraction(
                  "{\"matchingRules\": {\"body\": {\"$.a..b\": {\"matchers\": []}}}}", "{}"))
          .startsWith(":$.interactions[0].request.matchingRules.body['$.a..b']: ");
    }

    @Test
    void aMessageRuleIsReadToo() throws IOException {
      assertThat(
              failureOfPactWith(
                  "\"messages\": [{\"description\": \"an event\", \"matchingRules\":"
                      + " {\"body\": {\"$[?(@.a)]\": {\"matchers\": []}}}}]"))
          .startsWith(":$.messages[0].matchingRules.body['$[?(@.a)]']: ");
    }

    @Test
    void rulesThatAreNotAnObject() throws IOException {
      assertThat(failureOfInteraction("{}", "{\"matchingRules\": []}"))
          .isEqualTo(
              ":$.interactions[0].response.matchingRules: matching rules are an object of"
                  + " categories, not an array");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {"$", "$.items[*].id", "$['odd key'][0]", "$.a.*", "$.body"})
    void pathsPactJvmReadsAreAccepted(String path) throws IOException {
      Path file =
          write(
              "{"
                  + PARTIES
                  + ", \"interactions\": [{\"description\": \"a\", \"request\": {}, \"response\": {\"matchingRules\":"
                  + " {\"body\": {\""
                  + path
                  + "\": {\"matchers\": [{\"match\": \"type\"}]}}}}}]}");
      assertThat(PactReader.read(file).path("interactions")).hasSize(1);
    }
  }

  @Nested
  class HttpInteractions {

    @Test
    void aMissingRequest() throws IOException {
      assertThat(
              failureOfPactWith("\"interactions\": [{\"description\": \"a\", \"response\": {}}]"))
          .isEqualTo(
              ":$.interactions[0].request: missing: an HTTP interaction has a request and a"
                  + " response");
    }

    @Test
    void aRequestThatIsNotAnObject() throws IOException {
      assertThat(failureOfInteraction("\"GET /\"", "{}"))
          .isEqualTo(":$.interactions[0].request: expected a JSON object, not text \"GET /\"");
    }

    @Test
    void aResponseThatIsNotAnObjectInAV4Pact() throws IOException {
      assertThat(
              failureOfPactWith(
                  "\"interactions\": [{\"type\": \"Synchronous/HTTP\", \"description\": \"a\", \"request\": {},"
                      + " \"response\": null}], "
                      + V4))
          .isEqualTo(":$.interactions[0].response: expected a JSON object, not null");
    }

    // pact-jvm reads a pact as the version its metadata names: the V4 body envelope of such an
    // interaction would be sent and compared as the body itself
    @Test
    void aV4InteractionTypeInAPactThatIsNotV4() throws IOException {
      String interaction =
          "\"interactions\": [{\"type\": \"Synchronous/HTTP\", \"description\": \"a\","
              + " \"request\": {}, \"response\": {}}]";

      assertThat(failureOfPactWith(interaction))
          .isEqualTo(
              ":$.interactions[0].type: \"Synchronous/HTTP\" is a V4 interaction type, but the"
                  + " pact's specification version is not named: pact-jvm would read its bodies as"
                  + " V2's; a V4 pact says \"metadata\": {\"pactSpecification\": {\"version\":"
                  + " \"4.0\"}}");
      assertThat(
              failureOfPactWith(
                  interaction
                      + ", \"metadata\": {\"pactSpecification\": {\"version\": \"3.0.0\"}}"))
          .startsWith(
              ":$.interactions[0].type: \"Synchronous/HTTP\" is a V4 interaction type, but the"
                  + " pact's specification version is \"3.0.0\": pact-jvm would read its bodies as"
                  + " that version's;");
      // the flat key PactNet writes, which pact-jvm reads first
      assertThat(
              PactReader.read(
                  write(
                      "{"
                          + PARTIES
                          + ", "
                          + interaction.replace("{}, \"response\": {}", "{}, \"response\": {}")
                          + ", \"metadata\": {\"pactSpecificationVersion\": \"4.0.0\","
                          + " \"pactSpecification\": {\"version\": \"3.0.0\"}}}")))
          .isNotNull();
      // a type of a plugin's own is left alone, as without a version
      assertThat(
              PactReader.read(
                  write("{" + PARTIES + ", \"interactions\": [{\"type\": \"Async/Messages\"}]}")))
          .isNotNull();
    }

    @Test
    void aStatusGivenAsText() throws IOException {
      assertThat(failureOfInteraction("{}", "{\"status\": \"200\"}"))
          .isEqualTo(
              ":$.interactions[0].response.status: a status is a number such as 200, not text"
                  + " \"200\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"99", "600", "-1", "4294967296"})
    void aStatusOutOfRange(String status) throws IOException {
      assertThat(failureOfInteraction("{}", "{\"status\": " + status + "}"))
          .isEqualTo(
              ":$.interactions[0].response.status: a status is from 100 to 599, not " + status);
    }

    @Test
    void aStatusWithAFraction() throws IOException {
      assertThat(failureOfInteraction("{}", "{\"status\": 200.0}"))
          .isEqualTo(
              ":$.interactions[0].response.status: a status is a number such as 200, not the"
                  + " number 200.0");
    }

    @Test
    void aMethodThatIsNotText() throws IOException {
      assertThat(failureOfInteraction("{\"method\": [\"GET\"]}", "{}"))
          .isEqualTo(
              ":$.interactions[0].request.method: a method is text such as \"GET\", not an array");
    }

    @Test
    void headersThatAreNotAnObject() throws IOException {
      assertThat(failureOfInteraction("{}", "{\"headers\": [\"Accept\"]}"))
          .isEqualTo(
              ":$.interactions[0].response.headers: headers are an object of values, not an"
                  + " array");
    }

    @Test
    void aHeaderValueThatIsNotText() throws IOException {
      assertThat(failureOfInteraction("{\"headers\": {\"X-Count\": 3}}", "{}"))
          .isEqualTo(
              ":$.interactions[0].request.headers['X-Count']: a header's value is text or an"
                  + " array of text, not the number 3");
    }

    @Test
    void aNameThatIsNotAnIdentifierIsQuotedInThePathWithItsQuoteAndBackslashEscaped()
        throws IOException {
      assertThat(failureOfInteraction("{\"headers\": {\"it's a\\\\b\": [\"x\", 3]}}", "{}"))
          .isEqualTo(
              ":$.interactions[0].request.headers['it\\'s a\\\\b'][1]: a header's value is"
                  + " text, not the number 3");
    }

    @Test
    void aQueryOfTheWrongShape() throws IOException {
      assertThat(failureOfInteraction("{\"query\": 5}", "{}"))
          .isEqualTo(
              ":$.interactions[0].request.query: a query is text or an object of values, not the"
                  + " number 5");
    }

    @Test
    void aQueryValueThatIsNotText() throws IOException {
      assertThat(failureOfInteraction("{\"query\": {\"page\": [1]}}", "{}"))
          .isEqualTo(
              ":$.interactions[0].request.query.page[0]: a query parameter's value is text, not"
                  + " the number 1");
    }

    @Test
    void everyShapeOfQueryAndHeadersAVersionAllows() throws IOException {
      Path file =
          write(
              "{"
                  + PARTIES
                  + ", \"interactions\": [{\"description\": \"a\", \"request\": {\"method\": \"GET\", \"path\": \"/\","
                  + " \"query\": \"a=1&b=2\", \"headers\": {\"A\": \"1\"}}, \"response\":"
                  + " {\"status\": 200}}, {\"description\": \"b\", \"request\": {\"query\": {\"a\": [\"1\"], \"b\":"
                  + " \"2\"}, \"headers\": {\"A\": [\"1\", \"2\"]}}, \"response\": {\"status\":"
                  + " 599}}]}");

      assertThatCode(() -> PactReader.read(file)).doesNotThrowAnyException();
    }
  }

  @Nested
  class SpecificationVersions {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pactSpecification, 4.0", "pactSpecification, 3.0.0", "pact-specification, 1.0.0"})
    void knownVersionsAreRead(String key, String version) throws IOException {
      Path file =
          write(
              "{"
                  + PARTIES
                  + ", \"metadata\": {\""
                  + key
                  + "\": {\"version\": \""
                  + version
                  + "\"}}}");

      assertThatCode(() -> PactReader.read(file)).doesNotThrowAnyException();
    }

    @Test
    void anUnknownVersion() throws IOException {
      assertThat(
              failureOfPactWith("\"metadata\": {\"pactSpecification\": {\"version\": \"5.0.0\"}}"))
          .isEqualTo(
              ":$.metadata.pactSpecification.version: unknown pact specification version"
                  + " \"5.0.0\": versions 1 to 4 are known");
    }

    @Test
    void anUnknownVersionUnderTheOldKey() throws IOException {
      assertThat(failureOfPactWith("\"metadata\": {\"pact-specification\": {\"version\": \"x\"}}"))
          .isEqualTo(
              ":$.metadata['pact-specification'].version: unknown pact specification version"
                  + " \"x\": versions 1 to 4 are known");
    }

    @Test
    void aVersionThatIsNotText() throws IOException {
      assertThat(failureOfPactWith("\"metadata\": {\"pactSpecification\": {\"version\": 3}}"))
          .isEqualTo(
              ":$.metadata.pactSpecification.version: the pact specification version is text"
                  + " such as \"3.0.0\", not the number 3");
    }
  }

  @Nested
  class RealPacts {

    /**
     * Every pact other projects wrote, of every specification version, HTTP and message, but one:
     * pact-jvm's broker fixture, whose message body is under "content", which pact-jvm reads as no
     * body at all.
     */
    @Test
    void everyPactOfTheCorporaIsAcceptedAndReadAsPactFilesReadsIt() throws IOException {
      List<Path> pacts = corpusPacts();
      assertThat(pacts).hasSizeGreaterThan(70);
      List<String> refused = new ArrayList<>();
      for (Path pact : pacts) {
        try {
          JsonNode tree = PactReader.read(pact);
          if (!tree.equals(EXACT.readTree(Files.readString(pact, StandardCharsets.UTF_8)))) {
            refused.add(pact + ": read differently from an ObjectMapper with exact decimals");
          }
        } catch (PactFileException e) {
          refused.add(e.getMessage());
        }
      }
      assertThat(refused)
          .singleElement()
          .asString()
          .contains(
              "message-pact-broker.json:$.messages[0].content: a message's body is \"contents\"");
    }

    private static List<Path> corpusPacts() throws IOException {
      String configured = System.getProperty("pactwire.corporaDir");
      Path corpora = configured == null ? null : Path.of(configured);
      Assumptions.assumeTrue(
          corpora != null && Files.isDirectory(corpora),
          "shared corpora not found (set -Dpactwire.corporaDir): real pacts not read");
      List<Path> out = new ArrayList<>();
      for (String folder : List.of("pact-jvm-pacts", "pact-js-pacts", "openapi-pact-comparator")) {
        try (Stream<Path> files = Files.walk(corpora.resolve(folder))) {
          files
              .filter(f -> f.toString().endsWith(".json"))
              .filter(f -> !f.getFileName().toString().equals("results.json"))
              .sorted()
              .forEach(out::add);
        }
      }
      return out;
    }
  }
}
