package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactwire.openapi.SpecException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The early check starts only for command lines it reads exactly as picocli does. */
class EarlyCheckTests {

  @AfterEach
  void nothingLeftStarted() {
    EarlyCheck.take(new EarlyCheck.Inputs(Path.of("x"), List.of(Path.of("y")), false));
  }

  @Test
  void readsBothOptionFormsAndRepeatedSpecs() {
    assertThat(
            EarlyCheck.inputs(
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
            new EarlyCheck.Inputs(
                Path.of("p.json"), List.of(Path.of("a.yaml"), Path.of("b.yaml")), true));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        // another command, or none
        "--help",
        "",
        // help and version are picocli's to print
        "check-openapi --pact p.json --spec a.yaml --help",
        "check-openapi --pact p.json --spec a.yaml -h",
        // an option picocli would refuse, or one this reader does not know
        "check-openapi --pact p.json --spec a.yaml --colour",
        "check-openapi --pact p.json --pact q.json --spec a.yaml",
        "check-openapi --pact p.json --spec a.yaml --ignore-matching-rules=false",
        // a missing value or a missing required option
        "check-openapi --pact p.json --spec",
        "check-openapi --spec a.yaml",
        "check-openapi --pact p.json",
        // positional arguments
        "check-openapi --pact p.json --spec a.yaml extra"
      })
  void leavesEveryOtherCommandLineToPicocli(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    assertThat(EarlyCheck.inputs(args)).isEmpty();
  }

  @Test
  void theCommandUsesTheEarlyFindingsOnlyForTheSameInputs() {
    String[] args = {
      "check-openapi", "--pact", PactwireCommandTests.DRIFTED, "--spec", PactwireCommandTests.SPEC
    };
    EarlyCheck.Inputs same = EarlyCheck.inputs(args).orElseThrow();
    EarlyCheck.Inputs other =
        new EarlyCheck.Inputs(same.pact(), same.specs(), !same.ignoreMatchingRules());

    EarlyCheck.start(args);
    assertThat(EarlyCheck.take(other)).as("other inputs").isEmpty();
    EarlyCheck.start(args);
    assertThat(EarlyCheck.take(same)).hasValueSatisfying(f -> assertThat(f).isNotEmpty());
    assertThat(EarlyCheck.take(same)).as("taken once").isEmpty();
  }

  @Test
  void badInputFromTheEarlyRunReachesTheCommandAsItsOwnError() {
    String[] args = {
      "check-openapi", "--pact", "no-such.json", "--spec", PactwireCommandTests.SPEC
    };
    EarlyCheck.start(args);

    assertThatThrownBy(() -> EarlyCheck.take(EarlyCheck.inputs(args).orElseThrow()))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("no-such.json");
  }

  @Test
  void whenBothAreUnreadableTheSpecIsReportedFirstAsTheCommandDoesInProcess() {
    String[] args = {"check-openapi", "--pact", "no-such.json", "--spec", "no-such.yaml"};
    EarlyCheck.start(args);

    assertThatThrownBy(() -> EarlyCheck.take(EarlyCheck.inputs(args).orElseThrow()))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("no-such.yaml");
    assertThat(PactwireCommandTests.run(args).err())
        .startsWith("pactwire check-openapi: no-such.yaml");
  }
}
