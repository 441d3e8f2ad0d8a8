package io.pactwire.openapi;

import static io.pactwire.openapi.ExpectedFindings.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Findings.Draft;
import io.pactwire.openapi.internal.Findings.Matched;
import io.pactwire.openapi.internal.Findings.Validated;
import io.pactwire.testsupport.Golden;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The wording of every kind of finding, pinned by a golden file: other tests build their expected
 * text from the catalogue's factories, so this is where a change of wording shows (as AssertJ pins
 * each {@code ShouldXxx} factory's text in its own test). Rewrite it with {@code
 * -Dpactwire.updateGolden=true} after a deliberate change.
 */
class FindingsCatalogueTests {

  static final List<Draft> EVERY_KIND =
      List.of(
          Findings.requestSpecMissing(),
          Findings.messageSpecMissing(),
          Findings.pathOrMethodUnknown("GET", "/orders/x"),
          Findings.authorizationHeaderMissing(),
          Findings.authorizationQueryMissing(),
          Findings.requestAcceptUnknown(),
          Findings.requestAcceptIncompatible(),
          Findings.requestContentTypeUnknown(),
          Findings.requestContentTypeIncompatible(),
          Findings.requestContentTypeMissing(),
          Findings.responseContentTypeUnknown(),
          Findings.responseContentTypeIncompatible(),
          Findings.requestHeaderUnknown("x-tenant"),
          Findings.requestQueryUnknown("page"),
          Findings.responseHeaderUndefined("etag"),
          Findings.responseHeaderUnknown("x-trace"),
          Findings.responseStatusUnknown(302),
          Findings.responseStatusDefault(202),
          Findings.requestBodyUnvalidatable("text/csv"),
          Findings.responseBodyUnvalidatable("text/csv"),
          Findings.messagePayloadUnvalidatable("text/csv"),
          Findings.requestBodyUnknown(),
          Findings.responseBodyUnknown(),
          Findings.incompatible(Validated.REQUEST_HEADER, "must be string"),
          Findings.incompatible(Validated.REQUEST_QUERY, "must be integer"),
          Findings.incompatible(Validated.RESPONSE_HEADER, "must be >= 0"),
          Findings.incompatible(Validated.REQUEST_BODY, "must have required property 'sku'"),
          Findings.incompatible(Validated.RESPONSE_BODY, "must be string"),
          Findings.incompatible(Validated.MESSAGE_PAYLOAD, "must be string"),
          Findings.incompatible(Validated.MESSAGE_HEADERS, "must be string"),
          Findings.messageReferencesMissing("Async"),
          Findings.messageReferencesMalformed("Sync"),
          Findings.messageOperationUnknown("receiveStockChanged"),
          Findings.messageReplyMissing("reserveStock"),
          Findings.messageReplyWithoutMessages("reserveStock"),
          Findings.messageResponseMissing(),
          Findings.messageMatched("[root].components.messages.StockChanged"),
          Findings.messageNoMatch(),
          Findings.messagePayloadUnknown(),
          Findings.eachLikeBelowMinItems(Matched.RESPONSE_BODY, 1, 2),
          Findings.maximumAboveMaxItems(Matched.REQUEST_BODY, 5, 3),
          Findings.typeMatcherNarrowed(
              Matched.RESPONSE_HEADER, "string", null, "type", json("\"integer\"")),
          Findings.typeMatcherNarrowed(
              Matched.RESPONSE_BODY, "number", "items.*.quantity", "minimum", json("1")),
          Findings.numberMatcherNarrowed(Matched.MESSAGE_PAYLOAD, "integer", "minimum", json("0")),
          Findings.numberMatcherNarrowed(Matched.MESSAGE_HEADERS, "decimal", "maximum", json("9")),
          Findings.regexMatches(
              Matched.REQUEST_QUERY, "[a-z]+", "summaryx", "enum", json("[\"summary\",\"full\"]")),
          Findings.numberMatcherAdmits(Matched.REQUEST_QUERY, "integer", "0", "minimum", json("1")),
          Findings.dateMatcherAdmits(
              Matched.RESPONSE_BODY,
              "date",
              "yyyy-MM-dd",
              "2000-01-01",
              "format",
              json("\"date-time\"")),
          Findings.includeMatcherAdmits(
              Matched.REQUEST_HEADER, "v", "xvx", "enum", json("[\"v1\",\"v2\"]")),
          Findings.pathRegexForbidden(
              "/orders/[^/]+", "/orders/1x", "id", "pattern", json("\"^[0-9]+$\"")),
          Findings.pathRegexWithoutOperation("/orders/[0-9]+(/.*)?", "/orders/1/x", "GET"));

  @Test
  void everyKindReadsAsTheGoldenFileSays() throws IOException {
    String text =
        EVERY_KIND.stream()
            .map(d -> d.type().label() + "  " + d.code() + "\n  " + d.message() + "\n")
            .collect(Collectors.joining());
    Golden.assertMatches("findings-catalogue.txt", text);
  }

  @Test
  void aDraftIsPlacedWithItsCodeSeverityAndMessage() {
    Draft draft = Findings.responseStatusUnknown(302);
    Finding.MockDetails mock = new Finding.MockDetails("d", "s", "[root].interactions[0]", null);
    Finding.SpecDetails spec = new Finding.SpecDetails("[root].paths", null, null, null);

    assertThat(draft.at(mock, spec))
        .isEqualTo(
            new Finding(
                "response.status.unknown", draft.message(), mock, spec, Finding.Type.ERROR));
  }
}
