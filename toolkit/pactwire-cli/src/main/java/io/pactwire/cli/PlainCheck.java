package io.pactwire.cli;

import io.pactwire.cli.CheckOpenApiCommand.Format;
import io.pactwire.cli.CheckOpenApiCommand.Request;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a plain {@code check-openapi} command line without picocli, so that a check does not pay
 * for picocli's start-up.
 *
 * <p>Picocli's start-up (its classes cannot be kept in a CDS archive, and it reads its annotations
 * reflectively) costs about 0.2 s of CPU, as much as the check itself. The forms read here are the
 * ones a build script writes: {@code check-openapi --pact F --spec F... [--format X]
 * [--ignore-matching-rules]}, each option also as {@code --name=value}. Anything else (help, a
 * misspelt or repeated option, a value that looks like an option, an {@code @file}, an unknown
 * format) is left to picocli, which reads it and prints its own help or error, so what a user sees
 * never depends on which of the two read the line.
 */
final class PlainCheck {

  private PlainCheck() {}

  /** The check the arguments ask for, or empty when picocli should read them. */
  static Optional<Request> parse(String[] args) {
    if (args.length == 0 || !args[0].equals("check-openapi")) {
      return Optional.empty();
    }
    String pact = null;
    List<String> specs = new ArrayList<>();
    Format format = Format.text;
    boolean formatSeen = false;
    boolean ignoreMatchingRules = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      int eq = a.indexOf('=');
      String name = eq < 0 ? a : a.substring(0, eq);
      if (name.equals("--ignore-matching-rules")) {
        if (eq >= 0 || ignoreMatchingRules) {
          return Optional.empty();
        }
        ignoreMatchingRules = true;
        continue;
      }
      String value;
      if (eq >= 0) {
        value = a.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return Optional.empty();
      }
      // picocli would read these differently (an option where a value belongs, an @file to
      // expand) or refuse them: let it
      if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
        return Optional.empty();
      }
      switch (name) {
        case "--pact" -> {
          if (pact != null) {
            return Optional.empty();
          }
          pact = value;
        }
        case "--spec" -> specs.add(value);
        case "--format" -> {
          Optional<Format> f = format(value);
          if (formatSeen || f.isEmpty()) {
            return Optional.empty();
          }
          format = f.get();
          formatSeen = true;
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    if (pact == null || specs.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Request(Path.of(pact), paths(specs), ignoreMatchingRules, format));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static List<Path> paths(List<String> values) {
    return values.stream().map(Path::of).toList();
  }

  private static Optional<Format> format(String value) {
    for (Format f : Format.values()) {
      if (f.name().equals(value)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
