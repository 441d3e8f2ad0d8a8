package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.pactwire.consumer.testcases.ClientFailsOnUnmatchedTestCase;
import io.pactwire.consumer.testcases.ConflictingTestCase;
import io.pactwire.consumer.testcases.GivenTestCase;
import io.pactwire.consumer.testcases.InventoryClientTestCase;
import io.pactwire.consumer.testcases.OtherClassConflictTestCase;
import io.pactwire.consumer.testcases.ScenarioAndTwoProvidersTestCase;
import io.pactwire.consumer.testcases.SecretsTestCase;
import io.pactwire.consumer.testcases.TextBodySecretsTestCase;
import io.pactwire.consumer.testcases.UncontractableTestCase;
import io.pactwire.consumer.testcases.UnmatchedRequestTestCase;
import io.pactwire.core.PactFiles;
import io.pactwire.core.PactsDirectory;
import io.pactwire.testsupport.EngineRuns;
import io.pactwire.testsupport.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

class PactwireWireMockExtensionTests {

  @TempDir Path pacts;

  static Throwable failureOf(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .findFirst()
        .orElseThrow()
        .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
        .getThrowable()
        .orElseThrow();
  }

  @Nested
  class Capture {

    @Test
    void writesThePactOfAStubbedSuiteAsTheGoldenFile() throws IOException {
      EngineExecutionResults results =
          EngineRuns.run(InventoryClientTestCase.class, PactsDirectory.PROPERTY, pacts);

      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
      Path pact = pacts.resolve("checkout-service-inventory-service.json");
      Golden.assertMatches("checkout-service-inventory-service.json", Files.readString(pact));
    }

    @Test
    void writesAPactThatPactJvmLoads() {
      EngineRuns.run(InventoryClientTestCase.class, PactsDirectory.PROPERTY, pacts);

      var pact = PactFiles.read(pacts.resolve("checkout-service-inventory-service.json"));
      assertThat(pact.getInteractions())
          .extracting(i -> i.getDescription())
          .containsExactly("a request for a product", "a reservation within stock");
    }

    @Test
    void leavesTheFileByteIdenticalWhenTheSuiteRunsAgain() throws IOException {
      EngineRuns.run(InventoryClientTestCase.class, PactsDirectory.PROPERTY, pacts);
      Path pact = pacts.resolve("checkout-service-inventory-service.json");
      byte[] first = Files.readAllBytes(pact);
      long modified = Files.getLastModifiedTime(pact).toMillis();

      EngineExecutionResults again =
          EngineRuns.run(InventoryClientTestCase.class, PactsDirectory.PROPERTY, pacts);

      again.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
      assertThat(Files.readAllBytes(pact)).isEqualTo(first);
      assertThat(Files.getLastModifiedTime(pact).toMillis()).isEqualTo(modified);
    }
  }

  @Nested
  class UnmatchedRequests {

    @Test
    void failTheTestWithWireMocksNearMissReportAndAreNotRecorded() throws IOException {
      EngineExecutionResults results =
          EngineRuns.run(UnmatchedRequestTestCase.class, PactsDirectory.PROPERTY, pacts);

      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
      results
          .testEvents()
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  test("callsAPathNoStubServes"),
                  finishedWithFailure(
                      instanceOf(AssertionFailedError.class),
                      message(
                          m ->
                              m.startsWith(
                                  "checkout-service called unmatched-service with a request that"
                                      + " no stub matches, so it is not in"
                                      + " checkout-service-unmatched-service.json.\n")))));
      String failure = String.valueOf(failureOf(results));
      assertThat(failure).contains("/prodcuts/SKU-1001").contains("/products/SKU-1001");
      String pact = Files.readString(pacts.resolve("checkout-service-unmatched-service.json"));
      assertThat(pact)
          .contains("\"/health\"")
          .doesNotContain("prodcuts")
          .doesNotContain("/products/");
    }

    /**
     * The client under test fails on the 404 first, as most clients do: the near-miss report is
     * still the failure, and the client's exception is suppressed under it, not the other way
     * round.
     */
    @Test
    void leadTheFailureEvenWhenTheClientFailsFirst() throws IOException {
      EngineExecutionResults results =
          EngineRuns.run(ClientFailsOnUnmatchedTestCase.class, PactsDirectory.PROPERTY, pacts);

      results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
      Throwable failure =
          results.testEvents().failed().stream()
              .filter(e -> e.getTestDescriptor().getDisplayName().startsWith("readsAProduct"))
              .findFirst()
              .orElseThrow()
              .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
              .getThrowable()
              .orElseThrow();

      assertThat(failure).isInstanceOf(AssertionFailedError.class);
      // the whole message, WireMock's two-column diff naming the closest stub ("a product")
      Golden.assertMatches("unmatched-request-failure.txt", failure.getMessage());
      assertThat(failure.getSuppressed())
          .singleElement()
          .satisfies(
              suppressed ->
                  assertThat(suppressed)
                      .isInstanceOf(IllegalStateException.class)
                      .hasMessage("inventory-service answered 404"));
      assertThat(failure.getCause()).isNull();
    }

    @Test
    void leaveAFailureOfTheTestsOwnAlone() {
      EngineExecutionResults results =
          EngineRuns.run(ClientFailsOnUnmatchedTestCase.class, PactsDirectory.PROPERTY, pacts);

      results
          .testEvents()
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  test("failsForItsOwnReason"),
                  finishedWithFailure(
                      instanceOf(IllegalStateException.class),
                      message("a failure of the test's own"))));
    }
  }

  @Nested
  class Conflicts {

    @Test
    void failTheLaterTestNamingBothTests() {
      EngineExecutionResults results =
          EngineRuns.run(ConflictingTestCase.class, PactsDirectory.PROPERTY, pacts);

      results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(2).failed(2));
      String first = ConflictingTestCase.class.getName() + "#expectsAName";
      String second = ConflictingTestCase.class.getName() + "#expectsATitle";
      String fourth = ConflictingTestCase.class.getName() + "#wantsTheTitleOnceMore";
      results
          .testEvents()
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  test("expectsATitle"),
                  finishedWithFailure(
                      instanceOf(AssertionFailedError.class),
                      message(
                          m ->
                              m.startsWith(
                                      "conflicting interaction 'a request for a product' given 'a product exists' in ")
                                  && m.contains("recorded by " + first)
                                  && m.contains("by " + second)))));
      // The same inputs as a test that failed are no excuse: they conflict again.
      results
          .testEvents()
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  test("wantsTheTitleOnceMore"),
                  finishedWithFailure(
                      instanceOf(AssertionFailedError.class),
                      message(
                          m -> m.contains("recorded by " + first) && m.contains("by " + fourth)))));
    }

    @Test
    void acrossTestClassesFailTheLaterTestNamingBothAndKeepTheFile() throws IOException {
      EngineRuns.run(InventoryClientTestCase.class, PactsDirectory.PROPERTY, pacts);
      Path pact = pacts.resolve("checkout-service-inventory-service.json");
      String before = Files.readString(pact);

      EngineExecutionResults results =
          EngineRuns.run(OtherClassConflictTestCase.class, PactsDirectory.PROPERTY, pacts);

      results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
      results
          .testEvents()
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  test("expectsATitle"),
                  finishedWithFailure(
                      instanceOf(AssertionFailedError.class),
                      message(
                          m ->
                              m.contains(
                                      "recorded by "
                                          + InventoryClientTestCase.class.getName()
                                          + "#readsAProduct")
                                  && m.contains(
                                      "by "
                                          + OtherClassConflictTestCase.class.getName()
                                          + "#expectsATitle")))));
      assertThat(Files.readString(pact)).isEqualTo(before);
    }

    @Test
    void showTheRecordedAndTheNewInteractionAsExpectedAndActual() {
      EngineExecutionResults results =
          EngineRuns.run(ConflictingTestCase.class, PactsDirectory.PROPERTY, pacts);

      AssertionFailedError failure =
          (AssertionFailedError)
              results.testEvents().failed().stream()
                  .findFirst()
                  .orElseThrow()
                  .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                  .getThrowable()
                  .orElseThrow();
      assertThat(failure.getExpected().getStringRepresentation()).contains("\"name\"");
      assertThat(failure.getActual().getStringRepresentation()).contains("\"title\"");
    }
  }

  @Nested
  class Secrets {

    @Test
    void neverReachThePactOnlyPlaceholdersWithRegexMatchers() throws IOException {
      EngineExecutionResults results =
          EngineRuns.run(SecretsTestCase.class, PactsDirectory.PROPERTY, pacts);

      results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
      String pact = Files.readString(pacts.resolve("checkout-service-paypal-orders.json"));
      for (String secret : SecretsTestCase.SECRETS) {
        assertThat(pact).as("the pact must not contain %s", secret).doesNotContain(secret);
      }
      assertThat(pact)
          .contains("\"Authorization\" : [ \"Bearer <redacted>\" ]")
          .contains("\"regex\" : \"Bearer .+\"")
          .contains("\"Cookie\" : [ \"<redacted>\" ]")
          .contains("\"X-Api-Key\" : [ \"<redacted>\" ]")
          .contains("\"X-Tenant-Token\" : [ \"<redacted>\" ]")
          .contains("\"Set-Cookie\" : [ \"<redacted>\" ]")
          .contains("\"number\" : \"<redacted>\"")
          .contains("\"refresh\" : \"<redacted>\"")
          // a body field named as a credential is, without being named a secret path
          .contains("\"access_token\" : \"<redacted>\"")
          .contains("\"access_token\" : [ \"<redacted>\" ]")
          .contains("\"partner_key\" : [ \"<redacted>\" ]")
          .contains("\"locale\" : [ \"de-DE\" ]")
          // headers and fields whose names say they hold credentials
          .contains("\"X-Request-Token\" : [ \"<redacted>\" ]")
          .contains("\"X-Session-Token\" : [ \"<redacted>\" ]")
          .contains("\"temporaryPassword\" : \"<redacted>\"")
          // a boolean under such a name is no credential, and keeps its type
          .contains("\"mustChangePassword\" : true");
      Golden.assertMatches(
          "checkout-service-paypal-orders.json",
          Files.readString(pacts.resolve("checkout-service-paypal-orders.json")));
    }

    @Test
    void inBasicAuthCookiesFormsAndXmlAreRedactedAndAnyValueMatches() throws IOException {
      EngineExecutionResults results =
          EngineRuns.run(TextBodySecretsTestCase.class, PactsDirectory.PROPERTY, pacts);

      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
      Path file = pacts.resolve("checkout-service-sso.json");
      String text = Files.readString(file);
      for (String secret : TextBodySecretsTestCase.SECRETS) {
        assertThat(text).as("the pact must not contain %s", secret).doesNotContain(secret);
      }
      assertThat(text)
          // WireMock's withBasicAuth and withCookie match on these headers: the pact names them
          .contains("\"Authorization\" : [ \"Basic <redacted>\" ]")
          .contains("\"Cookie\" : [ \"SESSION=<redacted>\" ]")
          .contains("grant_type=password&username=ada&password=<redacted>&client_secret=<redacted>")
          .contains("access_token=<redacted>&token_type=bearer")
          // XML's own escapes: the element's text is <redacted>
          .contains("<wsse:Password>&lt;redacted&gt;</wsse:Password>")
          .contains("$['soap:Envelope']['soap:Body'].login['wsse:Password']['#text']")
          .contains("<access_token>&lt;redacted&gt;</access_token>")
          .contains("session-token=\\\"&lt;redacted&gt;\\\"");

      // the contract holds other credentials than the test's: with pact-jvm's own matching, the
      // requests and responses with other values match it
      au.com.dius.pact.core.model.Pact pact =
          au.com.dius.pact.core.model.DefaultPactReader.INSTANCE.loadPact(file.toFile());
      for (au.com.dius.pact.core.model.Interaction interaction : pact.getInteractions()) {
        au.com.dius.pact.core.model.SynchronousRequestResponse http =
            interaction.asSynchronousRequestResponse();
        au.com.dius.pact.core.model.IRequest request = http.getRequest().copy();
        au.com.dius.pact.core.model.Response response =
            new au.com.dius.pact.core.model.Response(
                http.getResponse().getStatus(),
                new java.util.HashMap<>(http.getResponse().getHeaders()),
                http.getResponse().getBody());
        String form = http.getRequest().getPath().equals("/oauth/token") ? "form" : "xml";
        if (form.equals("form")) {
          request.getHeaders().put("Authorization", List.of("Basic b3RoZXI6b3RoZXI="));
          request.setBody(
              au.com.dius.pact.core.model.OptionalBody.body(
                  "grant_type=password&username=ada&password=other&client_secret=other",
                  au.com.dius.pact.core.model.ContentType.Companion.fromString(
                      "application/x-www-form-urlencoded")));
          response.setBody(
              au.com.dius.pact.core.model.OptionalBody.body(
                  "access_token=other&token_type=bearer",
                  au.com.dius.pact.core.model.ContentType.Companion.fromString(
                      "application/x-www-form-urlencoded")));
        } else {
          request.setBody(
              au.com.dius.pact.core.model.OptionalBody.body(
                  "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                      + "<soap:Body><login xmlns:wsse=\"urn:wsse\"><user>ada</user>"
                      + "<wsse:Password>other</wsse:Password></login></soap:Body>"
                      + "</soap:Envelope>",
                  au.com.dius.pact.core.model.ContentType.Companion.fromString("application/xml")));
          response.setBody(
              au.com.dius.pact.core.model.OptionalBody.body(
                  "<auth session-token=\"other\"><access_token>other</access_token>"
                      + "<user>ada</user></auth>",
                  au.com.dius.pact.core.model.ContentType.Companion.fromString("application/xml")));
        }
        assertThat(
                au.com.dius.pact.core.matchers.RequestMatching.requestMismatches(
                        pact, http, request)
                    .getMismatches())
            .as("the %s request with other credentials", form)
            .isEmpty();
        assertThat(
                au.com.dius.pact.core.matchers.ResponseMatching.responseMismatches(
                    pact, http, response))
            .as("the %s response with other credentials", form)
            .isEmpty();
        // and the rules still hold the rest of the body to the example
        response.setBody(
            au.com.dius.pact.core.model.OptionalBody.body(
                form.equals("form")
                    ? "access_token=other&token_type=mac"
                    : "<auth session-token=\"other\"><access_token>other</access_token>"
                        + "<user>bob</user></auth>",
                http.getResponse().getBody().getContentType()));
        assertThat(
                au.com.dius.pact.core.matchers.ResponseMatching.responseMismatches(
                    pact, http, response))
            .as("the %s response with another value that is no credential", form)
            .isNotEmpty();
      }
    }
  }

  @Nested
  class WhatCannotBeAContract {

    @Test
    void isReportedOncePerStubLeftOutAndTheTestsStillPass() throws IOException {
      EngineExecutionResults results =
          EngineRuns.run(UncontractableTestCase.class, PactsDirectory.PROPERTY, pacts);

      results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3).failed(0));
      List<String> reports =
          results.allEvents().reportingEntryPublished().stream()
              .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("pactwire"))
              .toList();
      Path pact = pacts.resolve("checkout-service-behaviour-service.json");
      assertThat(reports)
          .containsExactlyInAnyOrder(
              "stub 'echo' uses response templating (transformer response-template), which a"
                  + " contract cannot express: left out of "
                  + pact,
              "stub 'slow' uses a delay (fixedDelayMilliseconds), which a contract cannot"
                  + " express: left out of "
                  + pact,
              "stub 'broken' uses a fault (CONNECTION_RESET_BY_PEER), which a contract cannot"
                  + " express: left out of "
                  + pact);
      String text = Files.readString(pact);
      assertThat(text).contains("\"/plain\"").doesNotContain("/echo", "/slow", "/broken");
    }
  }

  @Nested
  class StatesAndProviders {

    @Test
    void writeOnePactPerProviderWithScenarioAndAnnotatedStates() {
      String previous = System.getProperty("pactwire.pactsDir");
      EngineExecutionResults results =
          EngineRuns.run(ScenarioAndTwoProvidersTestCase.class, PactsDirectory.PROPERTY, pacts);

      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
      var inventory = PactFiles.read(pacts.resolve("checkout-service-inventory-service.json"));
      assertThat(inventory.getInteractions())
          .extracting(i -> i.getDescription() + " / " + i.getProviderStates().get(0).getName())
          .containsExactly(
              "GET /reservations/r-1 / reservation is Started",
              "GET /reservations/r-1 / reservation is released");
      var paypal = PactFiles.read(pacts.resolve("checkout-service-paypal-orders.json"));
      assertThat(paypal.getInteractions()).hasSize(1);
      var state = paypal.getInteractions().get(0).getProviderStates().get(0);
      assertThat(state.getName()).isEqualTo("an order can be created");
      assertThat(state.getParams()).isEqualTo(Map.of("currency", "EUR"));
      assertThat(paypal.getInteractions().get(0).getDescription()).isEqualTo("create an order");
      assertThat(System.getProperty("pactwire.pactsDir")).isEqualTo(previous);
    }

    @Test
    void comeFromEachTestsOwnGivenElseFromItsClasss() {
      EngineExecutionResults results =
          EngineRuns.run(GivenTestCase.class, PactsDirectory.PROPERTY, pacts);

      results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
      var pact = PactFiles.read(pacts.resolve("checkout-service-catalogue-service.json"));
      assertThat(pact.getInteractions())
          .extracting(
              i -> i.getDescription() + " / " + i.getProviderStates().get(0).getName(),
              i -> i.getProviderStates().get(0).getParams())
          .containsExactly(
              tuple("a product / a product exists", Map.of("sku", "SKU-1")),
              tuple("the catalogue / a catalogue exists", Map.of()));
    }
  }
}
