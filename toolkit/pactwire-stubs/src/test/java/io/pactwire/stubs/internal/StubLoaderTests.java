package io.pactwire.stubs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.IRequest;
import io.pactwire.core.PactsDirectory;
import io.pactwire.stubs.internal.StubLoader.Loaded;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A stub is ordered, indexed and named from its example request as the stub's pact text renders it,
 * before pact-jvm parses that text back (which waits for the first request the stub is asked): for
 * every HTTP interaction at hand, what the loader reads from the rendered request is what it would
 * read from the parsed-back one.
 */
class StubLoaderTests {

  @TestFactory
  Stream<DynamicNode> projectPacts() {
    Path folder = PactsDirectory.locate();
    return pacts(folder, StubLoader.files(folder));
  }

  @TestFactory
  Stream<DynamicNode> pactJvmPacts() {
    return corpus(Corpora.require("pact-jvm-pacts", "stub loader on pact-jvm's pacts"));
  }

  @TestFactory
  Stream<DynamicNode> pactJsPacts() {
    return corpus(Corpora.require("pact-js-pacts", "stub loader on pact-js's pacts"));
  }

  private Stream<DynamicNode> corpus(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return pacts(
          folder,
          walk.filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(Files::isRegularFile)
              .filter(p -> !Corpora.isRefusedPact(p))
              .sorted()
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Stream<DynamicNode> pacts(Path folder, List<Path> files) {
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path file : files) {
      List<DynamicTest> tests = new ArrayList<>();
      for (Loaded loaded : StubLoader.load(file, null)) {
        tests.add(
            DynamicTest.dynamicTest(
                loaded.location() + " " + loaded.compiled().description(),
                () -> readsAsParsedBack(loaded)));
      }
      if (!tests.isEmpty()) {
        nodes.add(DynamicContainer.dynamicContainer(folder.relativize(file).toString(), tests));
      }
    }
    assertThat(nodes).as("pacts with HTTP interactions in %s", folder).isNotEmpty();
    return nodes.stream();
  }

  private static void readsAsParsedBack(Loaded loaded) {
    IRequest parsed = loaded.compiled().interaction().getRequest();
    IRequest rendered = loaded.request();
    assertThat(method(rendered)).as("method").isEqualTo(method(parsed));
    assertThat(rendered.getPath()).as("path").isEqualTo(parsed.getPath());
    assertThat(loaded.specificity()).as("specificity").isEqualTo(StubLoader.specificity(parsed));
    assertThat(loaded.literalPath()).as("literal path").isEqualTo(StubLoader.literalPath(parsed));
    assertThat(loaded.pathRegex()).as("path regex").isEqualTo(StubLoader.pathRegex(parsed));
    assertThat(loaded.compiled().description())
        .as("description")
        .isEqualTo(loaded.compiled().interaction().getDescription());
    assertThat(loaded.compiled().states())
        .as("provider states")
        .isEqualTo(
            loaded.compiled().interaction().getProviderStates().stream()
                .map(s -> s.getName())
                .toList());
  }

  private static String method(IRequest request) {
    return request.getMethod() == null ? "GET" : request.getMethod().toUpperCase(Locale.ROOT);
  }
}
