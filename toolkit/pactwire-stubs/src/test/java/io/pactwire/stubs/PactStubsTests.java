package io.pactwire.stubs;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Request;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.pactwire.core.PactFileException;
import io.pactwire.testsupport.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PactStubsTests {

  /** A V3 pact of two interactions whose rules loosen path, query, header and body. */
  static final String PRODUCTS =
      """
      {
        "consumer": {"name": "checkout-service"},
        "provider": {"name": "inventory-service"},
        "interactions": [
          {
            "description": "a request for a product",
            "providerState": "product 42 exists",
            "request": {
              "method": "GET",
              "path": "/products/42",
              "query": {"view": ["full"]},
              "headers": {"Accept": "application/json"},
              "matchingRules": {
                "path": {"matchers": [{"match": "regex", "regex": "/products/[0-9]+"}]},
                "query": {"view": {"matchers": [{"match": "regex", "regex": "full|short"}]}},
                "header": {"Accept": {"matchers": [{"match": "regex", "regex": "application/.*json"}]}}
              }
            },
            "response": {
              "status": 200,
              "headers": {"Content-Type": "application/json"},
              "body": {"id": 42, "name": "kettle"}
            }
          },
          {
            "description": "a reservation",
            "request": {
              "method": "POST",
              "path": "/reservations",
              "headers": {"Content-Type": "application/json"},
              "body": {"sku": "K-1", "quantity": 2, "lines": [{"id": 1}]},
              "matchingRules": {
                "body": {
                  "$.sku": {"matchers": [{"match": "regex", "regex": "[A-Z]-[0-9]+"}]},
                  "$.quantity": {"matchers": [{"match": "integer"}]},
                  "$.lines": {"matchers": [{"match": "type", "min": 1}]}
                }
              }
            },
            "response": {"status": 201, "body": {"reserved": true}}
          }
        ],
        "metadata": {"pactSpecification": {"version": "3.0.0"}}
      }
      """;

  @TempDir Path dir;
  WireMockServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  PactStubs serve(String pact, String... states) throws IOException {
    Path file = dir.resolve("checkout-service-inventory-service.json");
    Files.writeString(file, pact);
    PactStubs stubs = PactStubs.newInstance().pacts(file).states(states).build();
    server = new WireMockServer(stubs.configure(options().dynamicPort()));
    server.start();
    stubs.registerWith(server);
    return stubs;
  }

  static Request request(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      String body) {
    return new Request(
        method,
        path,
        query,
        headers,
        body == null
            ? OptionalBody.missing()
            : OptionalBody.body(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Nested
  class Rules {

    @Test
    void aRequestWithinThePactsRulesGetsTheExampleResponse() throws IOException {
      serve(PRODUCTS);
      RawHttp.Answer answer =
          RawHttp.send(
              server.port(),
              request(
                  "GET",
                  "/products/7",
                  Map.of("view", List.of("short")),
                  Map.of("Accept", List.of("application/hal+json")),
                  null));
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("{\"id\":42,\"name\":\"kettle\"}");
    }

    @Test
    void bodyRulesJudgeTheBody() throws IOException {
      serve(PRODUCTS);
      Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));
      assertThat(
              RawHttp.send(
                      server.port(),
                      request(
                          "POST",
                          "/reservations",
                          Map.of(),
                          json,
                          "{\"sku\":\"Z-9\",\"quantity\":5,\"lines\":[{\"id\":3},{\"id\":4}]}"))
                  .status())
          .isEqualTo(201);
      // quantity 2.5 breaks the integer rule
      assertThat(
              RawHttp.send(
                      server.port(),
                      request(
                          "POST",
                          "/reservations",
                          Map.of(),
                          json,
                          "{\"sku\":\"Z-9\",\"quantity\":2.5,\"lines\":[{\"id\":3}]}"))
                  .status())
          .isEqualTo(404);
    }

    @Test
    void aRequestOutsideTheRulesIsNotAnswered() throws IOException {
      serve(PRODUCTS);
      RawHttp.Answer answer =
          RawHttp.send(
              server.port(),
              request(
                  "GET",
                  "/products/7",
                  Map.of("view", List.of("all")),
                  Map.of("Accept", List.of("text/html")),
                  null));
      assertThat(answer.status()).isEqualTo(404);
    }
  }

  @Nested
  class Regexes {

    @Test
    void aPatternThatBacktracksWithoutEndIsStoppedAndTheRequestGetsANearMissNamingIt()
        throws IOException {
      serve(
          PRODUCTS.replace(
              "{\"match\": \"regex\", \"regex\": \"full|short\"}",
              "{\"match\": \"regex\", \"regex\": \"(.*a){20}\"}"));
      // the pact's own example, "full", passes quickly; fifty a's and a '!' would not, unbounded
      long start = System.nanoTime();
      RawHttp.Answer answer =
          RawHttp.send(
              server.port(),
              request(
                  "GET",
                  "/products/7",
                  Map.of("view", List.of("a".repeat(50) + "!")),
                  Map.of("Accept", List.of("application/json")),
                  null));
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("a catastrophic query regex: answered 404 in %d ms%n", millis);

      assertThat(answer.status()).as("answered in %d ms", millis).isEqualTo(404);
      assertThat(answer.body())
          .contains("Not judged, a matching rule could not be applied:")
          .contains(
              "\"a request for a product\" ("
                  + dir.resolve("checkout-service-inventory-service.json")
                      .toAbsolutePath()
                      .normalize()
                  + " at $.interactions[0]): the regex '(.*a){20}' at the query parameter view was stopped after ");
    }
  }

  @Nested
  class NearMissReport {

    @Test
    void namesTheClosestInteractionAndEachDifferencePathByPath() throws IOException {
      serve(PRODUCTS);
      RawHttp.Answer answer =
          RawHttp.send(
              server.port(),
              request(
                  "GET",
                  "/products/seven",
                  Map.of("view", List.of("all")),
                  Map.of("Accept", List.of("text/html")),
                  null));
      assertThat(answer.status()).isEqualTo(404);
      String report = answer.body().replace(dir.toAbsolutePath().normalize().toString(), "<pacts>");
      Golden.assertMatches("near-miss.txt", report);
    }

    // pact-jvm gives some mismatches no words of its own: each line still says what differed
    @Test
    void aMethodAPathAndABodyTypeThatDifferAreSaidInWords() throws IOException {
      serve(PRODUCTS);
      String method =
          RawHttp.send(server.port(), request("DELETE", "/reservations", Map.of(), Map.of(), null))
              .body();
      String path =
          RawHttp.send(server.port(), request("POST", "/reservationsx", Map.of(), Map.of(), null))
              .body();
      String type =
          RawHttp.send(
                  server.port(),
                  request(
                      "POST",
                      "/reservations",
                      Map.of(),
                      Map.of("Content-Type", List.of("text/plain")),
                      "sku=K-1"))
              .body();

      assertThat(method).contains("method: expected method 'POST' but received 'DELETE'");
      assertThat(path).contains("path: expected '/reservations' but received '/reservationsx'");
      assertThat(type)
          .contains(
              "body: Expected a body of 'application/json' but the actual content type was"
                  + " 'text/plain'");
      assertThat(method + path + type).doesNotContain(": null");
    }

    // a binary body is shown by its length and first bytes, a missing body by the pact's, never
    // as raw bytes or as a Java array's identity; the columns stay aligned
    @Test
    void binaryAndMissingBodiesAreShownReadably() throws IOException {
      serve(
          """
          {"consumer": {"name": "checkout-service"}, "provider": {"name": "inventory-service"},
           "metadata": {"pactSpecification": {"version": "4.0"}},
           "interactions": [{"type": "Synchronous/HTTP", "description": "an upload",
             "request": {"method": "POST", "path": "/upload",
               "headers": {"Content-Type": ["application/octet-stream"]},
               "body": {"content": "AAECAwQF", "contentType": "application/octet-stream",
                 "encoded": "base64"}},
             "response": {"status": 204}},
            {"type": "Synchronous/HTTP", "description": "a note",
             "request": {"method": "POST", "path": "/notes",
               "headers": {"Content-Type": ["application/json"]},
               "body": {"content": {}, "contentType": "application/json", "encoded": false}},
             "response": {"status": 204}}]}
          """);
      Request upload =
          new Request(
              "POST",
              "/upload",
              Map.of(),
              Map.of("Content-Type", List.of("application/octet-stream")),
              OptionalBody.body(new byte[] {0, 1, 2, 3, 4, 6, (byte) 0xff}));
      String binary = RawHttp.send(server.port(), upload).body();
      String missing =
          RawHttp.send(
                  server.port(),
                  request(
                      "POST",
                      "/notes",
                      Map.of(),
                      Map.of("Content-Type", List.of("application/json")),
                      null))
              .body();

      assertThat(binary)
          .contains("6 bytes, starting with 000102030405")
          .contains("7 bytes, starting with 000102030406ff")
          .doesNotContain("\u0000");
      assertThat(missing).doesNotContain("[B@").contains("Expected body '{}'");
      for (String report : List.of(binary, missing)) {
        assertThat(report.lines().filter(l -> l.contains(" | ")).map(l -> l.indexOf(" | ")))
            .as("the columns of %s", report)
            .containsOnly(54);
      }
    }

    // pact-jvm gives XML elements whole: the report shows their names, not the text under them,
    // which holds the credential the consumer sent
    @Test
    void anXmlRequestsCredentialIsNotShown() throws IOException {
      serve(
          """
          {"consumer": {"name": "checkout-service"}, "provider": {"name": "inventory-service"},
           "metadata": {"pactSpecification": {"version": "4.0"}},
           "interactions": [{"type": "Synchronous/HTTP", "description": "a login",
             "request": {"method": "POST", "path": "/login",
               "headers": {"Content-Type": ["application/xml"]},
               "body": {"content": "<login><user>ada</user><password>x</password><client>web</client></login>",
                 "contentType": "application/xml", "encoded": false}},
             "response": {"status": 204}}]}
          """);
      String report =
          RawHttp.send(
                  server.port(),
                  request(
                      "POST",
                      "/login",
                      Map.of(),
                      Map.of("Content-Type", List.of("application/xml")),
                      "<login><user>ada</user><password>hunter2-secret</password></login>"))
              .body();

      assertThat(report).contains("a login").doesNotContain("hunter2-secret");
    }

    // two credentials differ: the report cannot show them, and says that they differ rather
    // than "expected '<redacted>' but was '<redacted>'"
    @Test
    void differingCredentialsAreSaidToDifferAndTheColumnsStayAligned() throws IOException {
      serve(
          """
          {"consumer": {"name": "checkout-service"}, "provider": {"name": "inventory-service"},
           "metadata": {"pactSpecification": {"version": "4.0"}},
           "interactions": [{"type": "Synchronous/HTTP", "description": "bookings",
             "request": {"method": "GET", "path": "/bookings",
               "headers": {"X-Api-Key": ["ABC123"]}},
             "response": {"status": 200}}]}
          """);
      String report =
          RawHttp.send(
                  server.port(),
                  request(
                      "GET",
                      "/bookings",
                      Map.of(),
                      Map.of("X-Api-Key", List.of("xyz-other-key")),
                      null))
              .body();

      assertThat(report)
          .doesNotContain("ABC123")
          .doesNotContain("xyz-other-key")
          .contains(
              "header X-Api-Key: the request's value is not the pact's (both are credentials");
      assertThat(report.lines().filter(l -> l.contains(" | ")).map(l -> l.indexOf(" | ")))
          .containsOnly(54);
    }

    // the near-miss answer lands in the consumer's CI log
    @Test
    void aCredentialInTheRequestBodyIsNotShown() throws IOException {
      serve(PRODUCTS);
      String report =
          RawHttp.send(
                  server.port(),
                  request(
                      "POST",
                      "/reservations",
                      Map.of(),
                      Map.of("Content-Type", List.of("application/json")),
                      "{\"sku\": \"K-1\", \"quantity\": \"x\", \"password\": \"S3CRET-PW-9\"}"))
              .body();

      assertThat(report).doesNotContain("S3CRET-PW-9").contains("<redacted>");
    }

    // pact-jvm's body matcher throws on a body that is not JSON: the consumer sent a broken body,
    // which is when the report is needed, not a server error
    @Test
    void aBodyThatIsNotJsonGetsTheReportSayingSo() throws IOException {
      serve(PRODUCTS);
      RawHttp.Answer answer =
          RawHttp.send(
              server.port(),
              request(
                  "POST",
                  "/reservations",
                  Map.of(),
                  Map.of("Content-Type", List.of("application/json")),
                  "{\"sku\":\"Z-9\",\"quantity\":5"));

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.body())
          .contains("the body is not valid JSON: Invalid Json document (1:26)")
          .doesNotContain("Exception");
    }

    // capture writes a cookie as a placeholder with a rule; pact-jvm compares cookies as sets and
    // applies no rule, so without the rule applied here no real cookie would ever match
    @Test
    void aCookieIsHeldToItsRuleNotToThePlaceholder() throws IOException {
      serve(
          """
          {"consumer": {"name": "checkout-service"}, "provider": {"name": "inventory-service"},
           "metadata": {"pactSpecification": {"version": "4.0"}},
           "interactions": [{"type": "Synchronous/HTTP", "description": "my account",
             "request": {"method": "GET", "path": "/account",
               "headers": {"Cookie": ["<redacted>"]},
               "matchingRules": {"header": {"Cookie": {"combine": "AND",
                 "matchers": [{"match": "regex", "regex": "SESSION=.+"}]}}}},
             "response": {"status": 200}}]}
          """);

      assertThat(cookie("SESSION=abc123").status()).isEqualTo(200);
      assertThat(cookie("SESSION=abc123; theme=dark").status()).isEqualTo(200);
      assertThat(cookie("theme=dark").status()).isEqualTo(404);
      assertThat(cookie(null).status()).isEqualTo(404);
    }

    private RawHttp.Answer cookie(String cookie) throws IOException {
      return RawHttp.send(
          server.port(),
          request(
              "GET",
              "/account",
              Map.of(),
              cookie == null ? Map.of() : Map.of("Cookie", List.of(cookie)),
              null));
    }

    // pact-jvm's XML matcher throws on a value rule that names an element, not its text: no
    // verdict, so no match, and a report that says why, not a server error with a stack trace
    @Test
    void aRuleThatPactJvmCannotApplyToAnXmlBodyGetsTheReportSayingSo() throws IOException {
      serve(
          """
          {"consumer": {"name": "checkout-service"}, "provider": {"name": "inventory-service"},
           "metadata": {"pactSpecification": {"version": "3.0.0"}},
           "interactions": [{"description": "an XML order",
             "request": {"method": "POST", "path": "/xml",
               "headers": {"Content-Type": "application/xml"},
               "body": "<order><id>1</id></order>",
               "matchingRules": {"body": {"$.order.id": {"matchers": [{"match": "integer"}]}}}},
             "response": {"status": 201}}]}
          """);
      RawHttp.Answer answer =
          RawHttp.send(
              server.port(),
              request(
                  "POST",
                  "/xml",
                  Map.of(),
                  Map.of("Content-Type", List.of("application/xml")),
                  "<order><id>1</id></order>"));

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.body())
          .contains("an XML order")
          .contains(
              "pact-jvm's matching could not compare the body with the interaction's rules"
                  + " (NullPointerException")
          .doesNotContain("\tat ");
    }
  }

  @Nested
  class States {

    static final String TWO_STATES =
        """
        {
          "consumer": {"name": "checkout-service"},
          "provider": {"name": "inventory-service"},
          "interactions": [
            {
              "description": "a product that is out of stock",
              "providerState": "product 42 is out of stock",
              "request": {"method": "GET", "path": "/products/42", "headers": {"Accept": "application/json"}},
              "response": {"status": 200, "body": {"stock": 0}}
            },
            {
              "description": "any product",
              "providerState": "products exist",
              "request": {
                "method": "GET", "path": "/products/42",
                "matchingRules": {"path": {"matchers": [{"match": "regex", "regex": "/products/[0-9]+"}]}}
              },
              "response": {"status": 200, "body": {"stock": 5}}
            }
          ],
          "metadata": {"pactSpecification": {"version": "3.0.0"}}
        }
        """;

    Request product =
        request(
            "GET", "/products/42", Map.of(), Map.of("Accept", List.of("application/json")), null);

    @Test
    void theMoreSpecificInteractionAnswersAndTheChoiceIsStated() throws IOException {
      PactStubs stubs = serve(TWO_STATES);
      assertThat(RawHttp.send(server.port(), product).body()).isEqualTo("{\"stock\":0}");
      assertThat(stubs.overlaps()).hasSize(1);
      Overlap overlap = stubs.overlaps().get(0);
      assertThat(overlap.chosen().description()).isEqualTo("a product that is out of stock");
      assertThat(overlap.shadowed().description()).isEqualTo("any product");
      assertThat(overlap.toString())
          .startsWith("GET /products/42 is answered by \"a product that is out of stock\"")
          .endsWith("a request with the header X-Pact-State for each of [products exist] gets it");
    }

    // both interactions in the same state: the header cannot tell them apart, and the line says so
    // instead of naming a header that would not help
    @Test
    void anInteractionNoStateHeaderReachesIsStatedAsSuch() throws IOException {
      PactStubs stubs =
          serve(TWO_STATES.replace("product 42 is out of stock", "products exist"), new String[0]);
      assertThat(stubs.overlaps())
          .singleElement()
          .asString()
          .endsWith(
              "no request reaches it: X-Pact-State naming its states [products exist] selects the"
                  + " other too, which has them all");
      assertThat(
              RawHttp.send(
                      server.port(),
                      product,
                      List.of(Map.entry(PactStubs.STATE_HEADER, "products exist")))
                  .body())
          .isEqualTo("{\"stock\":0}");
    }

    @Test
    void theStateHeaderChoosesTheInteraction() throws IOException {
      serve(TWO_STATES);
      RawHttp.Answer answer =
          RawHttp.send(
              server.port(), product, List.of(Map.entry(PactStubs.STATE_HEADER, "products exist")));
      assertThat(answer.body()).isEqualTo("{\"stock\":5}");
    }

    @Test
    void chosenStatesLeaveTheOthersOut() throws IOException {
      PactStubs stubs = serve(TWO_STATES, "products exist");
      assertThat(stubs.interactions())
          .extracting(StubbedInteraction::description)
          .containsExactly("any product");
      assertThat(RawHttp.send(server.port(), product).body()).isEqualTo("{\"stock\":5}");
    }

    // as pact-jvm's filter by provider state keeps an interaction for verification: one of its
    // states chosen is enough, none of them leaves it out
    @Test
    void anInteractionOfSeveralStatesIsServedWhenOneOfThemIsChosen() throws IOException {
      String several =
          TWO_STATES.replace(
              "\"providerState\": \"product 42 is out of stock\"",
              "\"providerStates\": [{\"name\": \"products exist\"},"
                  + " {\"name\": \"product 42 is out of stock\"}]");
      assertThat(several).isNotEqualTo(TWO_STATES);

      assertThat(serve(several, "product 42 is out of stock").interactions())
          .extracting(StubbedInteraction::description)
          .containsExactly("a product that is out of stock");
      server.stop();
      assertThat(serve(several, "products exist").interactions())
          .extracting(StubbedInteraction::description)
          .containsExactlyInAnyOrder("a product that is out of stock", "any product");
      server.stop();
      assertThatThrownBy(() -> serve(several, "no product exists"))
          .isInstanceOf(PactFileException.class)
          .hasMessageEndingWith(
              "no HTTP interaction in provider states [no product exists] to serve");
    }

    @Test
    void theChoiceDoesNotDependOnTheOrderOfTheInteractions() throws IOException {
      String reversed =
          TWO_STATES.replaceFirst(
              "(?s)\\[\\s*(\\{.*?\"stock\": 0}}\\s*}),\\s*(\\{.*\"stock\": 5}}\\s*})\\s*]",
              "[$2, $1]");
      assertThat(reversed).isNotEqualTo(TWO_STATES);
      serve(reversed);
      assertThat(RawHttp.send(server.port(), product).body()).isEqualTo("{\"stock\":0}");
    }
  }

  @Nested
  class Responses {

    @Test
    void generatorsReplaceTheExampleWhereTheyApply() throws IOException {
      serve(
          """
          {
            "consumer": {"name": "checkout-service"},
            "provider": {"name": "inventory-service"},
            "interactions": [{
              "description": "a new order id",
              "request": {"method": "POST", "path": "/orders"},
              "response": {
                "status": 201,
                "headers": {"Content-Type": "application/json"},
                "body": {"id": "example-id", "sku": "K-1"},
                "generators": {"body": {"$.id": {"type": "Uuid"}}}
              }
            }],
            "metadata": {"pactSpecification": {"version": "3.0.0"}}
          }
          """);
      RawHttp.Answer answer =
          RawHttp.send(server.port(), request("POST", "/orders", Map.of(), Map.of(), null));
      assertThat(answer.status()).isEqualTo(201);
      assertThat(answer.body())
          .matches(
              "\\{\"id\":\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\",\"sku\":\"K-1\"}");
    }

    // a body's declared content type is its Content-Type when the pact's headers name none
    @Test
    void aBinaryBodyIsServedWithItsDeclaredContentType() throws IOException {
      serve(
          """
          {
            "consumer": {"name": "checkout-service"},
            "provider": {"name": "inventory-service"},
            "interactions": [{
              "type": "Synchronous/HTTP",
              "description": "a label to print",
              "request": {"method": "GET", "path": "/labels/1"},
              "response": {
                "status": 200,
                "body": {"content": "SGk=", "contentType": "application/octet-stream",
                         "encoded": "base64"}
              }
            }],
            "metadata": {"pactSpecification": {"version": "4.0"}}
          }
          """);
      RawHttp.Answer answer =
          RawHttp.send(server.port(), request("GET", "/labels/1", Map.of(), Map.of(), null));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.headers()).containsIgnoringCase("Content-Type: application/octet-stream");
      assertThat(answer.body()).isEqualTo("Hi");
    }
  }

  @Nested
  class BadInput {

    Path write(String text) throws IOException {
      Path file = dir.resolve("bad.json");
      Files.writeString(file, text);
      return file;
    }

    String failure(Path file) {
      Throwable thrown =
          org.assertj.core.api.Assertions.catchThrowable(
              () -> PactStubs.newInstance().pacts(file).build());
      assertThat(thrown).isInstanceOf(PactFileException.class);
      assertThat(thrown.getMessage()).doesNotContain("\n");
      return thrown.getMessage();
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws IOException {
      Path file = write("{\"consumer\": {\"name\": \"a\"},\n  \"provider\": }");
      assertThat(failure(file)).startsWith(file + ":2:").contains("malformed JSON");
    }

    @Test
    void anUnknownSpecificationVersionNamesItsPath() throws IOException {
      Path file = write(PRODUCTS.replace("\"3.0.0\"", "\"7.0.0\""));
      assertThat(failure(file))
          .isEqualTo(
              file
                  + ":$.metadata.pactSpecification.version: unknown pact specification version \"7.0.0\": versions 1 to 4 are known");
    }

    @Test
    void anUnsupportedMatcherNamesFileInteractionAndPath() throws IOException {
      Path file = write(PRODUCTS.replace("{\"match\": \"integer\"}", "{\"match\": \"prime\"}"));
      assertThat(failure(file))
          .isEqualTo(
              file
                  + ":$.interactions[1].request.matchingRules.body['$.quantity'].matchers[0].match:"
                  + " interaction \"a reservation\": unsupported matcher \"prime\": pact-jvm does not know it and would compare by equality instead");
    }

    @Test
    void aFileInTheFolderThatIsNotAPactIsNamedWithItsLocation() throws IOException {
      Files.writeString(dir.resolve("pact.json"), PRODUCTS);
      Path other = dir.resolve("notes.json");
      Files.writeString(other, "{\"hello\": \"world\"}");
      assertThatThrownBy(() -> PactStubs.newInstance().pacts(dir).build())
          .isInstanceOf(PactFileException.class)
          .hasMessageStartingWith(other + ":$.consumer: ")
          .hasMessageNotContaining("\n");
    }

    @Test
    void aFolderWithoutTheProviderSaysSo() throws IOException {
      write(PRODUCTS);
      assertThatThrownBy(() -> PactStubs.newInstance().pacts(dir).provider("payments").build())
          .isInstanceOf(PactFileException.class)
          .hasMessage(dir + ": no HTTP interaction with provider \"payments\" to serve");
    }
  }

  @Nested
  class Folders {

    @Test
    void onlyThePactsDirectlyInTheFolderAreServedNeverItsSubfolders() throws IOException {
      Files.writeString(dir.resolve("pact.json"), PRODUCTS);
      // the pacts store's records, and anything else below, are not pacts to serve
      Path results = Files.createDirectories(dir.resolve("results/inventory-service"));
      Files.writeString(results.resolve("1.0.0.json"), "{\"provider\": \"inventory-service\"}");
      Path nested = Files.createDirectories(dir.resolve("old"));
      Files.writeString(
          nested.resolve("pact.json"), PRODUCTS.replace("a reservation", "an old reservation"));

      PactStubs stubs = PactStubs.newInstance().pacts(dir).build();

      assertThat(stubs.interactions())
          .extracting(StubbedInteraction::description)
          .containsExactlyInAnyOrder("a request for a product", "a reservation");
    }

    @Test
    void overlapsAreFoundBetweenALiteralAndAPatternedPathAndNotBetweenOtherPaths()
        throws IOException {
      Files.writeString(
          dir.resolve("pact.json"),
          """
          {
            "consumer": {"name": "checkout-service"},
            "provider": {"name": "inventory-service"},
            "interactions": [
              {"description": "product 7", "request": {"method": "GET", "path": "/products/7"},
               "response": {"status": 200}},
              {"description": "product 8", "request": {"method": "GET", "path": "/products/8"},
               "response": {"status": 200}},
              {"description": "any product", "request": {"method": "GET", "path": "/products/1",
                 "matchingRules": {"path": {"matchers": [{"match": "regex", "regex": "/products/[0-9]+"}]}}},
               "response": {"status": 200}},
              {"description": "product 7 again", "providerState": "restocked",
               "request": {"method": "GET", "path": "/products/7"}, "response": {"status": 200}},
              {"description": "an order", "request": {"method": "GET", "path": "/orders/7"},
               "response": {"status": 200}}
            ],
            "metadata": {"pactSpecification": {"version": "3.0.0"}}
          }
          """);

      PactStubs stubs = PactStubs.newInstance().pacts(dir).build();

      assertThat(stubs.overlaps())
          .extracting(o -> o.chosen().description() + " over " + o.shadowed().description())
          .containsExactlyInAnyOrder(
              "product 7 over product 7 again",
              "product 7 over any product",
              "product 8 over any product",
              "product 7 again over any product");
    }
  }

  @Nested
  class Export {

    @Test
    void exportedMappingsServeFromAPlainWireMockWithTheMatcherOnItsClasspath() throws IOException {
      Path file = dir.resolve("pact.json");
      Files.writeString(file, PRODUCTS);
      PactStubs stubs = PactStubs.newInstance().pacts(file).build();
      Path root = dir.resolve("wiremock");
      List<Path> written = StubExport.write(stubs, root.resolve("mappings"));
      assertThat(written).hasSize(2);
      assertThat(Files.readString(written.get(0)))
          .contains("\"customMatcher\"")
          .contains("\"name\" : \"pactwire-pact\"");
      server =
          new WireMockServer(
              options()
                  .dynamicPort()
                  .usingFilesUnderDirectory(root.toString())
                  .extensions(PactRequestMatcher.class));
      server.start();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put("Accept", List.of("application/json"));
      assertThat(
              RawHttp.send(
                      server.port(),
                      request("GET", "/products/9", Map.of("view", List.of("full")), headers, null))
                  .status())
          .isEqualTo(200);
      assertThat(
              RawHttp.send(
                      server.port(),
                      request("GET", "/products/9", Map.of("view", List.of("none")), headers, null))
                  .status())
          .isEqualTo(404);
    }
  }

  @Nested
  class Start {

    Request kettle =
        request(
            "GET",
            "/products/7",
            Map.of("view", List.of("short")),
            Map.of("Accept", List.of("application/json")),
            null);

    @Test
    void servesEveryStubOnceStartedAndReportsANearMiss() throws IOException {
      Path file = dir.resolve("checkout-service-inventory-service.json");
      Files.writeString(file, PRODUCTS);
      PactStubs.Started started =
          PactStubs.newInstance().pacts(file).start(options().dynamicPort());
      server = started.server();
      assertThat(server.isRunning()).isTrue();
      assertThat(server.getStubMappings()).hasSize(started.stubs().interactions().size());
      assertThat(RawHttp.send(server.port(), kettle).status()).isEqualTo(200);
      RawHttp.Answer miss =
          RawHttp.send(server.port(), request("GET", "/nothing", Map.of(), Map.of(), null));
      assertThat(miss.status()).isEqualTo(404);
      assertThat(miss.body()).startsWith("Request was not matched by any pact interaction");
    }

    @Test
    void aResetToTheDefaultsServesThePactsAgainWhichRemovingEveryStubDoesNot() throws IOException {
      Path file = dir.resolve("checkout-service-inventory-service.json");
      Files.writeString(file, PRODUCTS);
      // as pactwire stub starts its server, then as @PactwireStubs does
      WireMockServer started =
          PactStubs.newInstance()
              .pacts(file)
              .start(PactStubs.serverOptions().dynamicPort())
              .server();
      PactStubs stubs = PactStubs.newInstance().pacts(file).build();
      WireMockServer registered =
          new WireMockServer(stubs.configure(PactStubs.serverOptions().dynamicPort()));
      registered.start();
      stubs.registerWith(registered);
      try {
        for (WireMockServer one : List.of(started, registered)) {
          int pactStubs = one.getStubMappings().size();
          one.stubFor(
              com.github.tomakehurst.wiremock.client.WireMock.get("/added-by-a-test")
                  .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok()));

          one.resetAll();

          assertThat(one.getStubMappings()).hasSize(pactStubs);
          assertThat(RawHttp.send(one.port(), kettle).status()).isEqualTo(200);

          one.resetMappings();

          assertThat(one.getStubMappings()).isEmpty();
        }
      } finally {
        started.stop();
        registered.stop();
      }
    }

    @Test
    void aPactThatCannotBeReadFailsAsBuildDoesAndNothingListens() throws IOException {
      Path file = dir.resolve("bad.json");
      Files.writeString(
          file, PRODUCTS.replace("{\"match\": \"integer\"}", "{\"match\": \"prime\"}"));
      try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
        int port = probe.getLocalPort();
        probe.close();
        assertThatThrownBy(() -> PactStubs.newInstance().pacts(file).start(options().port(port)))
            .isInstanceOf(PactFileException.class)
            .hasMessageContaining("unsupported matcher \"prime\"");
        // the port is still free: nothing was bound
        new java.net.ServerSocket(port).close();
      }
    }

    @Test
    void aPortInUseFailsWithWireMocksStartUpError() throws IOException {
      Path file = dir.resolve("checkout-service-inventory-service.json");
      Files.writeString(file, PRODUCTS);
      try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
        assertThatThrownBy(
                () ->
                    PactStubs.newInstance().pacts(file).start(options().port(taken.getLocalPort())))
            .isInstanceOf(com.github.tomakehurst.wiremock.common.FatalStartupException.class);
      }
    }
  }

  @Nested
  class Registration {

    @Test
    void theSameStubsServeTwoServersEachWithStubsOfItsOwn() throws IOException {
      PactStubs stubs = serve(PRODUCTS);
      WireMockServer second = new WireMockServer(stubs.configure(options().dynamicPort()));
      second.start();
      try {
        stubs.registerWith(second);
        Request kettle =
            request(
                "GET",
                "/products/7",
                Map.of("view", List.of("short")),
                Map.of("Accept", List.of("application/json")),
                null);
        assertThat(RawHttp.send(second.port(), kettle).status()).isEqualTo(200);

        second.resetMappings();
        assertThat(RawHttp.send(second.port(), kettle).status()).isEqualTo(404);
        assertThat(RawHttp.send(server.port(), kettle).status()).isEqualTo(200);
        assertThat(server.getStubMappings()).hasSize(stubs.interactions().size());
        assertThat(server.getStubMappings().get(0).getMetadata().getString("consumer"))
            .isEqualTo(stubs.interactions().get(0).consumer());
      } finally {
        second.stop();
      }
    }
  }
}
