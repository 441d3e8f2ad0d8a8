package io.pactwire.provider.internal;

import au.com.dius.pact.provider.ProviderResponse;
import au.com.dius.pact.provider.junit5.HttpTestTarget;

/** An {@link HttpTestTarget} that keeps the provider's response, for reports. */
final class RecordingHttpTarget extends HttpTestTarget {

  private volatile ProviderResponse response;

  RecordingHttpTarget(HttpTestTarget target) {
    super(target.getHost(), target.getPort(), target.getPath(), target.getHttpClientFactory());
  }

  @Override
  public ProviderResponse executeInteraction(Object client, Object request) {
    ProviderResponse result = super.executeInteraction(client, request);
    response = result;
    return result;
  }

  ProviderResponse response() {
    return response;
  }
}
