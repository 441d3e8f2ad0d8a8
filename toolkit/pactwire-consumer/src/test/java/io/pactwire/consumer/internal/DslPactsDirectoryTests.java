package io.pactwire.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSessionListener;

class DslPactsDirectoryTests {

  @Test
  void pointsPactJvmAtThePactsFolderWhenTheBuildSaysNothing() {
    Properties properties = new Properties();

    String kept = DslPactsDirectory.point(properties, () -> Path.of("/work/shop/pacts"));

    assertThat(properties.getProperty("pact.rootDir")).isEqualTo("/work/shop/pacts");
    assertThat(kept).isEqualTo("/work/shop/pacts");
  }

  @Test
  void leavesAFolderTheBuildNamedForPactJvm() {
    Properties properties = new Properties();
    properties.setProperty("pact.rootDir", "build/custom-pacts");

    String kept =
        DslPactsDirectory.point(
            properties,
            () -> {
              throw new AssertionError("the pacts folder was looked for");
            });

    assertThat(properties.getProperty("pact.rootDir")).isEqualTo("build/custom-pacts");
    assertThat(kept).isEqualTo("build/custom-pacts");
  }

  @Test
  void isALauncherSessionListenerOfThisArtifact() {
    assertThat(ServiceLoader.load(LauncherSessionListener.class).stream())
        .anyMatch(provider -> provider.type() == DslPactsDirectory.class);
  }
}
