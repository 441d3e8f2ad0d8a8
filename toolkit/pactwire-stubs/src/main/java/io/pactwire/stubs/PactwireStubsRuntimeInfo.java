package io.pactwire.stubs;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;

/**
 * The running stubs of one provider, injected into tests by {@link PactwireStubsExtension}.
 *
 * @since 0.1.0
 */
public final class PactwireStubsRuntimeInfo {

  private final WireMockServer server;
  private final PactStubs stubs;

  PactwireStubsRuntimeInfo(WireMockServer server, PactStubs stubs) {
    this.server = server;
    this.stubs = stubs;
  }

  /** The base URL of the stubs, e.g. {@code http://localhost:53412}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** The port the stubs listen on. */
  public int port() {
    return server.port();
  }

  /** The interactions served. */
  public List<StubbedInteraction> interactions() {
    return stubs.interactions();
  }

  /** The stubs. */
  public PactStubs stubs() {
    return stubs;
  }

  /** The WireMock server, e.g. to verify what it received. */
  public WireMockServer wireMock() {
    return server;
  }
}
