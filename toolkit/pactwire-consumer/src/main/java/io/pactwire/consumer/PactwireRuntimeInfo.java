package io.pactwire.consumer;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import io.pactwire.core.ContractId;
import java.nio.file.Path;

/**
 * What a test needs of a capturing WireMock server: its port and base URL, the WireMock DSL handle,
 * and the pact it writes.
 *
 * @since 0.1.0
 */
public final class PactwireRuntimeInfo {

  private final WireMockRuntimeInfo wireMock;
  private final ContractId contract;
  private final Path pactFile;

  PactwireRuntimeInfo(WireMockRuntimeInfo wireMock, ContractId contract, Path pactFile) {
    this.wireMock = wireMock;
    this.contract = contract;
    this.pactFile = pactFile;
  }

  /** The HTTP port the server listens on. */
  public int getHttpPort() {
    return wireMock.getHttpPort();
  }

  /** {@code http://localhost:<port>}. */
  public String getHttpBaseUrl() {
    return wireMock.getHttpBaseUrl();
  }

  /** The DSL handle for this server: {@code getWireMock().register(get(...))}. */
  public WireMock getWireMock() {
    return wireMock.getWireMock();
  }

  /** WireMock's own runtime info for this server. */
  public WireMockRuntimeInfo wireMockRuntimeInfo() {
    return wireMock;
  }

  /** The consumer and provider of the pact. */
  public ContractId contract() {
    return contract;
  }

  /** The pact file that captured interactions are merged into. */
  public Path pactFile() {
    return pactFile;
  }
}
