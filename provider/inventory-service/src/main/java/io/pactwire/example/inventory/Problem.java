package io.pactwire.example.inventory;

/**
 * An RFC 9457 problem body, sent as {@code application/problem+json}.
 *
 * @param type a URI naming the problem type; {@code about:blank} when the status says it all
 * @param title a short summary that does not change between occurrences
 * @param status the HTTP status code
 * @param detail what went wrong this time
 * @since 0.1.0
 */
public record Problem(String type, String title, int status, String detail) {

  /** The media type of a problem body. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** Returns a problem of type {@code about:blank}. */
  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail);
  }
}
