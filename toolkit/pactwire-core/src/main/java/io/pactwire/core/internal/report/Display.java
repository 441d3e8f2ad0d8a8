package io.pactwire.core.internal.report;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Shows paths the way people typed them: relative to the working directory where possible. */
public final class Display {

  private Display() {}

  /** Returns {@code path} relative to the working directory when it lies below it. */
  public static String path(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path cwd = Paths.get("").toAbsolutePath();
    return (absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute)
        .toString()
        .replace('\\', '/');
  }
}
