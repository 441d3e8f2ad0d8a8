package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.testsupport.Golden;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line, run in-process as {@code Main} runs it, with stdout and stderr captured. */
class PactwireCommandTests {

  static final String DIR = "src/test/resources/check-openapi/";
  static final String SPEC = DIR + "orders.yaml";
  static final String GOOD = DIR + "good-pact.json";
  static final String DRIFTED = DIR + "drifted-pact.json";

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  /** The same, read by picocli whatever the command line. */
  static Run runThroughPicocli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = PactwireCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void theCommandLineTurnsOffPactAnalytics() {
    run("--version");
    assertThat(System.getProperty("pact_do_not_track")).isEqualTo("true");
  }

  @Nested
  class HelpAndVersion {

    @Test
    void rootHelpListsTheCommands() {
      Run r = run("--help");

      assertThat(r.exit).isZero();
      assertThat(r.out).startsWith("Usage: pactwire ").contains("check-openapi");
    }

    @Test
    void everyCommandHasHelp() {
      Run r = run("check-openapi", "--help");

      assertThat(r.exit).isZero();
      assertThat(r.out)
          .startsWith("Usage: pactwire check-openapi ")
          .contains(
              "--pact=FILE", "--spec=FILE", "--format=FORMAT", "1 errors, 2 unreadable input");
    }

    @Test
    void helpCommandToo() {
      assertThat(run("help", "check-openapi").out).startsWith("Usage: pactwire check-openapi ");
    }

    @Test
    void versionNamesTheBuild() {
      Run r = run("--version");

      assertThat(r.exit).isZero();
      assertThat(r.out).matches("(?s)pactwire \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\nJava .*");
    }
  }

  @Nested
  class CheckOpenApi {

    @Test
    void aConformingPactExitsZero() {
      Run r = run("check-openapi", "--pact", GOOD, "--spec", SPEC);

      assertThat(r.exit).isZero();
      assertThat(r.out).isEqualTo(GOOD + ": 0 errors, 0 warnings\n");
      assertThat(r.err).isEmpty();
    }

    @Test
    void errorsExitOneAndMatchTheGoldenText() throws IOException {
      Run r = run("check-openapi", "--pact", DRIFTED, "--spec", SPEC);

      assertThat(r.exit).isEqualTo(1);
      Golden.assertMatches("drifted.txt", r.out);
    }

    @Test
    void junitFormatMatchesTheGoldenFile() throws IOException {
      Run r = run("check-openapi", "--pact", DRIFTED, "--spec", SPEC, "--format", "junit");

      assertThat(r.exit).isEqualTo(1);
      Golden.assertMatches("drifted.junit.xml", r.out);
    }

    @Test
    void jsonFormatPrintsTheFindingsArrayAlone() throws IOException {
      Run r = run("check-openapi", "--pact", DRIFTED, "--spec", SPEC, "--format=json");

      assertThat(r.exit).isEqualTo(1);
      JsonNode findings = new ObjectMapper().readTree(r.out);
      assertThat(findings.isArray()).isTrue();
      assertThat(findings.findValuesAsText("code")).containsOnly("response.body.incompatible");
      assertThat(findings.findValuesAsText("type")).containsOnly("error");
    }

    @Test
    void matchingRulesCanBeIgnored(@TempDir Path dir) throws IOException {
      String pact =
          Files.readString(Path.of(GOOD))
              .replace(
                  "\"body\": {\"id\"",
                  "\"matchingRules\": {\"body\": {\"$.status\": {\"matchers\": [{\"match\": \"type\"}]}}},"
                      + " \"body\": {\"id\"");
      Path file = Files.writeString(dir.resolve("typed.json"), pact);

      assertThat(run("check-openapi", "--pact", file.toString(), "--spec", SPEC).exit).isEqualTo(1);
      assertThat(
              run(
                      "check-openapi",
                      "--pact",
                      file.toString(),
                      "--spec",
                      SPEC,
                      "--ignore-matching-rules")
                  .exit)
          .isZero();
    }
  }

  @Nested
  class UnreadableInput {

    @Test
    void aMissingSpecExitsTwoWithOneLineOnStderr() {
      Run r = run("check-openapi", "--pact", GOOD, "--spec", DIR + "absent.yaml");

      assertThat(r.exit).isEqualTo(2);
      assertThat(r.out).isEmpty();
      assertThat(r.err)
          .isEqualTo(
              "pactwire check-openapi: " + DIR + "absent.yaml: cannot read: NoSuchFileException\n");
    }

    @Test
    void aMalformedPactNamesLineAndColumn(@TempDir Path dir) throws IOException {
      Path pact = Files.writeString(dir.resolve("pact.json"), "{\"interactions\": [}");

      Run r = run("check-openapi", "--pact", pact.toString(), "--spec", SPEC);

      assertThat(r.exit).isEqualTo(2);
      assertThat(r.err).startsWith("pactwire check-openapi: " + pact + ":1:19: malformed JSON");
      assertThat(r.err.lines()).hasSize(1);
    }

    @Test
    void aMissingOptionIsAUsageError() {
      Run r = run("check-openapi", "--pact", GOOD);

      assertThat(r.exit).isEqualTo(2);
      assertThat(r.err).startsWith("Missing required option: '--spec=FILE'");
    }
  }
}
