package io.pactwire.stubs.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.notmatched.NotMatchedRenderer;
import java.util.List;

/** WireMock's answer to a request no stub matched: 404 with the near-miss report. */
public final class NearMissRenderer extends NotMatchedRenderer {

  private final List<CompiledInteraction> candidates;

  /** Renders against these interactions, most specific first. */
  public NearMissRenderer(List<CompiledInteraction> candidates) {
    this.candidates = List.copyOf(candidates);
  }

  @Override
  protected ResponseDefinition render(Admin admin, ServeEvent serveEvent) {
    com.github.tomakehurst.wiremock.http.Request request = serveEvent.getRequest();
    String report =
        NearMiss.report(candidates, PactRequests.of(request), PactRequests.states(request));
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(404)
        .withHeader("Content-Type", "text/plain; charset=utf-8")
        .withBody(report)
        .build();
  }
}
