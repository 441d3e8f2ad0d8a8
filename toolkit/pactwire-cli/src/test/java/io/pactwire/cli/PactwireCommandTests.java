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
import java.util.List;
import java.util.stream.Stream;
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

  /**
   * Surefire sets {@code pact_do_not_track} for every test JVM, so the property is cleared first:
   * otherwise this test passes whatever the command line does.
   */
  @Test
  void theCommandLineTurnsOffPactAnalytics() {
    String surefires = System.clearProperty("pact_do_not_track");
    try {
      run("--version");

      assertThat(System.getProperty("pact_do_not_track")).isEqualTo("true");
    } finally {
      if (surefires != null) {
        System.setProperty("pact_do_not_track", surefires);
      }
    }
  }

  @Nested
  class CommandsBuilt {

    @Test
    void aCommandLineThatNamesACommandBuildsThatCommandOnly() {
      assertThat(PactwireCommand.commandLine("verify", "--provider", "p").getSubcommands())
          .containsOnlyKeys("verify");
    }

    @Test
    void helpTheCompletionScriptAndNoCommandBuildEveryCommand() {
      int all = PactwireCommand.commandLine().getSubcommands().size();

      assertThat(all).isEqualTo(16);
      assertThat(PactwireCommand.commandLine("help", "verify").getSubcommands()).hasSize(all);
      assertThat(PactwireCommand.commandLine("completion").getSubcommands()).hasSize(all);
      assertThat(PactwireCommand.commandLine("--help").getSubcommands()).hasSize(all);
    }

    @Test
    void aMisspeltCommandReadsAsWithEveryCommandBuilt() {
      Run r = run("verfy", "--provider", "p");

      assertThat(r.exit).isEqualTo(2);
      assertThat(r.err)
          .isEqualTo(runThroughPicocli("verfy", "--provider", "p").err)
          .startsWith("Unmatched arguments from index 0: 'verfy'");
    }
  }

  @Nested
  class HelpAndVersion {

    @Test
    void noArgumentsPrintsUsageOnStderrAndExitsTwo() {
      Run r = run();

      assertThat(r.exit).isEqualTo(2);
      assertThat(r.out).isEmpty();
      assertThat(r.err).startsWith("Usage: pactwire ").contains("check-openapi");
      assertThat(r.err).isEqualTo(run("--help").out);
    }

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

    // no findings because nothing was judged is no pass
    @Test
    void aPactWithNothingTheSpecDescribesIsOneLineWithExitTwo(@TempDir Path dir)
        throws IOException {
      String good = Files.readString(Path.of(GOOD));
      Path none =
          Files.writeString(
              dir.resolve("none.json"),
              good.replaceFirst("(?s)\"interactions\": \\[.*]", "\"interactions\": []"));
      Path messages =
          Files.writeString(
              dir.resolve("messages.json"),
              "{\"consumer\": {\"name\": \"a\"}, \"provider\": {\"name\": \"b\"},"
                  + " \"interactions\": [{\"type\": \"Asynchronous/Messages\", \"description\":"
                  + " \"an event\", \"contents\": {\"content\": {}, \"contentType\":"
                  + " \"application/json\"}}],"
                  + " \"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}}}");

      Run empty = run("check-openapi", "--pact", none.toString(), "--spec", SPEC);
      Run events = run("check-openapi", "--pact", messages.toString(), "--spec", SPEC);

      assertThat(empty.exit).isEqualTo(2);
      assertThat(empty.err)
          .isEqualTo(
              "pactwire check-openapi: "
                  + none
                  + ": nothing to check: the pact has no interactions\n");
      assertThat(events.exit).isEqualTo(2);
      assertThat(events.err)
          .isEqualTo(
              "pactwire check-openapi: "
                  + messages
                  + ": nothing to check: none of its 1 interactions is of a kind the documents"
                  + " describe (HTTP interactions take an OpenAPI document, messages an AsyncAPI"
                  + " one)\n");
      assertThat(empty.out + events.out).isEmpty();
    }
  }

  @Nested
  class UnreadableInput {

    static final String BAD = "src/test/resources/unreadable/";

    /**
     * Each file the command line cannot use, named by either option, as the user named it: exit 2,
     * nothing on stdout, one line on stderr. The golden file lists every case with what it prints.
     */
    @Test
    void everyUnreadableInputExitsTwoWithOneLineMatchingTheGoldenText() throws IOException {
      List<List<String>> cases =
          List.of(
              List.of("--pact", BAD + "missing.json", "--spec", SPEC),
              List.of("--pact", GOOD, "--spec", BAD + "missing.yaml"),
              List.of("--pact", BAD.substring(0, BAD.length() - 1), "--spec", SPEC),
              List.of("--pact", GOOD, "--spec", BAD.substring(0, BAD.length() - 1)),
              List.of("--pact", BAD + "garbage.bin", "--spec", SPEC),
              List.of("--pact", GOOD, "--spec", BAD + "garbage.bin"),
              // files that are JSON but not a pact: each was once checked with "0 errors"
              List.of("--pact", BAD + "hello.json", "--spec", SPEC),
              List.of("--pact", BAD + "interactions-oops.json", "--spec", SPEC),
              List.of("--pact", BAD + "null.json", "--spec", SPEC),
              List.of("--pact", BAD + "array.json", "--spec", SPEC),
              List.of("--pact", BAD + "status-text.json", "--spec", SPEC),
              // a rule path pact-jvm's matching engine cannot read
              List.of("--pact", BAD + "rule-path.json", "--spec", SPEC));
      StringBuilder transcript = new StringBuilder();
      for (List<String> options : cases) {
        String[] args =
            Stream.concat(Stream.of("check-openapi"), options.stream()).toArray(String[]::new);
        Run r = run(args);
        assertThat(r.exit).as("exit of %s", options).isEqualTo(2);
        assertThat(r.out).as("stdout of %s", options).isEmpty();
        assertThat(r.err.lines()).as("stderr of %s", options).hasSize(1);
        assertThat(runThroughPicocli(args)).as("picocli's reading of %s", options).isEqualTo(r);
        transcript.append("$ pactwire ").append(String.join(" ", args)).append('\n');
        transcript.append(r.err).append("exit ").append(r.exit).append("\n\n");
      }
      Golden.assertMatches("unreadable.txt", transcript.toString());
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

  @Nested
  class FaultsAndUsageErrors {

    @TempDir Path dir;

    @Test
    void aFaultIsOneLineAndExitTwoNotAVerdict() throws IOException {
      Path notAFolder = Files.writeString(dir.resolve("store"), "a regular file");
      Path pact =
          Files.writeString(
              dir.resolve("checkout-service-inventory-service.json"), StoreCommandsTests.PACT);

      Run r =
          run(
              "publish",
              "--consumer-version",
              "1.0.0",
              "--store",
              notAFolder.toString(),
              pact.toString());

      assertThat(r.exit).isEqualTo(2);
      assertThat(r.err).startsWith("pactwire publish: ").contains(notAFolder.toString());
      assertThat(r.err.lines()).hasSize(1);
    }

    @Test
    void aMissingRequiredOptionIsOneLineWithTheWayToHelp() {
      Run r = run("can-i-deploy", "--latest");

      assertThat(r.exit).isEqualTo(2);
      assertThat(r.err.lines())
          .containsExactly(
              "Missing required options: '--pacticipant=P', '--version=V'"
                  + " (try 'pactwire can-i-deploy --help')");
    }

    @Test
    void credentialsInAUrlAreNotShown() {
      assertThat(
              PactwireCommand.redact(
                  "cannot reach https://ci:s3cret@broker.example.com/pacts and http://t0ken@h"))
          .isEqualTo("cannot reach https://****@broker.example.com/pacts and http://****@h");
    }
  }
}
