package io.pactwire.core.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.OptionalBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// a provider's own credentials (an access token it issues) were shown in every exchange a report
// shows; only those the request carried were redacted
class ExchangeTextsTests {

  private static String message(String contentType, String body) {
    return ExchangeTexts.message(
        "200",
        Map.of("Content-Type", List.of(contentType)),
        OptionalBody.body(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aJsonBodyShowsNoFieldNamedAsACredentialAtAnyDepth() {
    String text =
        message(
            "application/json",
            "{\"token_type\": \"Bearer\", \"price\": 24.90,"
                + " \"auth\": {\"access_token\": \"ISSUED-1\", \"pins\": [1, 2]},"
                + " \"password\": [\"a\", \"b\"]}");

    assertThat(text)
        .doesNotContain("ISSUED-1")
        .contains("\"access_token\" : \"<redacted>\"")
        .contains("\"password\" : [ \"<redacted>\", \"<redacted>\" ]")
        // the rest as it was, keys sorted and decimals as written
        .contains("\"price\" : 24.90")
        .contains("\"token_type\" : \"Bearer\"");
  }

  @Test
  void aFormBodyShowsNoFieldNamedAsACredential() {
    assertThat(
            message(
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_secret=S3CRET&scope=orders"))
        .endsWith("grant_type=client_credentials&client_secret=<redacted>&scope=orders");
  }

  @Test
  void anXmlBodyShowsNoElementOrAttributeNamedAsACredential() {
    assertThat(
            message(
                "text/xml",
                "<LoginResponse id=\"7\" session-token=\"ATTR-SECRET-1\"><sessionToken>"
                    + "issued-SOAP-SECRET-D</sessionToken><user>ada</user></LoginResponse>"))
        .doesNotContain("issued-SOAP-SECRET-D")
        .doesNotContain("ATTR-SECRET-1")
        .contains("<user>ada</user>")
        .contains("id=\"7\"");
  }

  @Test
  void otherTextIsShownAsItIs() {
    assertThat(message("text/plain", "password = hunter2 in a sentence"))
        .endsWith("password = hunter2 in a sentence");
  }
}
