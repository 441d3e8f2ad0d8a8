package io.pactwire.consumer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pact files this JVM merged into last, each with the text the merge left in it and its
 * interactions: while a file still holds that text, the next merge (under the file's lock) need not
 * parse it again. A file that another fork or anyone else wrote since holds other text, and is
 * parsed anew.
 */
final class KnownPactFiles {

  // A test JVM writes a few pacts; more than this many are parsed again, as before.
  private static final int FILES = 8;

  private static final Map<Path, Known> KNOWN =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Known> eldest) {
          return size() > FILES;
        }
      };

  /**
   * A pact file as a merge left it.
   *
   * @param text the file's text
   * @param interactions its interactions, as the merge holds them
   * @param contents what some of them are compared by, by key, where that is not their JSON less
   *     comments and key (the file's own JSON for one pact-jvm read from it)
   */
  record Known(
      String text, List<RecordedInteraction> interactions, Map<String, JsonNode> contents) {}

  private KnownPactFiles() {}

  /** What the last merge left in {@code file}, if the file still holds {@code text}. */
  static Optional<Known> get(Path file, String text) {
    synchronized (KNOWN) {
      Known known = KNOWN.get(file.toAbsolutePath().normalize());
      return known != null && known.text().equals(text) ? Optional.of(known) : Optional.empty();
    }
  }

  static void put(Path file, Known known) {
    synchronized (KNOWN) {
      KNOWN.put(file.toAbsolutePath().normalize(), known);
    }
  }
}
