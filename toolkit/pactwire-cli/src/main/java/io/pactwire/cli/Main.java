package io.pactwire.cli;

import io.pactwire.verifier.internal.VerifierEngine;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Entry point of {@code pactwire.jar}.
 *
 * @since 0.1.0
 */
public final class Main {

  /** When {@code main} began: what {@code verify --timing} counts its start-up phase from. */
  static final long STARTED = System.nanoTime();

  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // Reports are UTF-8 whatever the locale: JSON must be, and the JUnit XML says it is.
    PrintWriter out = new Stdout(new FileOutputStream(FileDescriptor.out));
    PrintWriter err = utf8(new FileOutputStream(FileDescriptor.err));
    int status = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Runs the command line: a plain {@code check-openapi} line directly, any other through picocli.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    // pact-jvm sends usage analytics unless told not to; a build tool must never phone home
    System.setProperty("pact_do_not_track", "true");
    if (args.length > 0 && args[0].equals("verify") && !asksForHelp(args)) {
      // picocli's start-up (0.2 s of CPU) takes one core; the other loads the verifier meanwhile
      VerifierEngine.prepare();
    }
    Optional<CheckOpenApiCommand.Request> plain = PlainCheck.parse(args);
    if (plain.isPresent()) {
      return plain.get().run(out, err);
    }
    CommandLine cli = PactwireCommand.commandLine(args);
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  private static boolean asksForHelp(String[] args) {
    for (String a : args) {
      if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
        return true;
      }
    }
    return false;
  }

  private static PrintWriter utf8(FileOutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  /**
   * Standard output, UTF-8, whose stream a report that is written as UTF-8 bytes goes to directly:
   * a store's usage report runs to tens of megabytes, which the writer would encode again.
   */
  static final class Stdout extends PrintWriter {
    final OutputStream stream;

    Stdout(OutputStream stream) {
      super(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
      this.stream = stream;
    }
  }
}
