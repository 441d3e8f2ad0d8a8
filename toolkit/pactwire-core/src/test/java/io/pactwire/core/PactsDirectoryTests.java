package io.pactwire.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PactsDirectoryTests {

  @TempDir Path root;

  /** The pacts folder for a build started in {@code workingDir}, with nothing configured. */
  private static Path located(Path workingDir) {
    return PactsDirectory.locate(new Properties(), Map.of(), workingDir);
  }

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
      Files.createDirectories(root.resolve(".mvn"));
      Files.createDirectories(root.resolve("pacts"));
      Path module = Files.createDirectories(root.resolve("consumer/checkout-service"));
      assertThat(located(module)).isEqualTo(root.resolve("pacts"));
    }

    @Test
    void fallsBackToTheBuildRootBeforeAnyPactIsWritten() throws Exception {
      Files.createDirectories(root.resolve(".mvn"));
      Path module = Files.createDirectories(root.resolve("provider/inventory-service"));
      assertThat(located(module)).isEqualTo(root.resolve("pacts"));
    }

    @Test
    void aFirstBuildWithoutAnyMarkerWritesBesideTheWorkingDirectory() {
      Path nowhere = root.resolve("a/b");
      assertThat(located(nowhere)).isEqualTo(nowhere.resolve("pacts"));
    }
  }

  /** A pacts/ folder above the project belongs to someone else and is never used. */
  @Nested
  class NeverAboveTheProjectRoot {

    @Test
    void aPactsFolderAboveTheBuildRootIsIgnored() throws Exception {
      Files.createDirectories(root.resolve("pacts"));
      Path project = Files.createDirectories(root.resolve("work/carrier-client"));
      Files.createDirectories(project.resolve(".mvn"));
      Path module = Files.createDirectories(project.resolve("client"));
      assertThat(located(module)).isEqualTo(project.resolve("pacts"));
    }

    @Test
    void aPactsFolderAboveTheGitRootIsIgnored() throws Exception {
      Files.createDirectories(root.resolve("pacts"));
      Path project = Files.createDirectories(root.resolve("repo"));
      Files.writeString(project.resolve(".git"), "gitdir: /elsewhere/worktrees/repo\n");
      assertThat(located(project)).isEqualTo(project.resolve("pacts"));
    }

    @Test
    void withoutMarkersTheTopmostBuildFileBoundsTheSearch() throws Exception {
      Files.createDirectories(root.resolve("pacts"));
      Path project = Files.createDirectories(root.resolve("projects/shipping"));
      Files.writeString(project.resolve("pom.xml"), "<project/>");
      Path module = Files.createDirectories(project.resolve("api-client"));
      Files.writeString(module.resolve("pom.xml"), "<project/>");
      assertThat(PactsDirectory.projectRoot(module)).isEqualTo(project);
      assertThat(located(module)).isEqualTo(project.resolve("pacts"));
    }

    @Test
    void aNestedProjectWithItsOwnMarkerKeepsItsOwnPacts() throws Exception {
      Files.createDirectories(root.resolve(".mvn"));
      Files.createDirectories(root.resolve("pacts"));
      Path sample = Files.createDirectories(root.resolve("samples/plain"));
      Files.createDirectories(sample.resolve(".mvn"));
      assertThat(located(sample)).isEqualTo(sample.resolve("pacts"));
    }
  }
}
