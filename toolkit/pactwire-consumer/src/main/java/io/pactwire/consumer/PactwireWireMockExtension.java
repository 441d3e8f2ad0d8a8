package io.pactwire.consumer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import au.com.dius.pact.core.model.ProviderState;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.VerificationException;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.verification.NearMiss;
import com.github.tomakehurst.wiremock.verification.diff.PlainTextDiffRenderer;
import io.pactwire.consumer.internal.Capture;
import io.pactwire.consumer.internal.CaptureListener;
import io.pactwire.consumer.internal.CaptureSettings;
import io.pactwire.consumer.internal.ClassRun;
import io.pactwire.consumer.internal.InteractionConflict;
import io.pactwire.consumer.internal.PactWriter;
import io.pactwire.consumer.internal.RecordedInteraction;
import io.pactwire.consumer.internal.RedactedReports;
import io.pactwire.consumer.internal.StubFacts;
import io.pactwire.core.ContractId;
import io.pactwire.core.PactsDirectory;
import io.pactwire.core.internal.Secrets;
import io.pactwire.core.internal.Startup;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * A WireMock JUnit 5 extension that writes what the test's stubs served into a Pact V4 contract.
 *
 * <p>Server lifecycle and the DSL are WireMock's own {@link WireMockExtension}. A request that
 * matches no stub fails the test with WireMock's near-miss report, naming consumer and provider,
 * and is never recorded; when the client under test fails first (on the 404 WireMock answered), the
 * near-miss report is still the failure, and the client's exception is suppressed under it. After
 * each passing test, the exchanges served by matched stubs become one interaction per description
 * and provider states, merged into {@code <pactsDir>/<consumer>-<provider>.json}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static PactwireWireMockExtension inventory =
 *     PactwireWireMockExtension.newInstance()
 *         .consumer("checkout-service")
 *         .provider("inventory-service")
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public class PactwireWireMockExtension extends WireMockExtension
    implements TestExecutionExceptionHandler {

  private static final System.Logger LOG =
      System.getLogger(PactwireWireMockExtension.class.getName());

  // Each test's recording, in the test's store under this extension (a class may have several): a
  // test ends its own, even when another test has started one since.
  private static final ExtensionContext.Namespace RECORDINGS =
      ExtensionContext.Namespace.create(PactwireWireMockExtension.class, "recordings");

  // Each test class's run, in the class's store: one for all extensions of the class.
  private static final ExtensionContext.Namespace CLASS_RUNS =
      ExtensionContext.Namespace.create(PactwireWireMockExtension.class, "class-runs");

  private final CaptureListener listener;
  private final boolean declarative;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  // Interactions of a class-level extension, written once after all its tests, and by the same key
  // the inputs each was built from: an exchange with the same inputs need not be built again.
  private final Map<String, RecordedInteraction> recorded = new LinkedHashMap<>();
  private final Map<String, Capture.Inputs> recordedInputs = new ConcurrentHashMap<>();
  private final Map<Class<?>, Map<Method, TestFacts>> testFacts = new ConcurrentHashMap<>();
  private boolean classLevel;
  private ContractId contract;
  private Path pactsDir;
  private CaptureSettings settings;

  /** For {@link PactwireWireMockTest}: names and folder are read from the annotation. */
  public PactwireWireMockExtension() {
    this(new Builder().configureStaticDsl(true), new CaptureListener(), true);
  }

  private PactwireWireMockExtension(
      Builder builder, CaptureListener listener, boolean declarative) {
    super(builder.withCapture(listener));
    Startup.consumer();
    this.listener = listener;
    this.declarative = declarative;
    if (!declarative) {
      this.contract = new ContractId(builder.consumer, builder.provider);
      this.pactsDir = builder.pactsDir;
      this.settings =
          CaptureSettings.of(
              builder.secretHeaders, builder.secretPaths, builder.secretQueryParameters);
    }
  }

  /** Starts a builder. */
  public static Builder newInstance() {
    return new Builder();
  }

  /** The pact file this extension merges into. */
  public Path pactFile() {
    // Located on every call, not cached: the setting may differ between test classes of one JVM.
    return contract.fileIn(pactsDir == null ? PactsDirectory.locate() : pactsDir);
  }

  /** Port, base URL, DSL handle and pact file of this server. */
  public PactwireRuntimeInfo getPactwireRuntimeInfo() {
    return new PactwireRuntimeInfo(getRuntimeInfo(), contract, pactFile());
  }

  @Override
  protected void onBeforeAll(ExtensionContext context, WireMockRuntimeInfo runtimeInfo) {
    classLevel = true;
    if (declarative && contract == null) {
      PactwireWireMockTest annotation =
          AnnotationSupport.findAnnotation(
                  context.getRequiredTestClass(), PactwireWireMockTest.class)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          context.getRequiredTestClass().getName()
                              + " uses PactwireWireMockExtension without @PactwireWireMockTest:"
                              + " annotate the class, or register the extension with"
                              + " PactwireWireMockExtension.newInstance()...build()"));
      contract = new ContractId(annotation.consumer(), annotation.provider());
      pactsDir =
          annotation.pactsDir().isBlank() ? null : Path.of(annotation.pactsDir()).toAbsolutePath();
      settings =
          CaptureSettings.of(
              Arrays.asList(annotation.secretHeaders()),
              Arrays.asList(annotation.secretPaths()),
              Arrays.asList(annotation.secretQueryParameters()));
    }
    super.onBeforeAll(context, runtimeInfo);
  }

  @Override
  protected void onBeforeEach(ExtensionContext context, WireMockRuntimeInfo runtimeInfo) {
    classRun(context).uses(pactFile(), contract);
    TestFacts test = testFacts(context);
    Capture.Setup setup =
        new Capture.Setup(settings, test.givenStates(), test.name(), recordedInputs);
    context.getStore(RECORDINGS).put(this, new TestRecording(listener, setup));
    super.onBeforeEach(context, runtimeInfo);
  }

  /**
   * A test that fails after a request matched no stub fails with the near-miss report: the client's
   * own failure (say, on the 404 WireMock answered) is an effect of it, suppressed under it.
   */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    Optional<AssertionFailedError> unmatched = unmatchedRequests();
    if (unmatched.isEmpty()) {
      throw thrown;
    }
    AssertionFailedError failure = unmatched.get();
    failure.addSuppressed(thrown);
    throw failure;
  }

  @Override
  protected void onAfterEach(ExtensionContext context, WireMockRuntimeInfo runtimeInfo) {
    boolean passed = false;
    try {
      afterTest(context, runtimeInfo);
      passed = context.getExecutionException().isEmpty();
    } finally {
      boolean succeeded = passed;
      context.getTestMethod().ifPresent(method -> classRun(context).finished(method, succeeded));
    }
  }

  /**
   * The run of the test's class, in the class's store (a {@code @Nested} class's own): shared by
   * all extensions and instances, and closed, pruning what the class no longer records, when the
   * class ends.
   */
  private static ClassRun classRun(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    Class<?> testClass = classContext.getRequiredTestClass();
    return classContext
        .getStore(CLASS_RUNS)
        .getOrComputeIfAbsent(testClass, ClassRun::new, ClassRun.class);
  }

  private void afterTest(ExtensionContext context, WireMockRuntimeInfo runtimeInfo) {
    TestRecording test = context.getStore(RECORDINGS).remove(this, TestRecording.class);
    CaptureListener.Recording recording = test == null ? null : test.stop();
    // After a failed test, handleTestExecutionException has reported the unmatched requests.
    Optional<AssertionFailedError> unmatched =
        context.getExecutionException().isPresent() ? Optional.empty() : unmatchedRequests();
    if (recording == null || context.getExecutionException().isPresent() || unmatched.isPresent()) {
      if (recording != null) {
        recording.cancel();
      }
      super.onAfterEach(context, runtimeInfo);
      if (unmatched.isPresent()) {
        throw unmatched.get();
      }
      return;
    }
    Capture.Captured captured =
        Capture.select(recording.examples(), (stub, features) -> report(context, stub, features));
    if (captured.interactions().isEmpty()) {
      classRun(context).recorded(pactFile(), captured.keys(), testFacts(context).name());
      super.onAfterEach(context, runtimeInfo);
      return;
    }
    try {
      synchronized (recorded) {
        PactWriter.mergeInto(recorded, captured.interactions(), this::pactFile);
        // Only now: the recorded interaction of each key is the one these inputs build.
        recordedInputs.putAll(captured.inputs());
        if (!classLevel) {
          flush(context.getRequiredTestClass().getClassLoader());
        }
      }
    } catch (InteractionConflict conflict) {
      throw new AssertionFailedError(
          conflict.getMessage(), conflict.existingJson(), conflict.newJson());
    }
    classRun(context).recorded(pactFile(), captured.keys(), testFacts(context).name());
    super.onAfterEach(context, runtimeInfo);
  }

  @Override
  protected void onAfterAll(ExtensionContext context, WireMockRuntimeInfo runtimeInfo) {
    try {
      synchronized (recorded) {
        flush(context.getRequiredTestClass().getClassLoader());
      }
    } catch (InteractionConflict conflict) {
      throw new AssertionFailedError(
          conflict.getMessage(), conflict.existingJson(), conflict.newJson());
    }
    super.onAfterAll(context, runtimeInfo);
  }

  /**
   * WireMock's report of the requests no stub matched, each beside its closest stub as WireMock's
   * two-column diff prints it (the one it logs), under a line naming this contract; empty when
   * every request matched.
   */
  private Optional<AssertionFailedError> unmatchedRequests() {
    List<LoggedRequest> requests = findAllUnmatchedRequests();
    if (requests.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder message =
        new StringBuilder(contract.consumer())
            .append(" called ")
            .append(contract.provider())
            .append(
                requests.size() == 1 ? " with a request" : " with " + requests.size() + " requests")
            .append(" that no stub matches, so ")
            .append(requests.size() == 1 ? "it is" : "they are")
            .append(" not in ")
            .append(contract.fileName())
            .append(".\n");
    List<NearMiss> nearMisses = findNearMissesForAllUnmatchedRequests();
    if (nearMisses.isEmpty()) {
      message.append(VerificationException.forUnmatchedRequests(requests).getMessage());
    } else {
      PlainTextDiffRenderer diffs = new PlainTextDiffRenderer(Map.of());
      for (NearMiss nearMiss : nearMisses) {
        message.append(diffs.render(nearMiss.getDiff()));
      }
    }
    String report = message.toString();
    for (LoggedRequest request : requests) {
      report = RedactedReports.redact(report, request);
      if (settings != null) {
        Set<String> custom = new HashSet<>();
        for (HttpHeader header : request.getHeaders().all()) {
          if (settings.isSecretHeader(header.key())) {
            header.values().forEach(value -> Secrets.add(custom, value));
          }
        }
        report = Secrets.scrub(report, custom);
      }
    }
    return Optional.of(new AssertionFailedError(report));
  }

  // Every merge also removes the interactions of tests that are gone (deleted or renamed).
  private void flush(ClassLoader testClasses) {
    if (!recorded.isEmpty()) {
      List<RecordedInteraction> pending = new ArrayList<>(recorded.values());
      recorded.clear();
      recordedInputs.clear();
      PactWriter.merge(
          pactFile(),
          contract,
          pending,
          PactWriter.Pruning.goneTests(ClassRun.isGone(testClasses)));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return declarative && (type == PactwireRuntimeInfo.class || type == WireMockRuntimeInfo.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
      throws ParameterResolutionException {
    return parameter.getParameter().getType() == WireMockRuntimeInfo.class
        ? getRuntimeInfo()
        : getPactwireRuntimeInfo();
  }

  private void report(ExtensionContext context, JsonNode stub, List<String> features) {
    String id = stub.path("id").asText(StubFacts.label(stub));
    if (!reported.add(id)) {
      return;
    }
    String message =
        "stub "
            + StubFacts.label(stub)
            + " uses "
            + String.join(", ", features)
            + ", which a contract cannot express: left out of "
            + pactFile();
    LOG.log(System.Logger.Level.WARNING, message);
    context.publishReportEntry("pactwire", message);
  }

  private static String testName(ExtensionContext context) {
    return context.getRequiredTestClass().getName()
        + "#"
        + context.getTestMethod().map(m -> m.getName()).orElse(context.getDisplayName());
  }

  /**
   * A test's recording in its store. Stopped by {@link #onAfterEach}; if WireMock's own after-each
   * work fails first, closed with the test's context, so that later requests are not prepared for a
   * test that is over.
   */
  private static final class TestRecording implements AutoCloseable {
    private final CaptureListener listener;
    private final CaptureListener.Recording recording;

    TestRecording(CaptureListener listener, Capture.Setup setup) {
      this.listener = listener;
      this.recording = listener.startRecording(setup);
    }

    CaptureListener.Recording stop() {
      listener.stopRecording(recording);
      return recording;
    }

    @Override
    public void close() {
      stop().cancel();
    }
  }

  /** A test as capture names it, and the provider states its {@code @Given} declares. */
  private record TestFacts(String name, List<ProviderState> givenStates) {}

  // Once per test method: JUnit's annotation search walks meta-annotations, interfaces and
  // superclasses on every call, and a test runs many times in a repeated or parameterised test.
  // Keyed by class, then method: an inherited test method runs in several classes.
  private TestFacts testFacts(ExtensionContext context) {
    Optional<Method> method = context.getTestMethod();
    if (method.isEmpty()) {
      return new TestFacts(testName(context), givenStates(context));
    }
    return testFacts
        .computeIfAbsent(context.getRequiredTestClass(), testClass -> new ConcurrentHashMap<>())
        .computeIfAbsent(method.get(), m -> new TestFacts(testName(context), givenStates(context)));
  }

  private static List<ProviderState> givenStates(ExtensionContext context) {
    Optional<Given> given =
        context
            .getTestMethod()
            .flatMap(m -> AnnotationSupport.findAnnotation(m, Given.class))
            .or(
                () ->
                    AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Given.class));
    if (given.isEmpty()) {
      return List.of();
    }
    Map<String, Object> params = new LinkedHashMap<>();
    for (String pair : given.get().params()) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "@Given param '" + pair + "' on " + testName(context) + " is not name=value");
      }
      params.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return List.of(new ProviderState(given.get().value(), params));
  }

  /**
   * Configures a {@link PactwireWireMockExtension}; consumer and provider are required.
   *
   * @since 0.1.0
   */
  public static final class Builder extends WireMockExtension.Builder {

    private String consumer;
    private String provider;
    private Path pactsDir;
    // Loopback unless told otherwise: WireMock's own default is every interface.
    private WireMockConfiguration options = wireMockConfig().dynamicPort().bindAddress("127.0.0.1");
    private final List<String> secretHeaders = new ArrayList<>();
    private final List<String> secretPaths = new ArrayList<>();
    private final List<String> secretQueryParameters = new ArrayList<>();

    private Builder() {}

    /** The consumer's name in the pact. */
    public Builder consumer(String consumer) {
      this.consumer = consumer;
      return this;
    }

    /** The provider's name in the pact, one per extension (and server). */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /** Where the pact goes; by default {@code io.pactwire.core.PactsDirectory.locate()}. */
    public Builder pactsDir(Path pactsDir) {
      this.pactsDir = pactsDir.toAbsolutePath();
      return this;
    }

    /**
     * WireMock's own options (port 0 unless set), a {@link WireMockConfiguration}: the capture
     * listener is added to them.
     */
    @Override
    public Builder options(Options options) {
      if (!(options instanceof WireMockConfiguration configuration)) {
        throw new IllegalArgumentException(
            "Pactwire adds its capture listener to WireMock's options: pass a"
                + " WireMockConfiguration (wireMockConfig()...), not "
                + options.getClass().getName());
      }
      this.options = configuration;
      return this;
    }

    /** Points WireMock's static DSL at this server, as {@code WireMockExtension} does. */
    @Override
    public Builder configureStaticDsl(boolean configureStaticDsl) {
      super.configureStaticDsl(configureStaticDsl);
      return this;
    }

    /**
     * Always on: a request that matches no stub fails the test, with WireMock's near-miss report.
     *
     * @throws IllegalArgumentException for {@code false}
     */
    @Override
    public Builder failOnUnmatchedRequests(boolean failOnUnmatched) {
      if (!failOnUnmatched) {
        throw new IllegalArgumentException(
            "a contract is only as good as its stubs: unmatched requests always fail under Pactwire");
      }
      return this;
    }

    private Builder withCapture(CaptureListener listener) {
      // WireMock's report of an unmatched request, logged and answered, shows no credential
      super.options(RedactedReports.apply(options.extensions(listener)));
      // Checked by the extension itself, so that the report names the contract and leads even
      // when the client under test failed first (see handleTestExecutionException).
      super.failOnUnmatchedRequests(false);
      super.resetOnEachTest(true);
      return this;
    }

    /** More headers to write as a placeholder, besides Authorization, Cookie and the like. */
    public Builder secretHeaders(String... headers) {
      secretHeaders.addAll(List.of(headers));
      return this;
    }

    /** JSON paths in request and response bodies to write as a placeholder. */
    public Builder secretPaths(String... paths) {
      secretPaths.addAll(List.of(paths));
      return this;
    }

    /**
     * More query parameters to write as a placeholder, besides {@code access_token}, {@code
     * api_key}, {@code apikey} and {@code client_secret}.
     */
    public Builder secretQueryParameters(String... names) {
      secretQueryParameters.addAll(List.of(names));
      return this;
    }

    /** Builds the extension. */
    @Override
    public PactwireWireMockExtension build() {
      // Checked here so that a typo fails where the extension is declared, not in a test.
      new ContractId(consumer, provider);
      return new PactwireWireMockExtension(this, new CaptureListener(), false);
    }
  }
}
