package io.pactwire.stubs;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.pactwire.core.PactsDirectory;
import io.pactwire.stubs.internal.StubLoader;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every HTTP interaction of every pact at hand, served as a stub, answers a request built from its
 * own example with its own example response: the project's pacts and the pacts of pact-jvm and
 * pact-js, spec V1 to V4.
 */
class RoundTripTests {

  private static WireMockServer server;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort().extensions(new PactRequestMatcher()));
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @TestFactory
  Stream<DynamicNode> projectPacts() {
    Path folder = PactsDirectory.locate();
    return pacts(folder, StubLoader.files(folder));
  }

  @TestFactory
  Stream<DynamicNode> pactJvmPacts() {
    return corpus(Corpora.require("pact-jvm-pacts", "stub round trip of pact-jvm's pacts"));
  }

  @TestFactory
  Stream<DynamicNode> pactJsPacts() {
    return corpus(Corpora.require("pact-js-pacts", "stub round trip of pact-js's pacts"));
  }

  /**
   * Every {@code *.json} below a corpus folder, which keeps its project's layout (a pacts folder
   * itself is read flat, as the stubs read it).
   */
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

  private Stream<DynamicNode> pacts(Path folder, List<Path> pactFiles) {
    List<DynamicNode> files = new ArrayList<>();
    for (Path file : pactFiles) {
      if (StubLoader.load(file, null).isEmpty()) {
        continue; // messages only
      }
      PactStubs stubs = PactStubs.newInstance().pacts(file).build();
      List<DynamicTest> tests = new ArrayList<>();
      for (int i = 0; i < stubs.interactions().size(); i++) {
        StubbedInteraction interaction = stubs.interactions().get(i);
        SynchronousRequestResponse http = stubs.compiled().get(i).interaction();
        tests.add(
            DynamicTest.dynamicTest(
                interaction.description(), () -> roundTrip(stubs, interaction, http)));
      }
      files.add(DynamicContainer.dynamicContainer(folder.relativize(file).toString(), tests));
    }
    assertThat(files).as("pacts with HTTP interactions in %s", folder).isNotEmpty();
    return files.stream();
  }

  private static void roundTrip(
      PactStubs stubs, StubbedInteraction interaction, SynchronousRequestResponse http) {
    server.resetMappings();
    stubs.registerWith(server);
    IRequest request = http.getRequest();
    List<Map.Entry<String, String>> state =
        interaction.states().stream().map(s -> Map.entry(PactStubs.STATE_HEADER, s)).toList();
    RawHttp.Answer answer = RawHttp.send(server.port(), request, state);
    IResponse expected = http.getResponse();
    assertThat(answer.status())
        .as("status of %s", interaction.label())
        .isEqualTo(expected.getStatus());
    for (Map.Entry<String, List<String>> header : expected.getHeaders().entrySet()) {
      assertThat(answer.headers().toLowerCase(Locale.ROOT))
          .as("header %s of %s", header.getKey(), interaction.label())
          .contains(header.getKey().toLowerCase(Locale.ROOT) + ": ");
    }
    if (expected.getGenerators().isEmpty() && expected.getBody().isPresent()) {
      assertThat(answer.body())
          .as("body of %s", interaction.label())
          .isEqualTo(new String(expected.getBody().getValue(), StandardCharsets.UTF_8));
    }
  }
}
