package io.pactwire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class CorporaTests {

  @TempDir Path tmp;
  private Corpora previous;

  @AfterEach
  void restore() {
    if (previous != null) {
      Corpora.install(previous);
    }
  }

  /** Runs {@link CorpusUserTestCase} with these environment variables and system properties. */
  private Events runWith(Map<String, String> environment, Map<String, String> properties) {
    previous = Corpora.install(new Corpora(environment::get, properties::get, tmp));
    return EngineRuns.run(CorpusUserTestCase.class).testEvents();
  }

  @Nested
  class WhenTheCorpusIsThere {

    @Test
    void theTestRunsAndPasses() throws IOException {
      Files.createDirectories(tmp.resolve("corpora/example-corpus"));

      Events events = runWith(Map.of("CI", "true"), Map.of(Corpora.PROPERTY, tmp + "/corpora"));

      events.assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void withoutTheProperty_itIsFoundAsSharedCorporaUpwardFromTheWorkingDirectory()
        throws IOException {
      // the layout of a checkout beside shared/: <tmp>/repo/toolkit/module, <tmp>/shared/corpora
      Path module = Files.createDirectories(tmp.resolve("repo/toolkit/module"));
      Path corpus = Files.createDirectories(tmp.resolve("shared/corpora/pacts"));

      Path found = new Corpora(name -> null, name -> null, module).find("pacts", "the checks");

      assertThat(found).isEqualTo(corpus);
    }

    @Test
    void aFileIsACorpusToo() throws IOException {
      Path spec = tmp.resolve("corpora/paypal/orders.json");
      Files.createDirectories(spec.getParent());
      Files.writeString(spec, "{}");
      Corpora corpora =
          new Corpora(name -> null, Map.of(Corpora.PROPERTY, tmp + "/corpora")::get, tmp);

      assertThat(corpora.find("paypal/orders.json", "the checks")).isEqualTo(spec);
    }
  }

  @Nested
  class OutsideCi {

    @Test
    void aMissingCorporaFolderSkipsTheTestWithOneLineNamingWhatDidNotRunAndWhy() {
      Events events = runWith(Map.of(), Map.of(Corpora.PROPERTY, tmp + "/nowhere"));

      events.assertStatistics(stats -> stats.started(1).aborted(1).failed(0));
      events
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  abortedWithReason(
                      instanceOf(TestAbortedException.class),
                      message(
                          "skipped: the example checks: "
                              + tmp.resolve("nowhere")
                              + " not found (set -Dpactwire.corporaDir)"))));
    }

    @Test
    void aMissingCorpusInAPresentFolderNamesTheCorpus() throws IOException {
      Files.createDirectories(tmp.resolve("corpora"));

      Events events = runWith(Map.of("CI", "false"), Map.of(Corpora.PROPERTY, tmp + "/corpora"));

      events
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  abortedWithReason(
                      message(
                          "skipped: the example checks: "
                              + tmp.resolve("corpora/example-corpus")
                              + " not found (set -Dpactwire.corporaDir)"))));
    }

    @Test
    void noPropertyAndNoSharedFolderUpwardSaysWhichFolderWasLookedFor() {
      Corpora corpora = new Corpora(name -> null, name -> null, tmp);

      assertThatThrownBy(() -> corpora.find("pacts", "the pact checks"))
          .isInstanceOf(TestAbortedException.class)
          .hasMessage(
              "skipped: the pact checks: ../shared/corpora not found (set -Dpactwire.corporaDir)");
    }

    @Test
    void theSkipLineIsPrintedOnceHoweverManyTestsSkipForIt() {
      Corpora corpora =
          new Corpora(name -> null, Map.of(Corpora.PROPERTY, tmp + "/once")::get, tmp);
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream original = System.err;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      try {
        for (int i = 0; i < 3; i++) {
          assertThatThrownBy(() -> corpora.find("x", "the once checks"))
              .isInstanceOf(TestAbortedException.class);
        }
      } finally {
        System.setErr(original);
      }

      assertThat(err.toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "skipped: the once checks: "
                  + tmp.resolve("once")
                  + " not found (set -Dpactwire.corporaDir)"
                  + System.lineSeparator());
    }
  }

  @Nested
  class InCi {

    @Test
    void aMissingCorpusFailsTheTestWithOneLineSayingCiRequiresIt() {
      Events events = runWith(Map.of("CI", "true"), Map.of(Corpora.PROPERTY, "/nonexistent"));

      events.assertStatistics(stats -> stats.started(1).failed(1).aborted(0));
      events
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  finishedWithFailure(
                      instanceOf(AssertionFailedError.class),
                      message(
                          "the example checks did not run: /nonexistent not found"
                              + " (set -Dpactwire.corporaDir); CI=true requires the shared"
                              + " corpora"))));
    }

    @Test
    void theValueIsCaseInsensitiveAsCiServicesSpellIt() {
      Events events = runWith(Map.of("CI", "TRUE"), Map.of(Corpora.PROPERTY, "/nonexistent"));

      events.assertStatistics(stats -> stats.failed(1));
    }
  }
}
