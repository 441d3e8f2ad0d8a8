package io.pactwire.verifier;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.StateChangeAction;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * pact-jvm's own JUnit 5 runner on the benchmark's pact, for bench/verify/run.sh; not part of the
 * build (its name is not a test's). Provider states are POSTed to the provider's state URL, as
 * {@code pactwire verify} does. {@link #main} runs it through the JUnit Platform launcher, as an
 * IDE or a build tool's test task does, without Maven: the script times that whole process. It
 * reads target/bench-pacts; {@code -Dbench.port=PORT} names the provider's port, {@code
 * -Dbench.verdicts=FILE} a file to write each interaction's verdict to.
 */
@Provider("bench-provider")
@PactFolder("target/bench-pacts")
class PactJvmRunnerBenchmark {

  private static final int PORT = Integer.getInteger("bench.port", 8080);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final AtomicInteger VERIFIED = new AtomicInteger();
  private static final Map<String, String> VERDICTS = new ConcurrentSkipListMap<>();
  private static long start;

  /** Runs this class through the JUnit Platform launcher and prints the run's counts. */
  public static void main(String[] args) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(
        org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(PactJvmRunnerBenchmark.class))
            .build(),
        summary);
    System.out.printf(
        Locale.ROOT,
        "pact-jvm junit5 launcher: %d tests, %d succeeded, %d failed%n",
        summary.getSummary().getTestsFoundCount(),
        summary.getSummary().getTestsSucceededCount(),
        summary.getSummary().getTestsFailedCount());
  }

  @BeforeAll
  static void begin() {
    start = System.nanoTime();
  }

  @AfterAll
  static void end() throws IOException {
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "pact-jvm junit5: %d interactions in %.3f s (%.0f/s)%n",
        VERIFIED.get(),
        seconds,
        VERIFIED.get() / seconds);
    String verdicts = System.getProperty("bench.verdicts");
    if (verdicts != null) {
      Files.writeString(
          Path.of(verdicts),
          VERDICTS.entrySet().stream()
              .map(e -> e.getValue() + "\t" + e.getKey() + "\n")
              .collect(Collectors.joining()));
    }
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(new HttpTestTarget("127.0.0.1", PORT));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    String description = context.getInteraction().getDescription();
    VERDICTS.put(description, "failed");
    try {
      context.verifyInteraction();
      VERDICTS.put(description, "passed");
    } finally {
      VERIFIED.incrementAndGet();
    }
  }

  @State(value = "an item exists", action = StateChangeAction.SETUP)
  void setUp(Map<String, Object> params) throws IOException, InterruptedException {
    change("setup", params);
  }

  @State(value = "an item exists", action = StateChangeAction.TEARDOWN)
  void tearDown(Map<String, Object> params) throws IOException, InterruptedException {
    change("teardown", params);
  }

  private static void change(String action, Map<String, Object> params)
      throws IOException, InterruptedException {
    String body =
        "{\"state\":\"an item exists\",\"params\":{\"id\":"
            + params.get("id")
            + "},\"action\":\""
            + action
            + "\"}";
    CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/_pact/state"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
