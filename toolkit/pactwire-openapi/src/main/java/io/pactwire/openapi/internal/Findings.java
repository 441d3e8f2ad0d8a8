package io.pactwire.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.Finding.MockDetails;
import io.pactwire.openapi.Finding.SpecDetails;
import io.pactwire.openapi.Finding.Type;

/**
 * The catalogue of findings: one factory per kind of disagreement, each fixing the code, the
 * severity and the wording, so that a code means one thing wherever it is reported and tests build
 * the expected text from the same factory (as AssertJ's {@code ShouldContain} does). A factory
 * returns a {@link Draft}; {@link Draft#at} places it in the pact and the spec.
 */
public final class Findings {

  private Findings() {}

  /** A finding's code, severity and message, before it is placed in the pact and the spec. */
  public record Draft(String code, Type type, String message) {

    /**
     * The finding at {@code mock} in the pact and {@code spec} in the spec (either may be null).
     */
    public Finding at(MockDetails mock, SpecDetails spec) {
      return new Finding(code, message, mock, spec, type);
    }
  }

  // ---- documents --------------------------------------------------------------------------

  /** {@code request.spec.missing}: an HTTP interaction, but no OpenAPI document to check it. */
  public static Draft requestSpecMissing() {
    return error(
        "request.spec.missing", "No OpenAPI document provided to validate HTTP interaction");
  }

  /** {@code message.spec.missing}: a message interaction, but no AsyncAPI document to check it. */
  public static Draft messageSpecMissing() {
    return error(
        "message.spec.missing", "No AsyncAPI document provided to validate async interaction");
  }

  // ---- HTTP: routing ----------------------------------------------------------------------

  /** {@code request.path-or-method.unknown}: no operation has the method and path. */
  public static Draft pathOrMethodUnknown(String method, String path) {
    return error(
        "request.path-or-method.unknown",
        "Path or method not defined in spec file: " + method + " " + path);
  }

  // ---- HTTP: security ---------------------------------------------------------------------

  /** {@code request.authorization.missing}: a security scheme wants a header the request lacks. */
  public static Draft authorizationHeaderMissing() {
    return error(
        "request.authorization.missing",
        "Request Authorization header is missing but is required by the spec file");
  }

  /** {@code request.authorization.missing}: an API key scheme wants a query parameter. */
  public static Draft authorizationQueryMissing() {
    return error(
        "request.authorization.missing",
        "Request Authorization query is missing but is required by the spec file");
  }

  // ---- HTTP: content negotiation ----------------------------------------------------------

  /** {@code request.accept.unknown}: an Accept header, but the operation produces nothing. */
  public static Draft requestAcceptUnknown() {
    return warning(
        "request.accept.unknown",
        "Request Accept header is defined but the spec does not specify any mime-types to produce");
  }

  /**
   * {@code request.accept.incompatible}: the Accept header names nothing the operation produces.
   */
  public static Draft requestAcceptIncompatible() {
    return error(
        "request.accept.incompatible",
        "Request Accept header is incompatible with the mime-types the spec defines to produce");
  }

  /** {@code request.content-type.unknown}: a Content-Type, but the operation consumes nothing. */
  public static Draft requestContentTypeUnknown() {
    return warning(
        "request.content-type.unknown",
        "Request content-type header is defined but the spec does not specify any mime-types to"
            + " consume");
  }

  /** {@code request.content-type.incompatible}: a Content-Type the operation does not consume. */
  public static Draft requestContentTypeIncompatible() {
    return error(
        REQUEST_CONTENT_TYPE_INCOMPATIBLE,
        "Request Content-Type header is incompatible with the mime-types the spec accepts to"
            + " consume");
  }

  /**
   * The code of {@link #requestContentTypeIncompatible()}: the request body is then not checked.
   */
  public static final String REQUEST_CONTENT_TYPE_INCOMPATIBLE =
      "request.content-type.incompatible";

  /** {@code request.content-type.missing}: a body without Content-Type where the spec has types. */
  public static Draft requestContentTypeMissing() {
    return warning(
        "request.content-type.missing",
        "Request content type header is not defined but spec specifies mime-types to consume");
  }

  /** {@code response.content-type.unknown}: a Content-Type, but the response has no content. */
  public static Draft responseContentTypeUnknown() {
    return warning(
        "response.content-type.unknown",
        "Response Content-Type header is defined but the spec does not specify any mime-types to"
            + " produce");
  }

  /** {@code response.content-type.incompatible}: a Content-Type the response does not produce. */
  public static Draft responseContentTypeIncompatible() {
    return error(
        RESPONSE_CONTENT_TYPE_INCOMPATIBLE,
        "Response Content-Type header is incompatible with the mime-types the spec defines to"
            + " produce");
  }

  /** The code of {@link #responseContentTypeIncompatible()}: the body is then not checked. */
  public static final String RESPONSE_CONTENT_TYPE_INCOMPATIBLE =
      "response.content-type.incompatible";

  // ---- HTTP: headers, query, status, bodies -----------------------------------------------

  /** {@code request.header.unknown}: a request header the operation does not declare. */
  public static Draft requestHeaderUnknown(String name) {
    return warning(
        "request.header.unknown", "Request header is not defined in the spec file: " + name);
  }

  /** {@code request.query.unknown}: a query parameter the operation does not declare. */
  public static Draft requestQueryUnknown(String name) {
    return warning(
        "request.query.unknown", "Query parameter is not defined in the spec file: " + name);
  }

  /** {@code response.header.undefined}: a standard response header the response does not list. */
  public static Draft responseHeaderUndefined(String name) {
    return warning(
        "response.header.undefined",
        "Standard http response header is not defined in the spec file: " + name);
  }

  /** {@code response.header.unknown}: a response header the response does not declare. */
  public static Draft responseHeaderUnknown(String name) {
    return error(
        "response.header.unknown", "Response header is not defined in the spec file: " + name);
  }

  /** {@code response.status.unknown}: a status the operation has no response for. */
  public static Draft responseStatusUnknown(int status) {
    return error(
        "response.status.unknown", "Response status code not defined in spec file: " + status);
  }

  /** {@code response.status.default}: a status only the {@code default} response describes. */
  public static Draft responseStatusDefault(int status) {
    return warning(
        "response.status.default",
        "Response status code matched default response in spec file: " + status);
  }

  /** {@code request.body.unvalidatable}: a request body of a type the check cannot read. */
  public static Draft requestBodyUnvalidatable(String contentType) {
    return warning("request.body.unvalidatable", unvalidatable(contentType));
  }

  /** {@code response.body.unvalidatable}: a response body of a type the check cannot read. */
  public static Draft responseBodyUnvalidatable(String contentType) {
    return warning("response.body.unvalidatable", unvalidatable(contentType));
  }

  /** {@code message.payload.unvalidatable}: a message payload of a type the check cannot read. */
  public static Draft messagePayloadUnvalidatable(String contentType) {
    return warning("message.payload.unvalidatable", unvalidatable(contentType));
  }

  private static String unvalidatable(String contentType) {
    return "Body with content type '" + contentType + "' is not supported by the spec comparator";
  }

  /** {@code request.body.unknown}: a request body the operation has no schema for. */
  public static Draft requestBodyUnknown() {
    return warning("request.body.unknown", "No matching schema found for request body");
  }

  /** {@code response.body.unknown}: a response body the response has no schema for. */
  public static Draft responseBodyUnknown() {
    return error("response.body.unknown", "No matching schema found for response body");
  }

  // ---- values that fail their schema ------------------------------------------------------

  /** What a schema validates; each has its code and the words that lead its findings. */
  public enum Validated {
    REQUEST_HEADER("request.header", Validated.PARAMETER),
    REQUEST_QUERY("request.query", Validated.PARAMETER),
    RESPONSE_HEADER("response.header", Validated.PARAMETER),
    REQUEST_BODY(
        "request.body",
        "Request body is incompatible with the request body schema in the spec file: "),
    RESPONSE_BODY(
        "response.body",
        "Response body is incompatible with the response body schema in the spec file: "),
    MESSAGE_PAYLOAD(
        "message.payload", "Message payload is incompatible with the schema in the spec file: "),
    MESSAGE_HEADERS(
        "message.headers", "Message headers are incompatible with the schema in the spec file: ");

    private static final String PARAMETER =
        "Value is incompatible with the parameter defined in the spec file: ";

    private final String code;
    private final String lead;

    Validated(String prefix, String lead) {
      this.code = prefix + ".incompatible";
      this.lead = lead;
    }
  }

  /**
   * {@code <what>.incompatible}: a value fails its schema; {@code violation} is the validator's
   * message, such as {@code must be string}.
   */
  public static Draft incompatible(Validated what, String violation) {
    return error(what.code, what.lead + violation);
  }

  // ---- messages ---------------------------------------------------------------------------

  /** {@code message.references.missing}: no {@code comments.references.AsyncAPI}. */
  public static Draft messageReferencesMissing(String kind) {
    return error(
        "message.references.missing",
        kind + " interaction has no AsyncAPI references in comments.references.AsyncAPI");
  }

  /** {@code message.references.missing}: an AsyncAPI reference without an operationId. */
  public static Draft messageReferencesMalformed(String kind) {
    return error(
        "message.references.missing",
        kind
            + " interaction has a malformed AsyncAPI reference in comments.references.AsyncAPI:"
            + " expected an \"operationId\" property");
  }

  /** {@code message.operation.unknown}: the referenced operation is not in the spec. */
  public static Draft messageOperationUnknown(String operationId) {
    return error(
        "message.operation.unknown", "Operation not defined in AsyncAPI spec: " + operationId);
  }

  /** {@code message.reply.missing}: a synchronous interaction's operation has no reply. */
  public static Draft messageReplyMissing(String operationId) {
    return error(
        "message.reply.missing",
        "Operation \"" + operationId + "\" has no reply field in AsyncAPI spec");
  }

  /** {@code message.reply.missing}: the operation's reply lists no messages. */
  public static Draft messageReplyWithoutMessages(String operationId) {
    return error(
        "message.reply.missing",
        "Operation \"" + operationId + "\" reply defines no messages in AsyncAPI spec");
  }

  /** {@code message.response.missing}: a synchronous interaction without responses. */
  public static Draft messageResponseMissing() {
    return warning(
        "message.response.missing",
        "Sync interaction defines no responses to validate against the reply");
  }

  /** {@code message.matched}: the message of the operation that the interaction matched. */
  public static Draft messageMatched(String messageLocation) {
    return new Draft("message.matched", Type.INFO, "Matched message at " + messageLocation);
  }

  /** {@code message.no.match}: no message of the operation matched the interaction. */
  public static Draft messageNoMatch() {
    return error("message.no.match", "No message in the operation matched the interaction");
  }

  /** {@code message.payload.unknown}: a payload where the message defines no payload schema. */
  public static Draft messagePayloadUnknown() {
    return warning("message.payload.unknown", "No schema found for message payload");
  }

  // ---- matching rules ---------------------------------------------------------------------

  /** Where a matching rule is written; each has its {@code <where>.matcher.incompatible} code. */
  public enum Matched {
    REQUEST_BODY("request.body"),
    RESPONSE_BODY("response.body"),
    REQUEST_HEADER("request.header"),
    RESPONSE_HEADER("response.header"),
    REQUEST_QUERY("request.query"),
    MESSAGE_PAYLOAD("message.payload"),
    MESSAGE_HEADERS("message.headers");

    private final String code;

    Matched(String prefix) {
      this.code = prefix + ".matcher.incompatible";
    }

    /** The code of findings on rules written here. */
    public String code() {
      return code;
    }
  }

  private static final String ADMITS_VALUES = "Matcher admits values the spec forbids: ";

  /** An {@code eachLike} minimum below the array schema's {@code minItems}. */
  public static Draft eachLikeBelowMinItems(Matched where, int min, int minItems) {
    return error(
        where.code,
        "Matcher admits arrays the spec forbids: eachLike minimum %s is below minItems %s"
            .formatted(min, minItems));
  }

  /** A type matcher's maximum above the array schema's {@code maxItems}. */
  public static Draft maximumAboveMaxItems(Matched where, int max, int maxItems) {
    return error(
        where.code,
        "Matcher admits arrays the spec forbids: maximum %s is above maxItems %s"
            .formatted(max, maxItems));
  }

  /**
   * A type matcher on a value that the schema narrows by {@code keyword}; {@code kind} is what the
   * matcher admits ({@code string}, {@code number}, {@code value}), {@code below} the dotted path
   * of the value when it lies below the rule's own path (else null).
   */
  public static Draft typeMatcherNarrowed(
      Matched where, String kind, String below, String keyword, JsonNode schemaValue) {
    String at = below == null ? "" : " (at " + below + ", below it)";
    return error(
        where.code,
        ADMITS_VALUES
            + "a type matcher admits any %s%s, but the spec narrows it with '%s' %s"
                .formatted(kind, at, keyword, schemaValue));
  }

  /** A number matcher ({@code integer}, {@code decimal}, {@code number}) on a narrowed number. */
  public static Draft numberMatcherNarrowed(
      Matched where, String match, String keyword, JsonNode schemaValue) {
    return error(
        where.code,
        ADMITS_VALUES
            + "%s%s matcher admits any %s, but the spec narrows it with '%s' %s"
                .formatted(article(match), match, match, keyword, schemaValue));
  }

  /** A regex that matches {@code witness}, which fails the schema's {@code keyword}. */
  public static Draft regexMatches(
      Matched where, String regex, String witness, String keyword, JsonNode schemaValue) {
    return error(
        where.code,
        ADMITS_VALUES
            + "regex '%s' matches \"%s\", which fails '%s' %s"
                .formatted(regex, witness, keyword, schemaValue));
  }

  /** A number matcher on a string value that admits {@code witness}, which fails the schema. */
  public static Draft numberMatcherAdmits(
      Matched where, String match, String witness, String keyword, JsonNode schemaValue) {
    return admits(where, article(match) + match + " matcher", witness, keyword, schemaValue);
  }

  /** A date, time or timestamp matcher whose {@code format} admits {@code witness}. */
  public static Draft dateMatcherAdmits(
      Matched where,
      String match,
      String format,
      String witness,
      String keyword,
      JsonNode schemaValue) {
    return admits(where, match + " matcher '" + format + "'", witness, keyword, schemaValue);
  }

  /** An include matcher of {@code part} that admits {@code witness}, which fails the schema. */
  public static Draft includeMatcherAdmits(
      Matched where, String part, String witness, String keyword, JsonNode schemaValue) {
    return admits(where, "include matcher '" + part + "'", witness, keyword, schemaValue);
  }

  private static Draft admits(
      Matched where, String matcher, String witness, String keyword, JsonNode schemaValue) {
    return error(
        where.code,
        ADMITS_VALUES
            + "%s admits \"%s\", which fails '%s' %s"
                .formatted(matcher, witness, keyword, schemaValue));
  }

  private static String article(String match) {
    return "integer".equals(match) ? "an " : "a ";
  }

  /** The code of findings on the rules of a request's path. */
  public static final String PATH_MATCHER_UNKNOWN = "request.path-or-method.matcher.unknown";

  /** A path regex matching {@code path}, whose parameter {@code parameter} fails the schema. */
  public static Draft pathRegexForbidden(
      String regex, String path, String parameter, String keyword, JsonNode schemaValue) {
    return error(
        PATH_MATCHER_UNKNOWN,
        "Matcher admits paths the spec forbids: regex '%s' matches \"%s\", whose path parameter"
                .formatted(regex, path)
            + " '%s' fails '%s' %s".formatted(parameter, keyword, schemaValue));
  }

  /** A path regex matching {@code path}, which no operation of {@code method} has. */
  public static Draft pathRegexWithoutOperation(String regex, String path, String method) {
    return warning(
        PATH_MATCHER_UNKNOWN,
        "Matcher admits paths no operation has: regex '%s' matches \"%s\", which is not a path of"
                .formatted(regex, path)
            + " %s in the spec file".formatted(method));
  }

  private static Draft error(String code, String message) {
    return new Draft(code, Type.ERROR, message);
  }

  private static Draft warning(String code, String message) {
    return new Draft(code, Type.WARNING, message);
  }
}
