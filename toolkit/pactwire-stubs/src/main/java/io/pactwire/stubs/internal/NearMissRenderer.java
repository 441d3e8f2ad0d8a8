package io.pactwire.stubs.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.notmatched.NotMatchedRenderer;
import java.util.List;
import java.util.function.Supplier;

/** WireMock's answer to a request no stub matched: 404 with the near-miss report. */
public final class NearMissRenderer extends NotMatchedRenderer {

  private final Supplier<List<CompiledInteraction>> candidates;

  /** Renders against these interactions, most specific first. */
  public NearMissRenderer(List<CompiledInteraction> candidates) {
    List<CompiledInteraction> copy = List.copyOf(candidates);
    this.candidates = () -> copy;
  }

  /**
   * Renders against the interactions {@code candidates} gives once the server answers requests: a
   * server can be made while its stubs are still being built.
   */
  public NearMissRenderer(Supplier<List<CompiledInteraction>> candidates) {
    this.candidates = candidates;
  }

  @Override
  protected ResponseDefinition render(Admin admin, ServeEvent serveEvent) {
    com.github.tomakehurst.wiremock.http.Request request = serveEvent.getRequest();
    String report =
        NearMiss.report(candidates.get(), PactRequests.of(request), PactRequests.states(request));
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(404)
        .withHeader("Content-Type", "text/plain; charset=utf-8")
        .withBody(report)
        .build();
  }
}
