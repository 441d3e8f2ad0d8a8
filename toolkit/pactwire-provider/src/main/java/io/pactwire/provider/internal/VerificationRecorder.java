package io.pactwire.provider.internal;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
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
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

/**
 * Records each verified interaction, rethrows failures with messages that say where and what, and
 * writes results and reports when the test class finishes.
 */
public final class VerificationRecorder
    implements BeforeTestExecutionCallback,
        TestExecutionExceptionHandler,
        AfterEachCallback,
        AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(VerificationRecorder.class);

  /** One recorded interaction, with what it needs to be grouped into pacts. */
  record Recorded(
      String provider, String consumer, Path pactFile, String sha256, Results.Interaction result) {}

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    PactVerificationContext verification = verification(context);
    if (verification == null) {
      return;
    }
    LastProduced.forget();
    if (verification.getTarget() != null
        && verification.getTarget().getClass() == HttpTestTarget.class) {
      verification.setTarget(new RecordingHttpTarget((HttpTestTarget) verification.getTarget()));
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    PactVerificationContext verification = verification(context);
    if (verification == null) {
      throw throwable;
    }
    Results.Interaction result = record(context, verification, throwable);
    List<Results.Difference> differences = result.differences();
    if (differences.isEmpty()) {
      throw throwable;
    }
    AssertionFailedError error =
        new AssertionFailedError(
            result.message(),
            Outcomes.joinExpected(differences, true),
            Outcomes.joinExpected(differences, false),
            throwable);
    throw error;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    PactVerificationContext verification = verification(context);
    if (verification == null) {
      return;
    }
    Recorded recorded = context.getStore(NAMESPACE).get("recorded", Recorded.class);
    if (recorded == null) {
      record(context, verification, context.getExecutionException().orElse(null));
      recorded = context.getStore(NAMESPACE).get("recorded", Recorded.class);
    } else if (context.getExecutionException().isPresent() && recorded.result().success()) {
      record(context, verification, context.getExecutionException().get());
      recorded = context.getStore(NAMESPACE).get("recorded", Recorded.class);
    }
    collected(context).add(recorded);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    @SuppressWarnings("unchecked")
    List<Recorded> recorded = context.getStore(NAMESPACE).remove("collected", List.class);
    if (recorded == null || recorded.isEmpty()) {
      return;
    }
    ReportSettings settings =
        ReportSettings.from(key -> context.getConfigurationParameter(key).orElse(null));
    new ResultsWriter(settings).write(recorded, Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  private static Results.Interaction record(
      ExtensionContext context, PactVerificationContext verification, Throwable failure) {
    InteractionRef ref = InteractionRef.of(verification);
    List<Results.Difference> differences =
        failure == null ? List.of() : Outcomes.differences(verification.getTestExecutionResult());
    RecordingHttpTarget target =
        verification.getTarget() instanceof RecordingHttpTarget recording ? recording : null;
    Results.Interaction result =
        new Results.Interaction(
            ref.interaction(),
            ref.states(),
            failure == null,
            failure == null ? null : Outcomes.message(ref, differences, failure),
            differences,
            Exchanges.of(
                verification.getInteraction(),
                target == null ? null : target.response(),
                LastProduced.take()));
    context
        .getStore(NAMESPACE)
        .put(
            "recorded",
            new Recorded(
                ref.provider(), ref.consumer(), ref.pactFile(), sha256(ref.pactFile()), result));
    return result;
  }

  private static PactVerificationContext verification(ExtensionContext context) {
    return context
        .getStore(StateFixturesExtension.PACT_JVM)
        .get("interactionContext", PactVerificationContext.class);
  }

  @SuppressWarnings("unchecked")
  private static List<Recorded> collected(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("collected", k -> new ArrayList<Recorded>(), List.class);
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

  static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
