package io.pactwire.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
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

  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // Reports are UTF-8 whatever the locale: JSON must be, and the JUnit XML says it is.
    PrintWriter out = utf8(new FileOutputStream(FileDescriptor.out));
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
    Optional<CheckOpenApiCommand.Request> plain = PlainCheck.parse(args);
    if (plain.isPresent()) {
      return plain.get().run(out, err);
    }
    CommandLine cli = PactwireCommand.commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  private static PrintWriter utf8(FileOutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
