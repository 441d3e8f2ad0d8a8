package io.pactwire.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Rendered text compared with a golden file, by default under {@code src/test/resources/golden/} of
 * the module under test.
 *
 * <p>A difference fails with an {@link AssertionFailedError} carrying the file's text as expected
 * and the rendering as actual, so that an IDE shows the diff. Run with {@code
 * -Dpactwire.updateGolden=true} (the build's one update flag) to rewrite the files from the actual
 * text instead of comparing, then review the change with {@code git diff}.
 */
public final class Golden {

  /** The system property that rewrites golden files instead of comparing with them. */
  public static final String UPDATE_PROPERTY = "pactwire.updateGolden";

  /** Where golden files live, relative to the module under test. */
  public static final Path FOLDER = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  /** Asserts that {@code actual} is the text of {@code name} in {@link #FOLDER}. */
  public static void assertMatches(String name, String actual) {
    assertMatches(FOLDER.resolve(name), actual);
  }

  /** Asserts that {@code actual} is the text of {@code file}, or rewrites it with the flag. */
  public static void assertMatches(Path file, String actual) {
    assertMatches(file, actual, Boolean.getBoolean(UPDATE_PROPERTY));
  }

  static void assertMatches(Path file, String actual, boolean update) {
    try {
      if (update) {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.isRegularFile(file)) {
        throw new AssertionFailedError(
            "golden file "
                + file
                + " does not exist (write it with -D"
                + UPDATE_PROPERTY
                + "=true)",
            null,
            actual);
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        throw new AssertionFailedError(
            "output differs from golden file "
                + file
                + " (after a deliberate change, rewrite it with -D"
                + UPDATE_PROPERTY
                + "=true and review the diff)",
            expected,
            actual);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("golden file " + file, e);
    }
  }
}
