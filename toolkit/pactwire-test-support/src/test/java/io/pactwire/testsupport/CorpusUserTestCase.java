package io.pactwire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** A test that needs a corpus, as a module writes it; run only through {@link CorporaTests}. */
class CorpusUserTestCase {

  @Test
  void readsTheExampleCorpus() {
    assertThat(Files.isDirectory(Corpora.require("example-corpus", "the example checks"))).isTrue();
  }
}
