package io.pactwire.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The warm-up runs the common keywords on a value that passes, as most checks do. */
class SchemaValidatorWarmUpTests {

  @Test
  void theWarmUpValueConformsToItsSchema() throws IOException {
    ObjectNode schema = (ObjectNode) Json.readTree(SchemaValidator.WARM_UP_SCHEMA);

    assertThat(
            new SchemaValidator()
                .validate("warm-up", schema, Json.readTree(SchemaValidator.WARM_UP_VALUE)))
        .isEmpty();
    // and the schema does reject: a warm-up against a schema that admits anything runs nothing
    assertThat(new SchemaValidator().validate("warm-up", schema, Json.readTree("{\"h\": 1}")))
        .isNotEmpty();
  }
}
