package io.pactwire.core.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/** The provider's version and branch, from build properties, then CI variables, then git. */
public final class ProviderVersion {

  /** Runs git with arguments in the working directory; returns its output, or null on failure. */
  @FunctionalInterface
  public interface Git {
    String run(String... args);
  }

  public static final String VERSION_PROPERTY = "pactwire.provider.version";
  public static final String BRANCH_PROPERTY = "pactwire.provider.branch";

  /** What a version or branch that cannot be found out is given as. */
  public static final String UNKNOWN = "unknown";

  /** Appended to a version taken from git when the working tree has uncommitted changes. */
  public static final String DIRTY = "-dirty";

  private ProviderVersion() {}

  /**
   * Resolves the version: {@value #VERSION_PROPERTY}, {@code GIT_COMMIT}, {@code GITHUB_SHA},
   * {@code git rev-parse HEAD} with {@code -dirty} appended when {@code git status --porcelain
   * --untracked-files=no} lists changes to tracked files (results of uncommitted code must not pass
   * for the commit's; untracked files, such as the results store's own new records, do not count),
   * else {@code unknown}.
   */
  public static String version(Function<String, String> config, Map<String, String> env) {
    return version(config, env, ProviderVersion::git);
  }

  static String version(Function<String, String> config, Map<String, String> env, Git git) {
    return first(
        () -> config.apply(VERSION_PROPERTY),
        () -> env.get("GIT_COMMIT"),
        () -> env.get("GITHUB_SHA"),
        () -> fromGit(git));
  }

  private static String fromGit(Git git) {
    String head = git.run("rev-parse", "HEAD");
    if (head == null || head.isBlank()) {
      return null;
    }
    String status = git.run("status", "--porcelain", "--untracked-files=no");
    return head.strip() + (status != null && !status.isBlank() ? DIRTY : "");
  }

  /**
   * Resolves the branch: {@value #BRANCH_PROPERTY}, {@code GIT_BRANCH}, {@code GITHUB_HEAD_REF}
   * (pull requests), {@code GITHUB_REF_NAME}, {@code git rev-parse --abbrev-ref HEAD}, else {@code
   * unknown}.
   */
  public static String branch(Function<String, String> config, Map<String, String> env) {
    return first(
        () -> config.apply(BRANCH_PROPERTY),
        () -> env.get("GIT_BRANCH"),
        () -> env.get("GITHUB_HEAD_REF"),
        () -> env.get("GITHUB_REF_NAME"),
        () -> git("rev-parse", "--abbrev-ref", "HEAD"));
  }

  @SafeVarargs
  private static String first(Supplier<String>... suppliers) {
    for (Supplier<String> supplier : suppliers) {
      String candidate = supplier.get();
      if (candidate != null && !candidate.isBlank()) {
        return candidate.strip();
      }
    }
    return UNKNOWN;
  }

  private static String git(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return null;
      }
      return out.strip();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
