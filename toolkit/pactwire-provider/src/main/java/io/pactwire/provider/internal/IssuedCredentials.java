package io.pactwire.provider.internal;

import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.provider.ProviderResponse;
import io.pactwire.core.internal.JsonText;
import io.pactwire.core.internal.TextBodySecrets;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The credentials a provider answers with of its own, which no request carried: the values of its
 * secret headers ({@code Set-Cookie}, {@code X-Session-Token}) and of the body fields named as
 * credentials ({@code access_token}, in JSON, a form or XML). pact-jvm prints a failed comparison
 * with the provider's values as received; the console shows these as {@code <redacted>}.
 */
final class IssuedCredentials {

  private ProviderResponse seen;
  private Set<String> values = Set.of();

  /** {@code text} with the credentials of {@code response} redacted; as it is before one. */
  synchronized String scrub(String text, ProviderResponse response) {
    if (response == null) {
      return text;
    }
    if (response != seen) {
      seen = response;
      values = of(response);
    }
    return values.isEmpty() ? text : io.pactwire.core.internal.Secrets.scrub(text, values);
  }

  static Set<String> of(ProviderResponse response) {
    Set<String> values = new TreeSet<>();
    Map<String, List<String>> headers = response.getHeaders();
    if (headers != null) {
      headers.forEach(
          (name, list) -> {
            if (io.pactwire.core.internal.Secrets.isSecretHeader(name) && list != null) {
              list.forEach(v -> io.pactwire.core.internal.Secrets.add(values, v));
            }
          });
    }
    OptionalBody body = response.getBody();
    if (body == null || !body.isPresent()) {
      return values;
    }
    String text = body.valueAsString();
    String trimmed = text.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        io.pactwire.core.internal.Secrets.redactFields(
            JsonText.MAPPER.readValue(trimmed, Object.class), false, values);
      } catch (IOException notJson) {
        // not JSON after all: no field is known by name
      }
      return values;
    }
    TextBodySecrets.Redacted redacted =
        TextBodySecrets.redact(
            text,
            response.getContentType() == null ? null : response.getContentType().toString(),
            io.pactwire.core.internal.Secrets::isSecretField);
    if (redacted != null) {
      values.addAll(redacted.values());
    }
    return values;
  }
}
