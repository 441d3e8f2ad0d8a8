package io.pactwire.core.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered output with {@code src/test/resources/golden/}; run with {@code
 * -Dpactwire.golden.update=true} to rewrite the files, then review the diff.
 */
final class Golden {

  private static final Path FOLDER = Path.of("src/test/resources/golden");

  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path file = FOLDER.resolve(name);
    if (Boolean.getBoolean("pactwire.golden.update")) {
      Files.createDirectories(FOLDER);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file)
        .as("golden file %s (rewrite with -Dpactwire.golden.update=true)", file)
        .exists();
    assertThat(actual).as("%s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
