package io.pactwire.cli;

import io.pactwire.broker.internal.Credentials;
import io.pactwire.core.internal.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Properties;
import java.util.Set;
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
    description = "Contract-testing tools for service and third-party integrations.")
public final class PactwireCommand implements Callable<Integer> {

  /**
   * The commands, in the order help lists them. Added by {@link #commandLine(String...)} rather
   * than named in {@code @Command(subcommands)}, which would make picocli build the model of every
   * one of them (reading each command's annotations and fields) before it runs any.
   */
  private static final List<Class<?>> COMMANDS =
      List.of(
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
          CommandLine.HelpCommand.class);

  /** The commands that need every other command's model: help and the completion script. */
  private static final Set<Class<?>> NEED_ALL =
      Set.of(CompletionCommand.class, CommandLine.HelpCommand.class);

  /** Exit code when the input cannot be read (and for usage errors, as picocli does). */
  public static final int UNREADABLE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The user information of a URL ({@code https://user:secret@host}). */

  /** A command line with every command and Pactwire's exit codes, ready to {@code execute}. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * A command line ready to {@code execute(args)}, with Pactwire's exit codes. When {@code args}
   * start with a command's name, that command is the only one built: the others' models would cost
   * every run of it tens of milliseconds and could not change how its arguments read. Otherwise (no
   * command, {@code --help}, {@code help}, {@code completion}, a misspelt command that picocli
   * suggests the right name for) every command is built.
   */
  public static CommandLine commandLine(String... args) {
    System.setProperty("pact_do_not_track", "true");
    // picocli otherwise looks for Groovy on the class path to support closures as option values,
    // which no command takes
    System.setProperty("picocli.disable.closures", "true");
    CommandLine cli = new CommandLine(new PactwireCommand());
    Class<?> named = args.length == 0 ? null : named(args[0]);
    for (Class<?> command : COMMANDS) {
      if (named == null || NEED_ALL.contains(named) || command == named) {
        cli.addSubcommand(command);
      }
    }
    cli.setParameterExceptionHandler(PactwireCommand::badInput);
    cli.setExecutionExceptionHandler(PactwireCommand::fault);
    return cli;
  }

  /** The command called {@code name} (or by an alias of it), or null. */
  private static Class<?> named(String name) {
    for (Class<?> command : COMMANDS) {
      Command annotation = command.getAnnotation(Command.class);
      if (annotation.name().equals(name) || List.of(annotation.aliases()).contains(name)) {
        return command;
      }
    }
    return null;
  }

  /**
   * A usage error is one line and the way to help, not the whole usage: the mistake stays in view.
   */
  private static int badInput(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println(
        redact(e.getMessage()) + " (try '" + cli.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return UNREADABLE;
  }

  /**
   * An unexpected fault (a store folder that is a file, a disk that is full) is one line and exit
   * 2: exit 1 is can-i-deploy's "no", and a fault must not read as a verdict.
   */
  private static int fault(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    PrintWriter err = cli.getErr();
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    } else if (e.getCause() != null
        && e.getCause().getMessage() != null
        && !message.contains(e.getCause().getMessage())) {
      message = message + ": " + e.getCause().getMessage();
    }
    err.println(
        cli.getCommandSpec().qualifiedName()
            + ": "
            + redact(message.strip()).lines().reduce((a, b) -> a + " " + b.strip()).orElse(""));
    err.flush();
    return UNREADABLE;
  }

  /** The text without the Broker's credentials from the environment or any URL's user info. */
  static String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = Credentials.from(URI.create("http://localhost"), System.getenv()).redact(text);
    return Secrets.withoutUserInfo(out);
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
