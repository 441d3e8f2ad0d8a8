package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.hardening.BadInput;
import io.pactwire.hardening.Inputs;
import io.pactwire.hardening.KnownGaps;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every CLI command that reads pacts or specs, run in-process through picocli over every corpus
 * file: exit 2, one line on stderr naming the file (or, for a command that reads a folder, the
 * folder), no stack trace, nothing written.
 */
class CliCorpusTests {

  private static final ExecutorService RUNNER =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "cli-corpus");
            t.setDaemon(true); // a stub server that wrongly started is left behind, not waited on
            return t;
          });

  private static final List<String> REPORTED = new ArrayList<>();

  /** One command over one bad file: its arguments, given the work folder and the file. */
  private record Command(String name, boolean readsFolder, BiFunction<Path, Path, String[]> args) {}

  private static final List<Command> PACT_COMMANDS =
      List.of(
          new Command(
              "verify",
              false,
              (work, pact) ->
                  new String[] {
                    "verify",
                    "--provider",
                    Inputs.PROVIDER,
                    "--base-url",
                    "http://127.0.0.1:9",
                    "--timeout",
                    "2",
                    "--pact",
                    pact.toString(),
                    "--out",
                    work.resolve("out").toString(),
                    "--store",
                    work.resolve("store").toString()
                  }),
          new Command(
              "stub",
              true,
              (work, pacts) ->
                  new String[] {
                    "stub",
                    "--pacts",
                    pacts.toString(),
                    "--provider",
                    Inputs.PROVIDER,
                    "--port",
                    "0"
                  }),
          new Command(
              "check-openapi",
              false,
              (work, pact) ->
                  new String[] {
                    "check-openapi", "--pact", pact.toString(), "--spec", spec(work).toString()
                  }),
          new Command(
              "diff",
              false,
              (work, pact) -> new String[] {"diff", goodPact(work).toString(), pact.toString()}),
          new Command(
              "usage",
              true,
              (work, pacts) ->
                  new String[] {
                    "usage", "--provider", Inputs.PROVIDER, "--pacts", pacts.toString()
                  }),
          new Command(
              "impact",
              true,
              (work, pacts) ->
                  new String[] {
                    "impact",
                    "--provider",
                    Inputs.PROVIDER,
                    "--pacts",
                    pacts.toString(),
                    "--spec",
                    spec(work).toString(),
                    "--base-spec",
                    spec(work).toString()
                  }),
          new Command(
              "publish",
              true,
              (work, pacts) ->
                  new String[] {
                    "publish",
                    "--consumer-version",
                    "1.0.0",
                    "--consumer",
                    Inputs.CONSUMER,
                    "--pacts",
                    pacts.toString(),
                    "--store",
                    work.resolve("store").toString()
                  }),
          // the pact in --out that the recording would be merged into, refused before recording
          new Command(
              "record",
              true,
              (work, out) ->
                  new String[] {
                    "record",
                    "--target",
                    "http://127.0.0.1:9",
                    "--consumer",
                    Inputs.CONSUMER,
                    "--provider",
                    Inputs.PROVIDER,
                    "--port",
                    "0",
                    "--out",
                    out.toString()
                  }),
          new Command(
              "monitor",
              false,
              (work, pact) ->
                  new String[] {
                    "monitor",
                    "--pact",
                    pact.toString(),
                    "--base-url",
                    "http://127.0.0.1:9",
                    "--history",
                    work.resolve("history").toString()
                  }));

  private static final List<Command> SPEC_COMMANDS =
      List.of(
          new Command(
              "check-openapi",
              false,
              (work, spec) ->
                  new String[] {
                    "check-openapi", "--pact", goodPact(work).toString(), "--spec", spec.toString()
                  }),
          new Command(
              "impact",
              false,
              (work, spec) ->
                  new String[] {
                    "impact",
                    "--provider",
                    Inputs.PROVIDER,
                    "--pacts",
                    goodPact(work).getParent().toString(),
                    "--spec",
                    spec.toString(),
                    "--base-spec",
                    spec(work).toString()
                  }),
          new Command(
              "usage",
              false,
              (work, spec) ->
                  new String[] {
                    "usage",
                    "--provider",
                    Inputs.PROVIDER,
                    "--pacts",
                    goodPact(work).getParent().toString(),
                    "--openapi",
                    spec.toString()
                  }));

  @TestFactory
  Stream<DynamicNode> everyCommandRefusesEveryBadPact() {
    return PACT_COMMANDS.stream()
        .map(
            command ->
                DynamicContainer.dynamicContainer(
                    "pactwire " + command.name(),
                    BadInput.of("pacts").stream().map(input -> run("pacts", command, input))));
  }

  @TestFactory
  Stream<DynamicNode> everyCommandRefusesEveryBadSpec() {
    return SPEC_COMMANDS.stream()
        .map(
            command ->
                DynamicContainer.dynamicContainer(
                    "pactwire " + command.name() + " (spec)",
                    BadInput.of("specs").stream().map(input -> run("specs", command, input))));
  }

  private static DynamicTest run(String kind, Command command, BadInput input) {
    String entryPoint = "cli " + command.name() + " (" + kind + ")";
    synchronized (REPORTED) {
      if (!REPORTED.contains(entryPoint)) {
        REPORTED.add(entryPoint);
      }
    }
    return DynamicTest.dynamicTest(
        input.name(),
        () ->
            KnownGaps.run(
                entryPoint,
                input,
                () -> {
                  Path work = tempDir();
                  Path file;
                  Path folder = null;
                  if (command.readsFolder()) {
                    folder = work.resolve("pacts");
                    mkdirs(folder);
                    input.placeIn(folder, Inputs.CONSUMER + "-" + Inputs.PROVIDER + ".json");
                    file = folder.resolve(Inputs.CONSUMER + "-" + Inputs.PROVIDER + ".json");
                  } else {
                    file = input.path();
                  }
                  String[] args = command.args().apply(work, command.readsFolder() ? folder : file);
                  Map<String, String> before = Inputs.snapshot(work);
                  StringWriter out = new StringWriter();
                  StringWriter err = new StringWriter();
                  int status = execute(args, out, err);
                  assertThat(status)
                      .as(
                          "exit status of pactwire %s over %s; stderr: %s",
                          command.name(), input, err)
                      .isEqualTo(2);
                  input.assertRefusal(err.toString(), file, folder);
                  assertThat(err.toString().strip())
                      .as("stderr of pactwire " + command.name())
                      .startsWith("pactwire " + command.name() + ": ");
                  assertThat(Inputs.snapshot(work))
                      .as("files after pactwire " + command.name() + " refused " + input)
                      .isEqualTo(before);
                }));
  }

  private static int execute(String[] args, StringWriter out, StringWriter err) {
    Future<Integer> run =
        RUNNER.submit(() -> Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true)));
    try {
      return run.get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      run.cancel(true);
      throw new AssertionError("pactwire " + String.join(" ", args) + " did not end in 60 s");
    } catch (Exception e) {
      throw new AssertionError("pactwire " + String.join(" ", args) + " threw " + e, e);
    }
  }

  private static Path spec(Path work) {
    Path spec = work.resolve("spec/inventory.yaml");
    return Files.exists(spec) ? spec : Inputs.write(spec, Inputs.SPEC);
  }

  private static Path goodPact(Path work) {
    Path pact = work.resolve("good/" + Inputs.CONSUMER + "-" + Inputs.PROVIDER + ".json");
    return Files.exists(pact) ? pact : Inputs.write(pact, Inputs.PACT);
  }

  private static Path tempDir() {
    return Inputs.tempDir("pactwire-cli-corpus");
  }

  private static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void report() {
    Inputs.deleteTempDirs();
    REPORTED.forEach(KnownGaps::report);
  }
}
