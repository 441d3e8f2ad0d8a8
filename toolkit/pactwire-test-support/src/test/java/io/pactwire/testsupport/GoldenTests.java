package io.pactwire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class GoldenTests {

  @TempDir Path tmp;

  @Nested
  class Comparing {

    @Test
    void theSameTextPasses() throws IOException {
      Path file = Files.writeString(tmp.resolve("report.txt"), "one\ntwo\n");

      assertThatNoException().isThrownBy(() -> Golden.assertMatches(file, "one\ntwo\n", false));
    }

    @Test
    void aDifferenceFailsWithExpectedAndActualForTheIdesDiff() throws IOException {
      Path file = Files.writeString(tmp.resolve("report.txt"), "one\ntwo\n");

      AssertionFailedError failure =
          catchThrowableOfType(
              AssertionFailedError.class, () -> Golden.assertMatches(file, "one\n2\n", false));

      assertThat(failure.getExpected().getValue()).isEqualTo("one\ntwo\n");
      assertThat(failure.getActual().getValue()).isEqualTo("one\n2\n");
      assertThat(failure)
          .hasMessageStartingWith("output differs from golden file " + file)
          .hasMessageContaining("-Dpactwire.updateGolden=true");
      assertThat(file).hasContent("one\ntwo\n");
    }

    @Test
    void aMissingFileFailsSayingHowToWriteIt() {
      Path file = tmp.resolve("new.txt");

      AssertionFailedError failure =
          catchThrowableOfType(
              AssertionFailedError.class, () -> Golden.assertMatches(file, "text", false));

      assertThat(failure)
          .hasMessage(
              "golden file "
                  + file
                  + " does not exist (write it with -Dpactwire.updateGolden=true)");
      assertThat(file).doesNotExist();
    }
  }

  @Nested
  class Updating {

    @Test
    void rewritesTheFileWithTheActualText() throws IOException {
      Path file = Files.writeString(tmp.resolve("report.txt"), "old\n");

      Golden.assertMatches(file, "new\n", true);

      assertThat(file).hasContent("new\n");
    }

    @Test
    void createsAMissingFileAndItsFolder() {
      Path file = tmp.resolve("golden/sub/report.txt");

      Golden.assertMatches(file, "new\n", true);

      assertThat(file).hasContent("new\n");
    }
  }
}
