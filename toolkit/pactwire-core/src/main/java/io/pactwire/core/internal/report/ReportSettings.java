package io.pactwire.core.internal.report;

import io.pactwire.core.PactsDirectory;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where results and reports go, read from JUnit configuration parameters (which fall back to system
 * properties) and the environment.
 *
 * @param reportsDir {@code pactwire.reportsDir}, default {@code target/pactwire}
 * @param publish {@code pactwire.results.publish}, default true when {@code CI=true}
 * @param pactsDir {@code pactwire.pactsDir}, else {@link PactsDirectory#locate()}; read only when
 *     publishing
 * @param stepSummary {@code pactwire.stepSummary}, else {@code $GITHUB_STEP_SUMMARY}; may be null
 */
public record ReportSettings(
    Path reportsDir,
    boolean publish,
    Supplier<Path> pactsDir,
    Path stepSummary,
    String providerVersion,
    String branch) {

  public static final String REPORTS_DIR = "pactwire.reportsDir";
  public static final String PUBLISH = "pactwire.results.publish";
  public static final String STEP_SUMMARY = "pactwire.stepSummary";

  public static ReportSettings from(Function<String, String> config) {
    return from(config, System.getenv());
  }

  static ReportSettings from(Function<String, String> config, Map<String, String> env) {
    String reports = config.apply(REPORTS_DIR);
    String pacts = config.apply(PactsDirectory.PROPERTY);
    String summary = config.apply(STEP_SUMMARY);
    if (summary == null || summary.isBlank()) {
      summary = env.get("GITHUB_STEP_SUMMARY");
    }
    return new ReportSettings(
        Path.of(reports == null || reports.isBlank() ? "target/pactwire" : reports),
        publish(config.apply(PUBLISH), env),
        () -> pacts == null || pacts.isBlank() ? PactsDirectory.locate() : Path.of(pacts),
        summary == null || summary.isBlank() ? null : Path.of(summary),
        ProviderVersion.version(config, env),
        ProviderVersion.branch(config, env));
  }

  /** Publishing is asked for explicitly, or on by default in CI; a local build never publishes. */
  static boolean publish(String property, Map<String, String> env) {
    if (property != null && !property.isBlank()) {
      return Boolean.parseBoolean(property.strip());
    }
    return "true".equalsIgnoreCase(env.getOrDefault("CI", ""));
  }
}
