package io.pactwire.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.testsupport.EngineRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Real credentials sent to a provider that checks them, in place of the placeholders the pacts
 * carry; and never written anywhere.
 */
class CredentialsTests {

  static final String TOKEN_PROPERTY = "pactwire.test.inventoryToken";

  private static final List<String> GUARDED =
      List.of(
          TestPacts.PRODUCT_WITH_TOKEN,
          TestPacts.STOCK_WITH_KEY,
          TestPacts.WHO_AM_I,
          TestPacts.HEALTH);

  @TempDir Path pacts;
  @TempDir Path reports;
  private String console;

  @BeforeEach
  void handOverTheToken() {
    System.setProperty(TOKEN_PROPERTY, GuardedInventoryProvider.TOKEN);
  }

  @AfterEach
  void takeItBack() {
    System.clearProperty(TOKEN_PROPERTY);
  }

  /** Runs {@code testCase} on {@code interactions}, keeping what it printed in {@link #console}. */
  private EngineExecutionResults verify(Class<?> testCase, List<String> interactions)
      throws IOException {
    TestPacts.write(pacts, interactions);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      return EngineRuns.run(
          testCase,
          TestPacts.FOLDER_PROPERTY,
          pacts,
          Map.of("pactwire.reportsDir", reports.toString(), "pactwire.results.publish", "false"));
    } finally {
      System.setOut(out);
      System.setErr(err);
      console = printed.toString(StandardCharsets.UTF_8);
    }
  }

  // pact-jvm prints a failed comparison with the provider's values as received: a session it
  // opened and a token it issued, which no request carried, are shown nowhere
  @Nested
  class IssuedByTheProvider {

    @Test
    void areInNoConsoleLineFailureOrReport() throws IOException {
      EngineExecutionResults results =
          verify(IssuedCredentialsTestCase.class, List.of(TestPacts.LOGIN_ISSUING));

      results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
      assertThat(console).contains("a login that opens a session");
      assertThat(console + failures(results))
          .doesNotContain("PROVIDER-SESSION-7a8b9c")
          .doesNotContain("PROVIDER-ISSUED-TOKEN-8b9c0d");
      assertNoSecretIn(reports, "PROVIDER-SESSION-7a8b9c", "PROVIDER-ISSUED-TOKEN-8b9c0d");
    }
  }

  @Nested
  class FromAnnotations {

    @Test
    void aProviderThatChecksCredentialsPassesEveryInteraction() throws IOException {
      EngineExecutionResults results = verify(CredentialsTestCase.class, GUARDED);

      assertThat(EngineRuns.outcomes(results).values()).containsOnly("SUCCESSFUL").hasSize(4);
      assertThat(InMemoryProviderCase.provider.authorizations)
          .contains(
              "/secure/products/SKU-5005 Bearer " + GuardedInventoryProvider.TOKEN,
              "/secure/me Bearer " + GuardedInventoryProvider.TOKEN);
    }

    @Test
    void anInteractionWithoutTheHeaderIsSentWithoutIt() throws IOException {
      verify(CredentialsTestCase.class, GUARDED);

      assertThat(InMemoryProviderCase.provider.authorizations).contains("/health (none)");
    }

    @Test
    void reportsAndTheConsoleShowThePlaceholderNeverTheSecret() throws IOException {
      verify(CredentialsTestCase.class, GUARDED);

      assertNoSecretIn(reports, GuardedInventoryProvider.TOKEN, GuardedInventoryProvider.API_KEY);
      assertThat(console)
          .contains("pact verification of inventory-service: 4 passed, 0 failed")
          .doesNotContain(GuardedInventoryProvider.TOKEN)
          .doesNotContain(GuardedInventoryProvider.API_KEY);
      String results = Files.readString(reports.resolve("results/inventory-service.json"));
      // the request as the pact has it, and the echoed token in the provider's answer, redacted
      assertThat(results)
          .contains("Authorization: Bearer <redacted>")
          .contains("api_key=<redacted>")
          .contains("\\\"token\\\" : \\\"<redacted>\\\"");
    }

    @Test
    void withoutThemTheProviderAnswers401AndTheFailureSaysSo() throws IOException {
      EngineExecutionResults results = verify(InMemoryStatesTestCase.class, GUARDED);

      Map<String, String> outcomes = EngineRuns.outcomes(results);
      assertThat(outcomes.get("checkout-service - a health check")).isEqualTo("SUCCESSFUL");
      assertThat(outcomes.get("checkout-service - a request for a product with a token"))
          .startsWith("verifying 'a request for a product with a token' failed with")
          .contains("status")
          .contains("expected: 200")
          .contains("actual:   401");
      assertThat(outcomes.get("checkout-service - a stock query with an API key"))
          .contains("actual:   401");
    }

    @Test
    void aSecretTheProviderEchoesIsRedactedInTheFailureAndReports() throws IOException {
      EngineExecutionResults results =
          verify(CredentialsTestCase.class, List.of(TestPacts.WHO_AM_I_WITH_TOKEN));

      String message =
          EngineRuns.outcomes(results)
              .get("checkout-service - a request for the caller and its token");
      // a field named as a credential shows neither value
      assertThat(message).contains("$.token").contains("actual:   \"<redacted>\"");
      assertThat(failures(results)).doesNotContain(GuardedInventoryProvider.TOKEN);
      assertNoSecretIn(reports, GuardedInventoryProvider.TOKEN);
      // pact-jvm prints the comparison with the provider's values; the console shows the
      // placeholder
      assertThat(console)
          .contains("$.token Expected '<redacted>'")
          .doesNotContain(GuardedInventoryProvider.TOKEN);
    }

    @Test
    void anUnsetVariableFailsTheClassWithOneLineNamingItAndTheHeader() throws IOException {
      EngineExecutionResults results = verify(MissingVariableTestCase.class, GUARDED);

      results.testEvents().assertStatistics(stats -> stats.started(0));
      assertThat(failures(results).lines().findFirst().orElse(""))
          .isEqualTo(
              "org.junit.jupiter.api.extension.ExtensionConfigurationException: environment"
                  + " variable PACTWIRE_TEST_NO_SUCH_TOKEN is not set: it gives the value of header"
                  + " Authorization (@Credential(header = \"Authorization\", value = \"Bearer"
                  + " ${env:PACTWIRE_TEST_NO_SUCH_TOKEN}\") on MissingVariableTestCase)");
    }
  }

  @Nested
  class FromACallback {

    @Test
    void mintsATokenForEachInteractionThatCarriesOne() throws IOException {
      MintedCredentialsTestCase.minted.clear();

      EngineExecutionResults results = verify(MintedCredentialsTestCase.class, GUARDED);

      assertThat(EngineRuns.outcomes(results).values()).containsOnly("SUCCESSFUL").hasSize(4);
      // the product and the caller carry Authorization; the stock query and health check do not
      assertThat(MintedCredentialsTestCase.minted)
          .as("%s", InMemoryProviderCase.provider.authorizations)
          .hasSize(2)
          .doesNotHaveDuplicates();
      for (String token : MintedCredentialsTestCase.minted) {
        assertThat(InMemoryProviderCase.provider.authorizations).anyMatch(a -> a.endsWith(token));
        assertNoSecretIn(reports, token);
        assertThat(console).doesNotContain(token);
      }
    }
  }

  @Nested
  class FromACallbackThatGivesNothing {

    @Test
    void failsEachInteractionThatNeedsItNamingTheHeader() throws IOException {
      EngineExecutionResults results =
          verify(EmptyCallbackTestCase.class, List.of(TestPacts.WHO_AM_I, TestPacts.HEALTH));

      Map<String, String> outcomes = EngineRuns.outcomes(results);
      assertThat(outcomes.get("checkout-service - a request for the caller"))
          .startsWith(
              "the ProviderCredentials header(\"Authorization\", supplier) callback gave an empty"
                  + " value");
      assertThat(outcomes.get("checkout-service - a health check")).isEqualTo("SUCCESSFUL");
    }
  }

  /** Every failure's stack trace, causes included, as the build would print it. */
  private static String failures(EngineExecutionResults results) {
    StringWriter text = new StringWriter();
    results.allEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .forEach(t -> t.printStackTrace(new PrintWriter(text)));
    return text.toString();
  }

  private static void assertNoSecretIn(Path folder, String... secrets) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files)
        .extracting(f -> f.getFileName().toString())
        .contains("inventory-service.xml", "inventory-service.md", "inventory-service.html");
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (String secret : secrets) {
        assertThat(text).as("%s", file).doesNotContain(secret);
      }
    }
  }
}
