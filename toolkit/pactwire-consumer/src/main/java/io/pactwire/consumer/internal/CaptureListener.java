package io.pactwire.consumer.internal;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Records, while a test runs, the first exchange of each matched stub, and prepares it ({@link
 * Capture#example}) in the background as soon as WireMock has its response: the consumer's test
 * goes on while its interactions are built. The test's end ({@link Recording#examples}) prepares
 * any example not started yet itself and waits for the others, so nothing depends on the background
 * thread getting to it.
 *
 * <p>Exchanges are taken before the response is sent, not after: a client that has its response may
 * end the test before an after-send hook runs.
 */
public final class CaptureListener implements ServeEventListener {

  // One daemon thread for all servers of the JVM, gone when idle: preparing is CPU work, and a test
  // that needs an example before the thread got to it prepares it itself.
  private static final Executor BACKGROUND = background();

  private volatile Recording recording;

  @Override
  public String getName() {
    return "pactwire-capture";
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  /**
   * Starts recording a test's exchanges. Exchanges go to the recording started last: tests that run
   * at once on one server cannot tell theirs apart.
   */
  public Recording startRecording(Capture.Setup setup) {
    Recording started = new Recording(setup);
    recording = started;
    return started;
  }

  /** Stops {@code stopped}: exchanges served from now on are not its. */
  public void stopRecording(Recording stopped) {
    if (recording == stopped) {
      recording = null;
    }
  }

  @Override
  public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
    Recording current = recording;
    if (current != null && serveEvent.getWasMatched() && serveEvent.getStubMapping() != null) {
      current.served(serveEvent);
    }
  }

  /** One test's examples, in serving order. */
  public static final class Recording {

    private final Capture.Setup setup;
    private final Map<Object, FutureTask<Capture.Example>> stubs = new ConcurrentHashMap<>();
    private final Queue<FutureTask<Capture.Example>> order = new ConcurrentLinkedQueue<>();

    private Recording(Capture.Setup setup) {
      this.setup = setup;
    }

    // A stub's description and states do not depend on the request: its first exchange is the
    // example. Its response is complete; preparing it starts while WireMock sends it, and is done
    // or under way when the test, which waits for the response, ends.
    private void served(ServeEvent event) {
      StubMapping mapping = event.getStubMapping();
      boolean[] first = new boolean[1];
      // Queued within computeIfAbsent: another request to the stub, served at the same time, waits
      // for it, so the example is queued before either response is sent.
      FutureTask<Capture.Example> task =
          stubs.computeIfAbsent(
              mapping.getId() == null ? mapping : mapping.getId(),
              stub -> {
                FutureTask<Capture.Example> created =
                    new FutureTask<>(() -> Capture.example(event, setup));
                order.add(created);
                first[0] = true;
                return created;
              });
      if (first[0]) {
        BACKGROUND.execute(task);
      }
    }

    /**
     * The examples, in serving order, each prepared: here when the background thread has not
     * started it (a task runs once), else as that thread leaves it.
     *
     * @throws RuntimeException what preparing an example threw
     */
    public List<Capture.Example> examples() {
      List<Capture.Example> examples = new ArrayList<>();
      boolean interrupted = false;
      try {
        for (FutureTask<Capture.Example> task : order) {
          task.run();
          // Waits however the test left its thread: an interrupt it set for itself must not lose
          // an example the background thread is finishing.
          while (true) {
            try {
              examples.add(task.get());
              break;
            } catch (InterruptedException e) {
              interrupted = true;
            } catch (ExecutionException e) {
              if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
              }
              if (e.getCause() instanceof Error error) {
                throw error;
              }
              throw new IllegalStateException(e.getCause());
            } catch (CancellationException e) {
              throw new IllegalStateException("capture of a finished test was cancelled", e);
            }
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      return examples;
    }

    /** Drops the examples: the test failed, or ended without them. */
    public void cancel() {
      order.forEach(task -> task.cancel(false));
    }
  }

  private static Executor background() {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            1,
            1,
            10,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "pactwire-capture");
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
