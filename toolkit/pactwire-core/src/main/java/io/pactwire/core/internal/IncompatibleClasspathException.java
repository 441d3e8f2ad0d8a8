package io.pactwire.core.internal;

/**
 * Libraries on the test classpath that cannot work together, one line per problem, each saying what
 * was found and what to change. No stack trace: where it was thrown says nothing.
 */
public final class IncompatibleClasspathException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  IncompatibleClasspathException(String message) {
    super(message, null);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
