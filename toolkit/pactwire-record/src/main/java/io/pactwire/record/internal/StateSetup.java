package io.pactwire.record.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs a user's state-setup command for one provider state: the monitor's side of Pact's
 * state-change convention, for a sandbox that has no state-change URL.
 */
public final class StateSetup {

  private static final int SHOWN_OUTPUT = 200;

  private StateSetup() {}

  /**
   * Runs {@code command} through the platform's shell with {@code change} ({@code state}, {@code
   * params}, {@code action}) on standard input and in the environment.
   *
   * @return why the state could not be set up, or null when the command exited 0 in time
   */
  public static String run(String command, ObjectNode change, Duration timeout) {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    ProcessBuilder builder =
        new ProcessBuilder(windows ? List.of("cmd", "/c", command) : List.of("sh", "-c", command))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectErrorStream(false);
    builder.environment().put("PACTWIRE_STATE", change.path("state").asText());
    builder.environment().put("PACTWIRE_STATE_PARAMS", change.path("params").toString());
    builder.environment().put("PACTWIRE_STATE_ACTION", change.path("action").asText());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return "the state setup '" + command + "' did not start: " + e.getMessage();
    }
    try (OutputStream in = process.getOutputStream()) {
      in.write(change.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // a command that reads nothing closes its input: not a failure of the setup
    }
    try {
      // the command's own stderr is the best account of a failure; read it while it runs
      byte[] stderr;
      try (InputStream err = process.getErrorStream()) {
        byte[][] read = new byte[1][];
        Thread reader =
            new Thread(
                () -> {
                  try {
                    read[0] = err.readAllBytes();
                  } catch (IOException e) {
                    read[0] = new byte[0];
                  }
                },
                "pactwire-state-setup-stderr");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          return "the state setup did not finish within " + seconds(timeout);
        }
        reader.join(1000);
        stderr = read[0] == null ? new byte[0] : read[0];
      }
      int exit = process.exitValue();
      if (exit == 0) {
        return null;
      }
      String said = firstLine(new String(stderr, StandardCharsets.UTF_8));
      return "the state setup exited " + exit + (said.isEmpty() ? "" : ": " + said);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("state setup interrupted", e);
    } catch (IOException e) {
      return "the state setup failed: " + e.getMessage();
    }
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > SHOWN_OUTPUT ? line.substring(0, SHOWN_OUTPUT) + "…" : line;
  }

  private static String seconds(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
