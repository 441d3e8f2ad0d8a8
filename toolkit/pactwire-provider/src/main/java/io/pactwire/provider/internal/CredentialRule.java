package io.pactwire.provider.internal;

import java.util.function.Supplier;

/**
 * One credential to send: a header or query parameter, its value as a template (resolved once per
 * test class) or a supplier (asked once per interaction), and where it was declared.
 */
public record CredentialRule(
    boolean header, String name, String template, Supplier<String> supplier, String origin) {

  /** {@code header Authorization} or {@code query parameter api_key}, as messages name it. */
  public String what() {
    return (header ? "header " : "query parameter ") + name;
  }
}
