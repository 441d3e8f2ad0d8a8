package io.pactwire.provider.internal;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import io.pactwire.core.internal.report.ProviderVersion;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Keeps a pending pact's failures from failing the build: the Broker marked the pact pending (the
 * provider has never verified it on its branch), so its failed interactions are aborted with the
 * failure as the reason. {@link VerificationRecorder} still records them as failures, so that the
 * Broker learns of them.
 */
public final class PendingPactFailures implements BeforeAllCallback, TestExecutionExceptionHandler {

  /** The pact files a Broker marked pending, as {@link PactsFolderLoader} wrote them. */
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  /**
   * The launcher's configuration parameters, which the loader reads the provider's branch from.
   * They are the same for every test class of one launcher.
   */
  private static volatile Function<String, String> configuration = System::getProperty;

  @Override
  public void beforeAll(ExtensionContext context) {
    configuration = key -> context.getConfigurationParameter(key).orElse(null);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    PactVerificationContext verification =
        context
            .getStore(StateFixturesExtension.PACT_JVM)
            .get("interactionContext", PactVerificationContext.class);
    if (verification == null || !(throwable instanceof AssertionError)) {
      throw throwable;
    }
    InteractionRef ref = InteractionRef.of(verification);
    if (!isPending(ref.pactFile())) {
      throw throwable;
    }
    // the same words whichever of this and the recorder sees the failure first
    String failure =
        Outcomes.message(
            ref, Outcomes.differences(verification.getTestExecutionResult()), throwable);
    // without pact-jvm's error as the cause: it holds its text diff of the whole body, with the
    // provider's own credentials in it (the recorder leaves it out for the same reason)
    throw new TestAbortedException(
        Secrets.scrub(
            context, "The pact is pending, so this failure does not fail the build. " + failure));
  }

  /** The provider's branch the Broker's pending pacts are asked for. */
  static String providerBranch() {
    return ProviderVersion.branch(configuration, System.getenv());
  }

  /** Records which files of {@code folder} hold pending pacts, forgetting earlier ones there. */
  static void pending(Path folder, Set<Path> files) {
    Path dir = folder.toAbsolutePath().normalize();
    PENDING.removeIf(file -> file.startsWith(dir));
    files.forEach(file -> PENDING.add(file.toAbsolutePath().normalize()));
  }

  static boolean isPending(Path file) {
    return file != null && PENDING.contains(file.toAbsolutePath().normalize());
  }
}
