package io.pactwire.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of the bad-input corpus ({@code corpus/manifest.tsv}, written by {@code
 * bench/robustness/generate-corpus.py}), and what a refusal of it must look like.
 *
 * @param name the entry's path below {@code corpus/}, e.g. {@code pacts/status-is-text.json}
 * @param location what the message must point at besides the file: {@code line} (line:column),
 *     {@code path} (a JSON path) or {@code none}
 */
public record BadInput(String name, Path path, String location) {

  static final Path ROOT =
      Path.of(System.getProperty("pactwire.hardening.corpus", "corpus")).toAbsolutePath();

  private static final Pattern LINE_COLUMN = Pattern.compile(":\\d+:\\d+");
  private static final Pattern STACK_TRACE =
      Pattern.compile(
          "(?m)^\\s+at |\\b(java|com|au|io|org)\\.[\\w.]+\\.[A-Z]\\w*(Exception|Error)\\b");

  /** The corpus entries of one kind: {@code pacts}, {@code specs} or {@code mappings}. */
  public static List<BadInput> of(String kind) {
    List<BadInput> entries = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(ROOT.resolve("manifest.tsv"), StandardCharsets.UTF_8)) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] fields = line.split("\t");
        if (fields[0].startsWith(kind + "/")) {
          entries.add(new BadInput(fields[0], ROOT.resolve(fields[0]), fields[1]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(entries).as("corpus entries of kind " + kind).isNotEmpty();
    return entries;
  }

  public String fileName() {
    return path.getFileName().toString();
  }

  public boolean isRegularFile() {
    return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Puts this entry into {@code dir} as {@code name}: a regular file as a copy, a folder or a
   * symbolic link as a link to the corpus entry (so a loop stays a loop and a dangling link
   * dangles).
   */
  public Path placeIn(Path dir, String name) {
    Path target = dir.resolve(name);
    try {
      if (isRegularFile()) {
        Files.copy(path, target);
      } else {
        Files.createSymbolicLink(target, path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /**
   * Asserts that {@code message} is a refusal of {@code file}: one line, naming it (or, for a
   * reader of folders, the folder), with the location the manifest expects, and no stack trace.
   */
  public void assertRefusal(String message, Path file, Path folder) {
    assertThat(message).as("refusal of " + name).isNotBlank();
    String text = message.strip();
    assertThat(text.lines().count())
        .as("lines in the refusal of " + name + ": " + text)
        .isEqualTo(1);
    assertThat(STACK_TRACE.matcher(text).find())
        .as("a stack trace or exception class in the refusal of " + name + ": " + text)
        .isFalse();
    boolean namesFile = text.contains(file.toString());
    boolean namesFolder = folder != null && text.contains(folder.toString());
    assertThat(namesFile || namesFolder)
        .as("the refusal of " + name + " names " + file + ": " + text)
        .isTrue();
    if (namesFile && folder == null) {
      if (location.equals("line")) {
        assertThat(LINE_COLUMN.matcher(text).find())
            .as("line:column in the refusal of " + name + ": " + text)
            .isTrue();
      } else if (location.equals("path")) {
        assertThat(text).as("a JSON path in the refusal of " + name).contains(":$");
      }
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
