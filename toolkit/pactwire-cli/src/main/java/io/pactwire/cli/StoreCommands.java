package io.pactwire.cli;

import io.pactwire.store.StoreException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a store command: a {@link StoreException} is one line on standard error and exit 2. */
final class StoreCommands {

  private StoreCommands() {}

  static int run(CommandSpec spec, Callable<Integer> body) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      int status = body.call();
      spec.commandLine().getOut().flush();
      return status;
    } catch (StoreException e) {
      err.println("pactwire " + spec.name() + ": " + e.getMessage());
      err.flush();
      return PactwireCommand.UNREADABLE;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
