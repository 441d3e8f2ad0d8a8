package io.pactwire.example.checkout;

/**
 * A PayPal call that did not succeed: PayPal's status and parsed error body, or no answer at all
 * ({@link #status()} {@code -1}).
 */
public class PayPalException extends RuntimeException {

  private final int status;
  private final transient PayPalError error;

  public PayPalException(String message, int status, PayPalError error) {
    super(message);
    this.status = status;
    this.error = error;
  }

  public PayPalException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
    this.error = null;
  }

  /** The HTTP status, or {@code -1} when no response arrived. */
  public int status() {
    return status;
  }

  /** PayPal's error body, or {@code null} when the response carried none. */
  public PayPalError error() {
    return error;
  }
}
