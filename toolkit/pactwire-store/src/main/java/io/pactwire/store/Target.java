package io.pactwire.store;

/**
 * What can-i-deploy checks a version against: the versions deployed to (and released in) an
 * environment, or the latest version of each integration partner.
 *
 * @param environment the environment; null for the latest versions
 * @since 0.1.0
 */
public record Target(String environment) {

  /** The versions deployed to or released in {@code environment}. */
  public static Target environment(String environment) {
    if (environment == null) {
      throw new IllegalArgumentException("an environment is named");
    }
    return new Target(environment);
  }

  /** The latest version of each integration partner. */
  public static Target latest() {
    return new Target(null);
  }

  /** Whether this is the latest versions rather than an environment. */
  public boolean isLatest() {
    return environment == null;
  }

  /** {@code production}, or {@code the latest versions}. */
  public String describe() {
    return isLatest() ? "the latest versions" : environment;
  }
}
