package io.pactwire.cli;

import picocli.CommandLine.Option;

/**
 * The options of {@code record-deployment} and {@code record-release}: which version of which
 * pacticipant, in which environment.
 */
final class VersionInEnvironment {

  // --version names the pacticipant's version here, so help is declared without picocli's -V
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--pacticipant", required = true, paramLabel = "P", description = "Its name.")
  String pacticipant;

  @Option(names = "--version", required = true, paramLabel = "V", description = "Its version.")
  String version;

  @Option(
      names = "--environment",
      required = true,
      paramLabel = "E",
      description = "The environment, e.g. production or app-store.")
  String environment;
}
