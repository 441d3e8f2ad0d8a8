package io.pactwire.verifier;

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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * pact-jvm's own JUnit 5 runner on the benchmark's pact, for bench/verify/run.sh; not part of the
 * build (its name is not a test's). Provider states are POSTed to the provider's state URL, as
 * {@code pactwire verify} does. Run by the script with {@code -Dtest=PactJvmRunnerBenchmark
 * -Dbench.port=PORT}; it reads target/bench-pacts.
 */
@Provider("bench-provider")
@PactFolder("target/bench-pacts")
class PactJvmRunnerBenchmark {

  private static final int PORT = Integer.getInteger("bench.port", 8080);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final AtomicInteger VERIFIED = new AtomicInteger();
  private static long start;

  @BeforeAll
  static void begin() {
    start = System.nanoTime();
  }

  @AfterAll
  static void end() {
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "pact-jvm junit5: %d interactions in %.3f s (%.0f/s)%n",
        VERIFIED.get(),
        seconds,
        VERIFIED.get() / seconds);
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(new HttpTestTarget("127.0.0.1", PORT));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    try {
      context.verifyInteraction();
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
