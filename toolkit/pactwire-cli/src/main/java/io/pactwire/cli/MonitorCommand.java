package io.pactwire.cli;

import io.pactwire.core.internal.Secrets;
import io.pactwire.record.DriftMonitor;
import io.pactwire.record.MonitorInputException;
import io.pactwire.record.MonitorRun;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire monitor}: replays a pact against a third party's live sandbox and reports new
 * drift.
 *
 * @since 0.1.0
 */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a pact's HTTP interactions against a live sandbox, judges each response with the"
          + " pact's matching rules (as pactwire verify does), appends the run to a history and"
          + " reports drift no earlier run saw. Credentials redacted in the pact are read from"
          + " PACTWIRE_SECRET_<NAME> (PACTWIRE_SECRET_AUTHORIZATION, PACTWIRE_SECRET_API_KEY).",
      "Exit status: 0 no new drift, 1 new drift, 2 unreadable input (a pact without HTTP"
          + " interactions, a corrupt history) or nothing judged (the sandbox answered no call)."
    })
final class MonitorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--pact", required = true, paramLabel = "FILE", description = "The pact.")
  Path pact;

  @Option(
      names = "--base-url",
      required = true,
      paramLabel = "URL",
      description = "The sandbox, e.g. https://api-m.sandbox.paypal.com.")
  String baseUrl;

  @Option(
      names = "--history",
      defaultValue = ".pactwire/monitor",
      paramLabel = "DIR",
      description =
          "The folder of the history (<consumer>-<provider>.jsonl). Default: ${DEFAULT-VALUE}.")
  Path history;

  @Option(
      names = "--allow-writes",
      description = "Also replays POST, PUT, PATCH and DELETE. Default: safe methods only.")
  boolean allowWrites;

  @Option(
      names = "--state-setup",
      paramLabel = "CMD",
      description =
          "A shell command run before each interaction with a provider state, once per state:"
              + " it gets {\"state\", \"params\", \"action\": \"setup\"} on standard input"
              + " and PACTWIRE_STATE, PACTWIRE_STATE_PARAMS, PACTWIRE_STATE_ACTION in its"
              + " environment. An interaction whose setup fails or outlasts --timeout is skipped."
              + " Default: none (every interaction is replayed as it is).")
  String stateSetup;

  @Option(
      names = "--rate",
      defaultValue = "5",
      paramLabel = "N",
      description = "Requests per second at most, retries included. Default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(
      names = "--timeout",
      defaultValue = "10",
      paramLabel = "S",
      description = "Seconds a request may take. Default: ${DEFAULT-VALUE}.")
  double timeout;

  @Option(
      names = "--retries",
      defaultValue = "2",
      paramLabel = "N",
      description =
          "How often a call that got no answer, a 5xx or a 429 is sent again, after 1 s, 2 s, …"
              + " Default: ${DEFAULT-VALUE}.")
  int retries;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description =
          "text (the run), markdown or html (the history as a timeline per interaction; the"
              + " run's lines go to stderr). Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DriftMonitor.Format rendering;
    try {
      rendering = DriftMonitor.Format.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return fail(err, "--format " + format + ": not text, markdown or html");
    }
    // each named as typed, before a run that would fail on it under another option's name
    if (!(timeout > 0) || Double.isInfinite(timeout)) {
      return fail(err, "--timeout " + timeout + ": must be more than 0 seconds");
    }
    if (!(rate > 0) || Double.isInfinite(rate)) {
      return fail(err, "--rate " + rate + ": must be more than 0 requests a second");
    }
    if (retries < 0) {
      return fail(err, "--retries " + retries + ": must be 0 or more");
    }
    try {
      URI url = URI.create(baseUrl);
      DriftMonitor monitor =
          DriftMonitor.newInstance(pact, url)
              .history(history)
              .allowWrites(allowWrites)
              .rate(rate)
              .timeout(Duration.ofMillis((long) (timeout * 1000)))
              .retries(retries)
              .stateSetup(stateSetup)
              .build();
      MonitorRun run = monitor.run();
      String report = DriftMonitor.report(run, url);
      if (rendering == DriftMonitor.Format.TEXT) {
        out.print(report);
      } else {
        err.print(report);
        out.print(DriftMonitor.timeline(run.history(), rendering));
      }
      out.flush();
      err.flush();
      return run.exitCode();
    } catch (MonitorInputException e) {
      return fail(err, e.getMessage());
    } catch (IllegalArgumentException e) {
      // the pact's own names are refused with their file; what else is refused is the URL
      String message = e.getMessage() == null ? "" : e.getMessage();
      return fail(
          err,
          message.contains("cannot name a")
              ? pact + ": " + message
              : "--base-url " + Secrets.shownUrl(String.valueOf(baseUrl)) + ": " + message);
    }
  }

  private static int fail(PrintWriter err, String message) {
    err.println("pactwire monitor: " + message);
    err.flush();
    return PactwireCommand.UNREADABLE;
  }
}
