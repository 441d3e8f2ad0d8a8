package io.pactwire.cli;

/**
 * Entry point of {@code pactwire.jar}.
 *
 * @since 0.1.0
 */
public final class Main {

  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // pact-jvm sends usage analytics unless told not to; a build tool must never phone home
    System.setProperty("pact_do_not_track", "true");
    EarlyCheck.start(args);
    System.exit(PactwireCommand.commandLine().execute(args));
  }
}
