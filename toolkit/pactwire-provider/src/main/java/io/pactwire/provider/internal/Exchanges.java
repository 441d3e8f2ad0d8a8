package io.pactwire.provider.internal;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.provider.ProviderResponse;
import io.pactwire.core.internal.report.Exchange;
import io.pactwire.core.internal.report.ExchangeTexts;
import io.pactwire.provider.ProducedMessage;
import java.util.Map;

/** Renders a verified interaction's exchange for reports, through core's {@link ExchangeTexts}. */
final class Exchanges {

  private Exchanges() {}

  static Exchange of(Interaction interaction, ProviderResponse actual, ProducedMessage produced) {
    if (interaction instanceof SynchronousRequestResponse http) {
      return ExchangeTexts.http(
          http.getRequest(),
          http.getResponse(),
          actual == null
              ? null
              : ExchangeTexts.message(
                  String.valueOf(actual.getStatusCode()), actual.getHeaders(), actual.getBody()));
    }
    if (interaction instanceof V4Interaction.AsynchronousMessage message) {
      return new Exchange(
          "message: " + interaction.getDescription(),
          ExchangeTexts.message(
              ExchangeTexts.metadata(message.getContents().getMetadata()),
              Map.of(),
              message.getContents().getContents()),
          produced == null
              ? null
              : ExchangeTexts.metadata(produced.metadata())
                  + "\n\n"
                  + ExchangeTexts.pretty(produced.text()));
    }
    return null;
  }
}
