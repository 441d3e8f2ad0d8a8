package io.pactwire.cli;

import static java.util.stream.Collectors.toSet;

import io.pactwire.broker.Broker;
import io.pactwire.broker.BrokerException;
import io.pactwire.broker.BrokerPact;
import io.pactwire.broker.PendingPacts;
import io.pactwire.core.PactsDirectory;
import io.pactwire.core.internal.JsonText;
import io.pactwire.core.internal.report.ConsoleSummary;
import io.pactwire.core.internal.report.HtmlReport;
import io.pactwire.core.internal.report.JunitXmlReport;
import io.pactwire.core.internal.report.MarkdownReport;
import io.pactwire.core.internal.report.ProviderVersion;
import io.pactwire.core.internal.report.ReportSettings;
import io.pactwire.core.internal.report.ResultsWriter;
import io.pactwire.core.internal.report.VerificationRun;
import io.pactwire.core.internal.report.VerifiedInteraction;
import io.pactwire.verifier.VerifierInputException;
import io.pactwire.verifier.internal.VerifierEngine;
import io.pactwire.verifier.internal.VerifyConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire verify}: verifies a running provider over HTTP against its pacts.
 *
 * @since 0.1.0
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Verifies a running provider over HTTP against every pact that names it, with pact-jvm's"
          + " matching (the verdicts of its JUnit 5 runner).",
      "Exit status: 0 all verified, 1 any interaction failed (pending ones aside), 2 unreadable"
          + " input or unreachable provider."
    })
final class VerifyCommand implements Callable<Integer> {

  /** How results are printed. */
  enum Format {
    text,
    json,
    junit,
    markdown,
    html
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--provider",
      required = true,
      paramLabel = "NAME",
      description = "The provider's name, as the pacts spell it.")
  String provider;

  @Option(
      names = "--base-url",
      required = true,
      paramLabel = "URL",
      description = "Where the provider answers, e.g. http://localhost:8080.")
  String baseUrl;

  @Option(
      names = "--pacts",
      paramLabel = "DIR",
      description = "The folder of pacts; default the project's pacts/ folder.")
  Path pactsDir;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description =
          "The contract store --publish records the results in, as the store commands take it;"
              + " default the pacts folder.")
  Path store;

  @Option(
      names = "--pact",
      arity = "1..*",
      paramLabel = "FILE",
      description = "Pact files to verify instead of a folder's.")
  List<Path> pactFiles = List.of();

  @Option(
      names = "--broker-url",
      paramLabel = "URL",
      description =
          "Verify the pacts a Pact Broker gives for this provider ('pacts for verification')"
              + " instead of a folder's. Credentials from PACT_BROKER_TOKEN, or"
              + " PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD; never printed.")
  String brokerUrl;

  @Option(
      names = "--consumer-version-selector",
      paramLabel = "JSON",
      description =
          "With --broker-url: which consumer versions' pacts, as the Broker documents selectors,"
              + " e.g. '{\"mainBranch\": true}' or '{\"deployedOrReleased\": true}'. Repeat for"
              + " several. Default: the Broker's.")
  List<String> selectors = List.of();

  @Option(
      names = "--enable-pending",
      description =
          "With --broker-url: ask the Broker which pacts are pending for the provider's branch"
              + " (--branch); a pending pact's failures are reported but do not fail the run.")
  boolean enablePending;

  @Option(
      names = "--include-wip-pacts-since",
      paramLabel = "DATE",
      description =
          "With --broker-url: also verify work-in-progress pacts published since DATE"
              + " (yyyy-MM-dd), as pending.")
  String includeWipPactsSince;

  @Option(
      names = "--state-change-url",
      paramLabel = "URL",
      description =
          "Where provider states are set up and torn down: POST {\"state\", \"params\","
              + " \"action\": \"setup\" | \"teardown\"}.")
  String stateChangeUrl;

  @Option(
      names = "--messages-url",
      paramLabel = "URL",
      description =
          "Where the provider produces messages: POST {\"description\", \"providerStates\"}"
              + " answered with the message as the body, its metadata as base64 JSON in a"
              + " Pact-Message-Metadata header.")
  String messagesUrl;

  @Option(
      names = "--consumer",
      arity = "1..*",
      paramLabel = "NAME",
      description = "Verify only these consumers' pacts.")
  List<String> consumers = List.of();

  @Option(
      names = "--provider-version",
      paramLabel = "V",
      description = "The provider's version in results; default from CI variables or git.")
  String providerVersion;

  @Option(
      names = "--branch",
      paramLabel = "B",
      description = "The provider's branch in results; default from CI variables or git.")
  String branch;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description =
          "What is printed: text, json, junit, markdown or html. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Also write results and every report (JUnit XML, Markdown, HTML) here.")
  Path out;

  @Option(
      names = {"--publish", "--publish-results"},
      negatable = true,
      description =
          "Also record the results in the contract store, one record per pact under"
              + " <store>/verifications/, as the JUnit provider module does (results and reports then go to --out, default"
              + " target/pactwire); with --broker-url, publish them to the Pact Broker for"
              + " --provider-version. Default: on when CI=true.")
  Boolean publish;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "Interactions without provider states verified at once. Default: the cores"
              + " (${DEFAULT-VALUE}).")
  int parallel = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--timeout",
      paramLabel = "S",
      description = "Seconds each request may take. Default: ${DEFAULT-VALUE}.")
  double timeout = 10;

  @Option(
      names = "--max-body-bytes",
      paramLabel = "N",
      description =
          "The largest response body or message read; a larger one fails its interaction."
              + " Default: ${DEFAULT-VALUE} (10 MB).")
  long maxBodyBytes = VerifyConfig.DEFAULT_MAX_BODY_BYTES;

  @Option(
      names = "--skip-messages",
      description =
          "Without --messages-url: verify the HTTP interactions only and exit 0 when they pass,"
              + " though the pacts also hold message interactions, which are named on standard"
              + " error. Without either option such a pact exits 1.")
  boolean skipMessages;

  @Option(
      names = "--timing",
      hidden = true,
      description = "Print the verification's duration and rate on standard error.")
  boolean timing;

  @Override
  public Integer call() {
    long called = System.nanoTime();
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    // each named as typed
    if (parallel < 1) {
      throw new ParameterException(
          spec.commandLine(), "--parallel " + parallel + ": must be 1 or more");
    }
    if (maxBodyBytes < 1) {
      throw new ParameterException(
          spec.commandLine(), "--max-body-bytes " + maxBodyBytes + ": must be 1 or more");
    }
    if (pactsDir != null && !pactFiles.isEmpty()) {
      // one would be left unread
      throw new ParameterException(
          spec.commandLine(),
          "--pact verifies the files it names, not the folder --pacts names: give one of them"
              + " (--store names where --publish records)");
    }
    if (brokerUrl != null && (pactsDir != null || !pactFiles.isEmpty())) {
      throw new ParameterException(
          spec.commandLine(),
          "--broker-url verifies the Broker's pacts: give it without --pacts or --pact");
    }
    if (brokerUrl == null && !selectors.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "--consumer-version-selector selects a Pact Broker's pacts: give --broker-url");
    }
    if (brokerUrl == null && (enablePending || includeWipPactsSince != null)) {
      throw new ParameterException(
          spec.commandLine(),
          "pending and work-in-progress pacts are a Pact Broker's: give --broker-url");
    }
    PendingPacts pending;
    try {
      boolean asked = enablePending || includeWipPactsSince != null;
      pending =
          asked
              ? new PendingPacts(true, providerBranch(), includeWipPactsSince)
              : PendingPacts.NONE;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Set<Path> pendingFiles = Set.of();
    Path fetchedDir = null;
    List<Path> files = pactFiles;
    if (brokerUrl != null) {
      try {
        // beside the reports, as the JUnit provider module keeps them: a failure names a file
        // that is still there to open
        fetchedDir =
            (out == null ? Path.of("target", "pactwire") : out)
                .resolve("broker-pacts")
                .resolve(provider)
                .toAbsolutePath();
        if (Files.isDirectory(fetchedDir)) {
          try (java.util.stream.Stream<Path> stale = Files.list(fetchedDir)) {
            for (Path p : stale.filter(f -> f.toString().endsWith(".json")).toList()) {
              Files.delete(p);
            }
          }
        }
        List<BrokerPact> fetched =
            Broker.connect(brokerUrl)
                .pactsForVerification(provider, selectors, pending, fetchedDir);
        if (fetched.isEmpty()) {
          stderr.println(
              "pactwire verify: the Pact Broker gave no pacts for "
                  + provider
                  + " to verify (selectors: "
                  + (selectors.isEmpty() ? "the Broker's default" : String.join(" ", selectors))
                  + ")");
          stderr.flush();
          return PactwireCommand.UNREADABLE;
        }
        files = fetched.stream().map(BrokerPact::file).toList();
        pendingFiles =
            fetched.stream().filter(BrokerPact::pending).map(BrokerPact::file).collect(toSet());
      } catch (BrokerException e) {
        stderr.println("pactwire verify: " + e.getMessage());
        stderr.flush();
        return PactwireCommand.UNREADABLE;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    VerifyConfig config;
    try {
      config =
          new VerifyConfig(
              provider,
              url("--base-url", baseUrl),
              fetchedDir != null
                  ? fetchedDir
                  : pactsDir == null ? PactsDirectory.locate() : pactsDir,
              files,
              stateChangeUrl == null ? null : url("--state-change-url", stateChangeUrl),
              messagesUrl == null ? null : url("--messages-url", messagesUrl),
              consumers,
              parallel,
              Duration.ofMillis(Math.round(timeout * 1000)),
              maxBodyBytes,
              pendingFiles);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (timeout <= 0) {
      throw new ParameterException(spec.commandLine(), "--timeout must be more than 0 seconds");
    }
    VerifierEngine.Run run;
    Progress progress = System.console() != null ? new Progress(stderr) : null;
    try {
      // the JSON and HTML reports show each exchange; text, JUnit XML and Markdown do not
      boolean exchanges =
          format == Format.json || format == Format.html || out != null || publishing();
      run = VerifierEngine.run(config, progress, exchanges);
    } catch (VerifierInputException e) {
      stderr.println("pactwire verify: " + e.getMessage());
      stderr.flush();
      return PactwireCommand.UNREADABLE;
    } finally {
      if (progress != null) {
        progress.clear();
      }
    }
    if (run.interactions().isEmpty()) {
      // a run that verified nothing would pass a CI gate it never checked; nothing is recorded
      stderr.println(
          "pactwire verify: nothing to verify: "
              + (run.skippedMessages() == 0
                  ? "no interaction"
                  : "no HTTP interaction, and "
                      + run.skippedMessages()
                      + " message interaction(s) that need --messages-url,")
              + " in the pacts with provider '"
              + provider
              + "' ("
              + (config.pactFiles().isEmpty()
                  ? config.pactsDir().toString()
                  : String.join(", ", config.pactFiles().stream().map(Path::toString).toList()))
              + ")");
      stderr.flush();
      return PactwireCommand.UNREADABLE;
    }
    if (run.skippedMessages() > 0) {
      stderr.println(
          "pactwire verify: "
              + run.skippedMessages()
              + " message interaction(s) not verified: give --messages-url where the provider"
              + " produces them"
              + (skipMessages ? "" : ", or pass --skip-messages to verify the HTTP ones only"));
      for (String message : run.skippedDescriptions()) {
        stderr.println("  not verified: " + message);
      }
    }
    long verified = System.nanoTime();
    VerificationRun results;
    try {
      results = report(run.interactions(), config.pactsDir());
    } catch (BrokerException e) {
      stderr.println("pactwire verify: " + e.getMessage());
      stderr.flush();
      return PactwireCommand.UNREADABLE;
    }
    stdout.print(render(results));
    stdout.flush();
    long reported = System.nanoTime();
    if (!run.pendingFailures().isEmpty()) {
      stderr.println(
          "pactwire verify: "
              + run.pendingFailures().size()
              + " pending interaction(s) failed; pending interactions do not fail the"
              + " verification:");
      for (VerifiedInteraction failed : run.pendingFailures()) {
        stderr.println(
            "  pending: "
                + failed.consumer()
                + " → "
                + failed.provider()
                + ": "
                + failed.result().description()
                + " ("
                + failed.pactFile()
                + ")");
      }
    }
    if (timing) {
      double seconds = run.elapsed().toNanos() / 1e9;
      stderr.printf(
          Locale.ROOT,
          "pactwire verify: %d interactions in %.3f s (%.0f/s); pacts read in %.3f s;"
              + " without provider states %.3f s, with them %.3f s; before them, from main, the"
              + " command line read in %.3f s; after them the results reported in %.3f s%n",
          run.interactions().size(),
          seconds,
          run.interactions().size() / seconds,
          run.phases().reading().toNanos() / 1e9,
          run.phases().stateless().toNanos() / 1e9,
          run.phases().stateful().toNanos() / 1e9,
          (called - Main.STARTED) / 1e9,
          (reported - verified) / 1e9);
    }
    stderr.flush();
    return run.success() && (skipMessages || run.skippedMessages() == 0) ? 0 : 1;
  }

  private VerificationRun report(List<VerifiedInteraction> interactions, Path pacts) {
    java.util.Map<String, String> env = System.getenv();
    boolean publishing = publishing();
    ReportSettings settings =
        new ReportSettings(
            out == null ? Path.of("target", "pactwire") : out,
            publishing,
            () -> store != null ? store : pacts,
            null,
            providerVersion != null ? providerVersion : ProviderVersion.version(k -> null, env),
            providerBranch());
    ResultsWriter writer = new ResultsWriter(settings, Broker.resultsPublisher());
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    if ((out != null || publishing) && !interactions.isEmpty()) {
      return writer.write(interactions, now).get(0);
    }
    return writer.summarise(provider, interactions, now);
  }

  /** The provider's branch: --branch, else from CI variables or git. */
  private String providerBranch() {
    return branch != null ? branch : ProviderVersion.branch(k -> null, System.getenv());
  }

  /** Whether the results are recorded (--publish, by default on when CI=true). */
  private boolean publishing() {
    return publish != null
        ? publish
        : "true".equalsIgnoreCase(System.getenv().getOrDefault("CI", ""));
  }

  private String render(VerificationRun results) {
    return switch (format) {
      case json -> JsonText.render(results);
      case junit -> JunitXmlReport.render(results);
      case markdown -> MarkdownReport.render(results);
      case html -> HtmlReport.render(results);
      case text -> text(results);
    };
  }

  /** Each failure in full, then one line per interaction. */
  static String text(VerificationRun results) {
    StringBuilder text = new StringBuilder();
    results.pacts().stream()
        .flatMap(p -> p.interactions().stream())
        .filter(i -> !i.success())
        .forEach(i -> text.append(i.message()).append("\n\n"));
    return text.append(ConsoleSummary.render(results)).toString();
  }

  private URI url(String option, String value) {
    try {
      URI uri = new URI(value);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            option + " must be an http or https URL with a host, not '" + value + "'");
      }
      if (uri.getPort() == 0 || uri.getPort() > 65535) {
        throw new IllegalArgumentException(
            option + " '" + value + "': a port is from 1 to 65535, not " + uri.getPort());
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          option + " '" + value + "' is not a URL: " + e.getReason());
    }
  }

  /** One line on standard error, rewritten as interactions finish, for a person watching. */
  private static final class Progress implements IntConsumer {
    private final PrintWriter err;
    private long last;

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public synchronized void accept(int done) {
      long now = System.nanoTime();
      if (now - last > 100_000_000L) {
        last = now;
        err.print("\rverified " + done + " interactions");
        err.flush();
      }
    }

    synchronized void clear() {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
