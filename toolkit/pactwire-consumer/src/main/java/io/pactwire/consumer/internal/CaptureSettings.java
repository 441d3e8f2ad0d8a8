package io.pactwire.consumer.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to keep out of a pact.
 *
 * @param secretHeaders header names (lower case) written as a placeholder with a regex matcher
 * @param secretPaths JSON paths ({@code $.card.number}, {@code $.items[*].token}) written likewise
 */
public record CaptureSettings(Set<String> secretHeaders, List<String> secretPaths) {

  /** Headers that never reach a pact with their real value. */
  public static final Set<String> DEFAULT_SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

  /** Defaults plus the given headers and paths. */
  public static CaptureSettings of(List<String> extraHeaders, List<String> secretPaths) {
    Set<String> headers = new TreeSet<>(DEFAULT_SECRET_HEADERS);
    extraHeaders.forEach(h -> headers.add(h.toLowerCase(Locale.ROOT)));
    return new CaptureSettings(
        Set.copyOf(headers), secretPaths.stream().map(JsonPaths::normalise).toList());
  }

  boolean isSecretHeader(String name) {
    return secretHeaders.contains(name.toLowerCase(Locale.ROOT));
  }
}
