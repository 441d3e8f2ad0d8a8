package io.pactwire.consumer.internal;

import io.pactwire.core.internal.JsonPath;
import io.pactwire.core.internal.Secrets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to keep out of a pact.
 *
 * @param secretHeaders header names (lower case) written as a placeholder with a regex matcher,
 *     besides those whose names say they carry a credential ({@link Secrets#isSecretHeader})
 * @param secretPaths JSON paths ({@code $.card.number}, {@code $.items[*].token}) written likewise
 * @param secretQueryParameters query parameter names written likewise
 */
public record CaptureSettings(
    Set<String> secretHeaders, List<String> secretPaths, Set<String> secretQueryParameters) {

  /** Headers that never reach a pact with their real value. */
  public static final Set<String> DEFAULT_SECRET_HEADERS = Secrets.HEADERS;

  /** Query parameters that carry credentials in OAuth 2.0 and common API-key schemes. */
  public static final Set<String> DEFAULT_SECRET_QUERY_PARAMETERS = Secrets.QUERY_PARAMETERS;

  /** Defaults plus the given headers and paths. */
  public static CaptureSettings of(List<String> extraHeaders, List<String> secretPaths) {
    return of(extraHeaders, secretPaths, List.of());
  }

  /** Defaults plus the given headers, paths and query parameters. */
  public static CaptureSettings of(
      List<String> extraHeaders, List<String> secretPaths, List<String> extraQueryParameters) {
    Set<String> headers = new TreeSet<>(DEFAULT_SECRET_HEADERS);
    extraHeaders.forEach(h -> headers.add(h.toLowerCase(Locale.ROOT)));
    Set<String> query = new TreeSet<>(DEFAULT_SECRET_QUERY_PARAMETERS);
    extraQueryParameters.forEach(q -> query.add(q.toLowerCase(Locale.ROOT)));
    return new CaptureSettings(
        Set.copyOf(headers),
        secretPaths.stream().map(p -> JsonPath.parse(p).anyIndexes().toString()).toList(),
        Set.copyOf(query));
  }

  boolean isSecretQueryParameter(String name) {
    return secretQueryParameters.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether a body field (JSON or form) of this name holds a credential: a secret query parameter's
   * name, or one {@link Secrets#isSecretField} counts, in any case.
   */
  public boolean isSecretField(String name) {
    return secretQueryParameters.contains(name.toLowerCase(Locale.ROOT))
        || Secrets.isSecretField(name);
  }

  /**
   * Whether a header of this name carries a credential: one named secret, or one {@link
   * Secrets#isSecretHeader} counts, in any case.
   */
  public boolean isSecretHeader(String name) {
    return secretHeaders.contains(name.toLowerCase(Locale.ROOT)) || Secrets.isSecretHeader(name);
  }
}
