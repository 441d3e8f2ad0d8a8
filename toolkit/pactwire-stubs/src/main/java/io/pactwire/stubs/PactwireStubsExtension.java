package io.pactwire.stubs;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * The JUnit 5 extension behind {@link PactwireStubs}, and its programmatic form for several
 * providers, one extension each:
 *
 * <pre>{@code
 * @RegisterExtension
 * static PactwireStubsExtension inventory =
 *     PactwireStubsExtension.newInstance().provider("inventory-service").build();
 * @RegisterExtension
 * static PactwireStubsExtension payments =
 *     PactwireStubsExtension.newInstance().provider("payments").states("card accepted").build();
 * }</pre>
 *
 * <p>With one extension a test may take a {@link PactwireStubsRuntimeInfo} parameter; with several,
 * it reads each field's {@link #runtimeInfo()}. A static field serves a class's tests from one
 * server, an instance field starts one per test. After each test, a request that no interaction
 * answered fails the test with the near-miss report.
 *
 * @since 0.1.0
 */
public final class PactwireStubsExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver {

  private final PactStubs.Builder configured;
  private WireMockServer server;
  private PactStubs stubs;
  private boolean perTest;

  /** Used by {@link PactwireStubs}; reads the annotation of the test class. */
  public PactwireStubsExtension() {
    this.configured = null;
  }

  private PactwireStubsExtension(PactStubs.Builder configured) {
    this.configured = configured;
  }

  /** Starts a builder. */
  public static Builder newInstance() {
    return new Builder();
  }

  /** The running stubs; only while a test runs. */
  public PactwireStubsRuntimeInfo runtimeInfo() {
    if (server == null) {
      throw new IllegalStateException("the stubs run only while a test runs");
    }
    return new PactwireStubsRuntimeInfo(server, stubs);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (server == null) {
      perTest = true;
      start(context);
    }
    server.resetRequests();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (server == null) {
      return;
    }
    List<LoggedRequest> unmatched = server.findAllUnmatchedRequests();
    server.resetRequests();
    if (perTest) {
      stop();
    }
    if (!unmatched.isEmpty()) {
      StringBuilder message = new StringBuilder();
      message
          .append(unmatched.size())
          .append(unmatched.size() == 1 ? " request was" : " requests were")
          .append(" not answered by the pact stubs\n\n");
      for (LoggedRequest request : unmatched) {
        message.append(stubs.nearMiss(request)).append('\n');
      }
      throw new AssertionFailedError(message.toString().stripTrailing());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PactwireStubsRuntimeInfo.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (server == null) {
      start(context);
    }
    return runtimeInfo();
  }

  private void start(ExtensionContext context) {
    if (server != null) {
      return;
    }
    PactStubs.Builder builder = configured != null ? configured : fromAnnotation(context);
    stubs = builder.build();
    // loopback: WireMock's own default is every interface
    server =
        new WireMockServer(
            stubs.configure(PactStubs.serverOptions().dynamicPort().bindAddress("127.0.0.1")));
    server.start();
    stubs.registerWith(server);
  }

  private void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  private static PactStubs.Builder fromAnnotation(ExtensionContext context) {
    Optional<PactwireStubs> annotation =
        context
            .getTestClass()
            .flatMap(c -> AnnotationSupport.findAnnotation(c, PactwireStubs.class));
    PactwireStubs stubs =
        annotation.orElseThrow(
            () ->
                new IllegalStateException(
                    "PactwireStubsExtension without @PactwireStubs: register it with"
                        + " PactwireStubsExtension.newInstance().provider(...).build()"));
    PactStubs.Builder builder = PactStubs.newInstance().provider(stubs.provider());
    if (!stubs.pacts().isEmpty()) {
      builder.pacts(Path.of(stubs.pacts()));
    }
    return builder.states(stubs.states());
  }

  /**
   * Builds a {@link PactwireStubsExtension}, so that a test can set what it needs without a
   * constructor for every combination.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private final PactStubs.Builder stubs = PactStubs.newInstance();

    private Builder() {}

    /** Serves the pacts of this provider. */
    public Builder provider(String provider) {
      stubs.provider(provider);
      return this;
    }

    /** Reads the pacts of this folder or file; by default the project's pacts folder. */
    public Builder pacts(Path folderOrFile) {
      stubs.pacts(folderOrFile);
      return this;
    }

    /** Serves only these provider states, and interactions without one. */
    public Builder states(String... states) {
      stubs.states(states);
      return this;
    }

    /** Builds the extension; the pacts are read when the first test starts. */
    public PactwireStubsExtension build() {
      return new PactwireStubsExtension(stubs);
    }
  }
}
