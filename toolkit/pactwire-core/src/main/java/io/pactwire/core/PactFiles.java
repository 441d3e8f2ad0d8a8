package io.pactwire.core;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Pact;
import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.internal.AtomicFiles;
import io.pactwire.core.internal.PactJson;
import io.pactwire.core.internal.PactReader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and writes pact files through pact-jvm's model.
 *
 * <p>Writing is deterministic (keys sorted, two-space indent, one trailing newline), so an
 * unchanged contract leaves its file byte-identical, and atomic (a temporary file moved over the
 * target), so a reader never sees half a file.
 *
 * @since 0.1.0
 */
public final class PactFiles {

  private PactFiles() {}

  /**
   * Reads a pact file of any specification version.
   *
   * @throws PactFileException naming the file and where in it the first problem is: the line and
   *     column for malformed JSON, the JSON path for a document that is not a pact
   */
  public static Pact read(Path file) {
    PactReader.read(file);
    try {
      return DefaultPactReader.INSTANCE.loadPact(file.toFile());
    } catch (RuntimeException e) {
      throw new PactFileException(file, "", "not a pact pact-jvm can load: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a file as a JSON tree, decimals as written, failing with the file, line and column when
   * it is malformed.
   */
  public static JsonNode readTree(Path file) {
    return PactReader.readTree(file);
  }

  /** Renders a pact as deterministic V4 JSON, upgrading an older specification version. */
  public static String render(Pact pact) {
    return PactJson.render(pact);
  }

  /** Writes a pact as V4 JSON, atomically and under the file's lock. */
  public static void write(Pact pact, Path file) {
    String text = render(pact);
    AtomicFiles.update(file, current -> Optional.of(text));
  }
}
