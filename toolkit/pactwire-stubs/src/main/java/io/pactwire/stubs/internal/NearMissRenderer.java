package io.pactwire.stubs.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.notmatched.NotMatchedRenderer;
import io.pactwire.stubs.PactStubs;
import java.util.List;

/** WireMock's answer to a request no stub matched: 404 with the near-miss report. */
public final class NearMissRenderer extends NotMatchedRenderer {

  private final PactStubs stubs;

  /** Renders against the interactions of {@code stubs}. */
  public NearMissRenderer(PactStubs stubs) {
    this.stubs = stubs;
  }

  @Override
  protected ResponseDefinition render(Admin admin, ServeEvent serveEvent) {
    com.github.tomakehurst.wiremock.http.Request request = serveEvent.getRequest();
    List<CompiledInteraction> candidates = stubs.compiled();
    String report =
        NearMiss.report(candidates, PactRequests.of(request), PactRequests.states(request));
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(404)
        .withHeader("Content-Type", "text/plain; charset=utf-8")
        .withBody(report)
        .build();
  }
}
