package io.pactwire.provider.internal;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import io.pactwire.broker.Broker;
import io.pactwire.core.internal.AtomicFiles;
import io.pactwire.core.internal.report.ConsoleSummary;
import io.pactwire.core.internal.report.Difference;
import io.pactwire.core.internal.report.FailureText;
import io.pactwire.core.internal.report.InteractionResult;
import io.pactwire.core.internal.report.ReportSettings;
import io.pactwire.core.internal.report.ResultsWriter;
import io.pactwire.core.internal.report.VerificationRun;
import io.pactwire.core.internal.report.VerifiedInteraction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Records each verified interaction, rethrows failures with messages that say where and what, and
 * writes results and reports when the test class finishes.
 */
public final class VerificationRecorder
    implements BeforeTestExecutionCallback,
        AfterTestExecutionCallback,
        TestExecutionExceptionHandler,
        AfterEachCallback,
        AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(VerificationRecorder.class);
  private static final String CONSOLE = "console";

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    PactVerificationContext verification = verification(context);
    if (verification == null) {
      return;
    }
    LastProduced.forget();
    if (verification.getTarget() != null
        && verification.getTarget().getClass() == HttpTestTarget.class) {
      RecordingHttpTarget target =
          new RecordingHttpTarget((HttpTestTarget) verification.getTarget());
      verification.setTarget(target);
      // pact-jvm prints a failed comparison with the provider's values as received: a session
      // it opened or a token it issued shows as <redacted> once its response is in
      IssuedCredentials issued = new IssuedCredentials();
      ScrubbedConsole.Swap swap =
          ScrubbedConsole.install(text -> issued.scrub(text, target.response()));
      context.getStore(NAMESPACE).put(CONSOLE, swap);
    }
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    ScrubbedConsole.Swap swap =
        context.getStore(NAMESPACE).remove(CONSOLE, ScrubbedConsole.Swap.class);
    if (swap != null) {
      swap.restore();
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    PactVerificationContext verification = verification(context);
    if (verification == null) {
      throw throwable;
    }
    InteractionResult result = record(context, verification, throwable);
    if (throwable instanceof TestAbortedException) {
      // a pending pact's failure: recorded as a failure, but it does not fail the build
      throw throwable;
    }
    List<Difference> differences = result.differences();
    if (differences.isEmpty()) {
      throw Secrets.scrub(context, throwable);
    }
    // pact-jvm's own error is not attached as the cause: its text diff of the whole body, in the
    // two sides' key orders, would contradict the differences above it.
    throw new AssertionFailedError(
        result.message(),
        FailureText.side(differences, true),
        FailureText.side(differences, false));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    PactVerificationContext verification = verification(context);
    if (verification == null) {
      return;
    }
    VerifiedInteraction recorded =
        context.getStore(NAMESPACE).get("recorded", VerifiedInteraction.class);
    if (recorded == null) {
      record(context, verification, context.getExecutionException().orElse(null));
      recorded = context.getStore(NAMESPACE).get("recorded", VerifiedInteraction.class);
    } else if (context.getExecutionException().isPresent() && recorded.result().success()) {
      record(context, verification, context.getExecutionException().get());
      recorded = context.getStore(NAMESPACE).get("recorded", VerifiedInteraction.class);
    }
    collected(context).add(recorded);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    @SuppressWarnings("unchecked")
    List<VerifiedInteraction> recorded =
        context.getStore(NAMESPACE).remove("collected", List.class);
    if (recorded == null || recorded.isEmpty()) {
      return;
    }
    ReportSettings settings =
        ReportSettings.from(key -> context.getConfigurationParameter(key).orElse(null));
    List<VerificationRun> runs =
        new ResultsWriter(settings, Broker.resultsPublisher())
            .write(recorded, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    // One line per interaction in the build's output: what was verified, and what failed. Under
    // Surefire the test output goes to a file, so the same lines are kept for the build to print.
    StringBuilder summary = new StringBuilder();
    runs.forEach(run -> summary.append(ConsoleSummary.render(run)));
    System.out.print(summary);
    AtomicFiles.writeString(
        settings
            .reportsDir()
            .resolve("console")
            .resolve(context.getRequiredTestClass().getName() + ".txt"),
        summary.toString());
  }

  private static InteractionResult record(
      ExtensionContext context, PactVerificationContext verification, Throwable failure) {
    InteractionRef ref = InteractionRef.of(verification);
    List<Difference> differences =
        failure == null ? List.of() : Outcomes.differences(verification.getTestExecutionResult());
    RecordingHttpTarget target =
        verification.getTarget() instanceof RecordingHttpTarget recording ? recording : null;
    InteractionResult recorded =
        new InteractionResult(
            ref.interaction(),
            ref.states(),
            failure == null,
            failure == null ? null : Outcomes.message(ref, differences, failure),
            differences,
            Exchanges.of(
                verification.getInteraction(),
                target == null ? null : target.response(),
                LastProduced.take()),
            // a pending pact's failure fails no build; asked of the pact, not of the exception,
            // which is aborted only once PendingPactFailures has seen it (after this handler, when
            // @PactwireReports is written after @PactwirePacts)
            failure != null && PendingPactFailures.isPending(ref.pactFile()) ? Boolean.TRUE : null);
    // A provider may echo a credential back; whatever is written or thrown shows the placeholder.
    InteractionResult result = Secrets.scrub(context, recorded);
    context
        .getStore(NAMESPACE)
        .put(
            "recorded",
            new VerifiedInteraction(
                ref.provider(), ref.consumer(), ref.pactFile(), sha256(ref.pactFile()), result));
    return result;
  }

  private static PactVerificationContext verification(ExtensionContext context) {
    return context
        .getStore(StateFixturesExtension.PACT_JVM)
        .get("interactionContext", PactVerificationContext.class);
  }

  @SuppressWarnings("unchecked")
  private static List<VerifiedInteraction> collected(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("collected", k -> new ArrayList<VerifiedInteraction>(), List.class);
  }

  static String sha256(Path file) {
    if (file == null) {
      return null;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return HexFormat.of().formatHex(digest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pact " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
