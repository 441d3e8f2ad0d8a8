package io.pactwire.core;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Pact;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.internal.AtomicFiles;
import io.pactwire.core.internal.JsonText;
import io.pactwire.core.internal.PactJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
   * @throws PactFileException naming the file, and the line and column for malformed JSON
   */
  public static Pact read(Path file) {
    JsonNode tree = readTree(file);
    if (!tree.isObject()) {
      throw new PactFileException(file, "1:1", "a pact is a JSON object", null);
    }
    for (String field : new String[] {"consumer", "provider"}) {
      if (!tree.path(field).path("name").isTextual()) {
        throw new PactFileException(file, "", "missing " + field + ".name", null);
      }
    }
    try {
      return DefaultPactReader.INSTANCE.loadPact(file.toFile());
    } catch (RuntimeException e) {
      throw new PactFileException(file, "", "not a pact pact-jvm can load: " + e.getMessage(), e);
    }
  }

  /** Reads a file as a JSON tree, failing with the file, line and column when it is malformed. */
  public static JsonNode readTree(Path file) {
    try {
      return JsonText.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String location = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr();
      throw new PactFileException(file, location, "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new PactFileException(file, "", "cannot read: " + e, e);
    }
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
