package io.pactwire.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pactwire} command: contract-testing tools for a build.
 *
 * @since 0.1.0
 */
@Command(
    name = "pactwire",
    mixinStandardHelpOptions = true,
    versionProvider = PactwireCommand.Version.class,
    description = "Contract-testing tools for service and third-party integrations.",
    subcommands = {
      CheckOpenApiCommand.class,
      VerifyCommand.class,
      StubCommand.class,
      RecordCommand.class,
      MonitorCommand.class,
      DiffCommand.class,
      UsageCommand.class,
      ImpactCommand.class,
      PublishCommand.class,
      RecordDeploymentCommand.class,
      RecordReleaseCommand.class,
      CanIDeployCommand.class,
      MatrixCommand.class,
      ChangedCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PactwireCommand implements Callable<Integer> {

  /** Exit code when the input cannot be read (and for usage errors, as picocli does). */
  public static final int UNREADABLE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** A command line with Pactwire's exit codes, ready to {@code execute(args)}. */
  public static CommandLine commandLine() {
    System.setProperty("pact_do_not_track", "true");
    return new CommandLine(new PactwireCommand());
  }

  /** {@code pactwire} alone names no command: a usage error, as picocli's own are. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return UNREADABLE;
  }

  /** Reads the version from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = PactwireCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "pactwire " + p.getProperty("version", "unknown"), "Java ${java.version} (${java.vendor})"
      };
    }
  }
}
