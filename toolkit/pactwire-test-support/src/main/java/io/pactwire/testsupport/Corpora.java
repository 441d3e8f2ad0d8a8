package io.pactwire.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The shared test corpora, which tests read in place and never copy.
 *
 * <p>The corpora folder is the system property {@value #PROPERTY} (the parent pom sets it for
 * Surefire and Failsafe), else the first {@code ../shared/corpora} found upward from the working
 * directory (a run from an IDE). A test that needs a corpus that is not there is skipped, and one
 * line on standard error says what did not run and why:
 *
 * <pre>skipped: PayPal OpenAPI spec checks: /x/shared/corpora not found (set -Dpactwire.corporaDir)
 * </pre>
 *
 * <p>When the environment variable {@code CI} is {@code true} the test fails instead, with that
 * line's reason, so that no CI build passes without the checks it exists to run.
 */
public final class Corpora {

  /** The system property naming the corpora folder. */
  public static final String PROPERTY = "pactwire.corporaDir";

  private static final String FALLBACK = "../shared/corpora";
  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
  private static volatile Corpora current =
      new Corpora(System::getenv, System::getProperty, Path.of("").toAbsolutePath());

  private final UnaryOperator<String> environment;
  private final UnaryOperator<String> properties;
  private final Path workingDirectory;

  Corpora(
      UnaryOperator<String> environment, UnaryOperator<String> properties, Path workingDirectory) {
    this.environment = environment;
    this.properties = properties;
    this.workingDirectory = workingDirectory;
  }

  /**
   * The corpus (a folder or a file) at {@code path} below the corpora folder; {@code "."} is the
   * corpora folder itself.
   *
   * @param path the corpus, relative to the corpora folder, e.g. {@code "pact-jvm-pacts"}
   * @param whatNeedsIt what does not run without it, for the skip line, e.g. {@code "PayPal OpenAPI
   *     spec checks"}
   * @throws TestAbortedException when it is missing, outside CI
   * @throws AssertionFailedError when it is missing and {@code CI=true}
   */
  public static Path require(String path, String whatNeedsIt) {
    return current.find(path, whatNeedsIt);
  }

  /**
   * The real pacts of the corpora that Pactwire's reader refuses, relative to the corpora folder:
   * pact-jvm's broker fixture, whose message body is under {@code "content"}, which pact-jvm reads
   * as a message without a body (a verification would pass whatever the provider sends). Tests that
   * go over every real pact leave these out, and one test asserts each is refused.
   */
  public static final Set<String> REFUSED_PACTS =
      Set.of("pact-jvm-pacts/core/model/src/test/resources/message-pact-broker.json");

  /** Whether {@code file} is one of {@link #REFUSED_PACTS}. */
  public static boolean isRefusedPact(Path file) {
    String path = file.toAbsolutePath().normalize().toString().replace('\\', '/');
    return REFUSED_PACTS.stream().anyMatch(refused -> path.endsWith("/" + refused));
  }

  /** Installs another lookup (for the kit's own tests); returns the one it replaces. */
  static Corpora install(Corpora corpora) {
    Corpora previous = current;
    current = corpora;
    return previous;
  }

  Path find(String path, String whatNeedsIt) {
    Path root = root();
    Path corpus = root == null ? null : root.resolve(path).normalize();
    if (corpus != null && Files.exists(corpus)) {
      return corpus;
    }
    String missing =
        root == null ? FALLBACK : Files.isDirectory(root) ? corpus.toString() : root.toString();
    String reason = missing + " not found (set -D" + PROPERTY + ")";
    if ("true".equalsIgnoreCase(environment.apply("CI"))) {
      throw new AssertionFailedError(
          whatNeedsIt + " did not run: " + reason + "; CI=true requires the shared corpora");
    }
    String line = "skipped: " + whatNeedsIt + ": " + reason;
    if (REPORTED.add(line)) {
      System.err.println(line);
    }
    throw new TestAbortedException(line);
  }

  /** The configured folder, else the nearest {@code ../shared/corpora} upward, else null. */
  private Path root() {
    String configured = properties.apply(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FALLBACK).normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
