package io.pactwire.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.internal.store.PactVersions;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A pact's version: the SHA-256 of its normalised content (keys sorted, interactions and messages
 * in any order, metadata reduced to the specification version and plugins), in hex.
 *
 * @param hash 64 lower-case hex digits; 40 for a version a Pact Broker named (its SHA-1 of the
 *     pact)
 * @since 0.1.0
 */
public record PactVersion(String hash) implements Comparable<PactVersion> {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}|[0-9a-f]{40}");

  /** Checks the hash. */
  public PactVersion {
    if (hash == null || !HEX.matcher(hash).matches()) {
      throw new IllegalArgumentException(
          "a pact version is 64 hex digits (40 from a Pact Broker), not '" + hash + "'");
    }
  }

  /**
   * The version of a pact file, read with Pactwire's pact reader.
   *
   * @throws io.pactwire.core.PactFileException naming the file and the problem when it is not a
   *     pact
   */
  public static PactVersion of(Path pactFile) {
    return new PactVersion(PactVersions.of(pactFile));
  }

  /** The version of a pact already read as a JSON tree. */
  public static PactVersion of(JsonNode pact) {
    return new PactVersion(PactVersions.of(pact));
  }

  /** The first eight digits, as people read it: {@code a1b2c3d4}. */
  public String shortHash() {
    return hash.substring(0, 8);
  }

  @Override
  public int compareTo(PactVersion other) {
    return hash.compareTo(other.hash);
  }

  @Override
  public String toString() {
    return shortHash();
  }
}
