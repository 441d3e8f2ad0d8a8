package io.pactwire.cli;

import static io.pactwire.cli.PactwireCommandTests.DIR;
import static io.pactwire.cli.PactwireCommandTests.DRIFTED;
import static io.pactwire.cli.PactwireCommandTests.GOOD;
import static io.pactwire.cli.PactwireCommandTests.SPEC;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.cli.CheckOpenApiCommand.Format;
import io.pactwire.cli.CheckOpenApiCommand.Request;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A plain check line is read without picocli, and only when picocli would read it the same. */
class PlainCheckTests {

  @Test
  void readsBothOptionFormsAndRepeatedSpecs() {
    assertThat(
            PlainCheck.parse(
                new String[] {
                  "check-openapi",
                  "--pact=p.json",
                  "--spec",
                  "a.yaml",
                  "--format",
                  "json",
                  "--spec=b.yaml",
                  "--ignore-matching-rules"
                }))
        .contains(
            new Request(
                Path.of("p.json"),
                List.of(Path.of("a.yaml"), Path.of("b.yaml")),
                true,
                Format.json));
  }

  @Test
  void theFormatDefaultsToText() {
    assertThat(PlainCheck.parse(new String[] {"check-openapi", "--spec", "a", "--pact", "p"}))
        .contains(new Request(Path.of("p"), List.of(Path.of("a")), false, Format.text));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        // another command, or none
        "--help",
        "",
        "help check-openapi",
        // help and version are picocli's to print
        "check-openapi --pact p.json --spec a.yaml --help",
        "check-openapi --pact p.json --spec a.yaml -h",
        "check-openapi --pact p.json --spec a.yaml -V",
        // an option picocli would refuse, or one this reader does not know
        "check-openapi --pact p.json --spec a.yaml --colour",
        "check-openapi --pact p.json --pact q.json --spec a.yaml",
        "check-openapi --pact p.json --spec a.yaml --ignore-matching-rules=false",
        "check-openapi --pact p.json --spec a.yaml --ignore-matching-rules --ignore-matching-rules",
        "check-openapi --pact p.json --spec a.yaml --format json --format text",
        // a format picocli would refuse (its enum names are case-sensitive)
        "check-openapi --pact p.json --spec a.yaml --format JSON",
        "check-openapi --pact p.json --spec a.yaml --format=xml",
        // a missing value or a missing required option
        "check-openapi --pact p.json --spec",
        "check-openapi --pact= --spec a.yaml",
        "check-openapi --spec a.yaml",
        "check-openapi --pact p.json",
        // an option where a value belongs, an @file for picocli to expand, end of options
        "check-openapi --pact --spec a.yaml",
        "check-openapi --pact p.json --spec -",
        "check-openapi @args.txt",
        "check-openapi --pact @p.json --spec a.yaml",
        "check-openapi -- --pact p.json --spec a.yaml",
        // positional arguments
        "check-openapi --pact p.json --spec a.yaml extra"
      })
  void leavesEveryOtherCommandLineToPicocli(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    assertThat(PlainCheck.parse(args)).isEmpty();
  }

  static Stream<String> commandLines() {
    return Stream.of(
        "check-openapi --pact " + GOOD + " --spec " + SPEC,
        "check-openapi --pact " + DRIFTED + " --spec " + SPEC,
        "check-openapi --pact=" + DRIFTED + " --spec=" + SPEC + " --format=json",
        "check-openapi --spec " + SPEC + " --pact " + DRIFTED + " --format junit",
        "check-openapi --pact " + DRIFTED + " --spec " + SPEC + " --ignore-matching-rules",
        "check-openapi --pact " + DRIFTED + " --spec " + DIR + "absent.yaml",
        "check-openapi --pact " + DIR + "absent.json --spec " + SPEC,
        "check-openapi --pact " + DIR + "absent.json --spec " + DIR + "absent.yaml",
        "check-openapi --pact " + DRIFTED + " --spec " + SPEC + " --format JSON",
        "check-openapi --pact " + DRIFTED + " --spec " + SPEC + " --format json --format text",
        "check-openapi --pact " + DRIFTED);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("commandLines")
  void mainPrintsAndExitsExactlyAsPicocliWould(String line) {
    String[] args = line.split(" ");

    assertThat(PactwireCommandTests.run(args))
        .isEqualTo(PactwireCommandTests.runThroughPicocli(args));
  }
}
