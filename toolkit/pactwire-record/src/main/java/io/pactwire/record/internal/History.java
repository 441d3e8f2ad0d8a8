package io.pactwire.record.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.internal.AtomicFiles;
import io.pactwire.core.internal.JsonTrees;
import io.pactwire.record.MonitorInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A monitor's history: one JSON object per line, one line per run, oldest first. It is only ever
 * appended to, by replacing the file with its old text plus the new line (under the file's lock,
 * atomically), so that a crash leaves the old history whole; a history that cannot be read is left
 * as it is.
 */
public final class History {

  private static final ObjectMapper JSON = new ObjectMapper();

  private History() {}

  /**
   * The runs recorded so far; none when the file does not exist.
   *
   * @throws MonitorInputException naming the file and line of the first line that is no run record
   */
  public static List<ObjectNode> read(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new MonitorInputException(file + ": cannot read the history: " + e.getMessage());
    }
  }

  /**
   * Appends a run, after checking again, under the lock, that the history is whole.
   *
   * @throws MonitorInputException when the history has become unreadable; it is left unchanged
   */
  public static void append(Path file, ObjectNode run) {
    String line;
    try {
      line = JSON.writeValueAsString(run);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    AtomicFiles.update(
        file,
        current -> {
          String text = current.orElse("");
          parse(file, text);
          if (!text.isEmpty() && !text.endsWith("\n")) {
            text += "\n";
          }
          return Optional.of(text + line + "\n");
        });
  }

  private static List<ObjectNode> parse(Path file, String text) {
    List<ObjectNode> runs = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode json;
      try {
        json = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw corrupt(file, i + 1, "not JSON: " + JsonTrees.problem(e));
      }
      if (!(json instanceof ObjectNode run)
          || !json.path("at").isTextual()
          || !json.path("interactions").isArray()) {
        throw corrupt(file, i + 1, "not a monitor run (an object with 'at' and 'interactions')");
      }
      runs.add(run);
    }
    return runs;
  }

  private static MonitorInputException corrupt(Path file, int line, String why) {
    String shown = why.length() > 120 ? why.substring(0, 120) + "…" : why;
    return new MonitorInputException(
        file
            + ":"
            + line
            + ": the history is corrupt ("
            + shown
            + "); it is left as it is: repair that line or move the file aside");
  }
}
