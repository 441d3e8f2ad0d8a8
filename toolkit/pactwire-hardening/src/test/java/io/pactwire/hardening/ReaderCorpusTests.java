package io.pactwire.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.pactwire.consumer.StubConversion;
import io.pactwire.consumer.StubConverter;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.PactReader;
import io.pactwire.openapi.SpecException;
import io.pactwire.openapi.internal.SpecDocument;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The library readers of pacts, specs and WireMock mappings, over every corpus file. */
class ReaderCorpusTests {

  private static final String PACT_READER = "core PactReader";
  private static final String SPEC_READER = "openapi SpecDocument";
  private static final String MAPPING_READER = "consumer StubConverter (mappings)";

  @TestFactory
  Stream<DynamicTest> pactReaderRefusesEveryBadPact() {
    return KnownGaps.tests(
        PACT_READER,
        "pacts",
        input -> {
          Throwable thrown = catchThrowable(() -> PactReader.read(input.path()));
          assertThat(thrown)
              .as("what reading " + input + " throws")
              .isInstanceOf(PactFileException.class);
          input.assertRefusal(thrown.getMessage(), input.path(), null);
        });
  }

  @TestFactory
  Stream<DynamicTest> specReaderRefusesEveryBadSpec() {
    return KnownGaps.tests(
        SPEC_READER,
        "specs",
        input -> {
          Throwable thrown = catchThrowable(() -> SpecDocument.read(input.path()));
          assertThat(thrown)
              .as("what reading " + input + " throws")
              .isInstanceOf(SpecException.class);
          input.assertRefusal(thrown.getMessage(), input.path(), null);
        });
  }

  @TestFactory
  Stream<DynamicTest> stubConverterRefusesEveryBadMapping() {
    return KnownGaps.tests(
        MAPPING_READER,
        "mappings",
        input -> {
          List<StubConversion> results;
          try {
            results = StubConverter.newInstance().convertFile(input.path());
          } catch (RuntimeException e) {
            throw new AssertionError("converting " + input + " threw " + e, e);
          }
          assertThat(results).as("conversions of " + input).hasSize(1);
          assertThat(results.get(0))
              .as("conversion of " + input)
              .isInstanceOf(StubConversion.Refused.class);
          input.assertRefusal(
              ((StubConversion.Refused) results.get(0)).message(), input.path(), null);
        });
  }

  @AfterAll
  static void report() {
    KnownGaps.report(PACT_READER);
    KnownGaps.report(SPEC_READER);
    KnownGaps.report(MAPPING_READER);
  }
}
