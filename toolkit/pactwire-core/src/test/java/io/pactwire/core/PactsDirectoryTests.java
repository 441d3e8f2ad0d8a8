package io.pactwire.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PactsDirectoryTests {

  @TempDir Path root;

  @Nested
  class Configured {

    @Test
    void systemPropertyWinsOverEnvironment() {
      Properties properties = new Properties();
      properties.setProperty(PactsDirectory.PROPERTY, "from-property");
      Path located =
          PactsDirectory.locate(
              properties, Map.of(PactsDirectory.ENVIRONMENT_VARIABLE, "from-env"), root);
      assertThat(located).isEqualTo(root.resolve("from-property"));
    }

    @Test
    void environmentIsUsedWhenNoPropertyIsSet() {
      Path located =
          PactsDirectory.locate(
              new Properties(), Map.of(PactsDirectory.ENVIRONMENT_VARIABLE, "/abs/pacts"), root);
      assertThat(located).isEqualTo(Path.of("/abs/pacts"));
    }
  }

  @Nested
  class Discovered {

    @Test
    void findsTheNearestAncestorHoldingPacts() throws Exception {
      Files.createDirectories(root.resolve("pacts"));
      Path module = Files.createDirectories(root.resolve("consumer/checkout-service"));
      assertThat(PactsDirectory.locate(new Properties(), Map.of(), module))
          .isEqualTo(root.resolve("pacts"));
    }

    @Test
    void fallsBackToTheBuildRootBeforeAnyPactIsWritten() throws Exception {
      Files.createDirectories(root.resolve(".mvn"));
      Path module = Files.createDirectories(root.resolve("provider/inventory-service"));
      assertThat(PactsDirectory.locate(new Properties(), Map.of(), module))
          .isEqualTo(root.resolve("pacts"));
    }

    @Test
    void failsNamingWhereItLookedWhenNothingIsFound() {
      Path nowhere = root.resolve("a/b");
      assertThatThrownBy(() -> PactsDirectory.locate(new Properties(), Map.of(), nowhere))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no pacts/ folder found at or above " + nowhere)
          .hasMessageContaining(PactsDirectory.PROPERTY);
    }
  }
}
