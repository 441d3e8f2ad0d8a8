package io.pactwire.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappingCollection;
import io.pactwire.consumer.StubConversion;
import io.pactwire.consumer.StubConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two corpus mappings the converter accepts (listed in {@link KnownGaps}) are accepted because
 * WireMock itself loads and serves them: each is converted into the answer WireMock would give.
 */
class AcceptedMappingsTests {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // the status "200", which WireMock reads as 200
    "mappings/status-is-text.json, 200",
    // no response, which WireMock serves as 200 with no body
    "mappings/response-missing.json, 200"
  })
  void convertedAsWireMockServesThem(String name, int status) throws IOException {
    String text = Files.readString(BadInput.ROOT.resolve(name));
    List<? extends StubMapping> loaded =
        Json.read(text, StubMappingCollection.class).getMappingOrMappings();
    assertThat(loaded).as("mappings WireMock loads from " + name).hasSize(1);
    assertThat(loaded.get(0).getResponse().getStatus()).as("WireMock's status").isEqualTo(status);

    List<StubConversion> converted =
        StubConverter.newInstance().convertFile(BadInput.ROOT.resolve(name));

    assertThat(converted).hasSize(1).first().isInstanceOf(StubConversion.Converted.class);
    assertThat(
            ((StubConversion.Converted) converted.get(0)).interaction().getResponse().getStatus())
        .as("the contract's status")
        .isEqualTo(status);
  }
}
