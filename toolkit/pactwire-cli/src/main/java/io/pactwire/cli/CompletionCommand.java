package io.pactwire.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire completion}: prints a bash completion script for every command.
 *
 * @since 0.1.0
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a bash (and zsh) completion script for pactwire's commands and options.",
      "Install it with: source <(pactwire completion)"
    })
final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("pactwire", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
