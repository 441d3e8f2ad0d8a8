package io.pactwire.example.checkout;

/**
 * inventory-service answered in a way the client cannot turn into a result: an unexpected status, a
 * body that does not parse, or no answer at all.
 */
public class InventoryException extends RuntimeException {

  private final int status;
  private final transient Problem problem;

  public InventoryException(String message, int status, Problem problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }

  public InventoryException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
    this.problem = null;
  }

  /** The HTTP status, or {@code -1} when no response arrived. */
  public int status() {
    return status;
  }

  /** The problem body the provider sent, or {@code null} when it sent none. */
  public Problem problem() {
    return problem;
  }
}
