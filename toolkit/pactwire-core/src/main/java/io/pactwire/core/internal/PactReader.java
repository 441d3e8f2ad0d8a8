package io.pactwire.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pactwire.core.PactFileException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a pact file into a JSON tree and checks that it is a pact, so that every reader of pacts
 * fails the same way: one {@link PactFileException} naming the file and the JSON path (or line and
 * column, for malformed JSON) of the first problem.
 *
 * <p>Decimals are kept as written ({@code 24.90} stays {@code 24.90}): a contract's example keeps
 * the scale the consumer wrote. The tree is built with jackson-core alone, without an {@code
 * ObjectMapper}, whose first use costs a short command-line run 50 ms of start-up.
 *
 * <p>The check is of shape only, as far as any reader relies on it: names of both parties, the
 * interactions and messages as arrays of objects, and, in an HTTP interaction, a request and a
 * response that are objects, a method that is text, a status that is a number from 100 to 599, and
 * headers and query of a shape some specification version allows. Anything it does not know (an
 * interaction type a plugin adds, extra fields) it leaves alone.
 */
public final class PactReader {

  /**
   * The deepest nesting a pact may have. pact-jvm, which reads every pact after this check, renders
   * and compares JSON recursively: at some 650 levels it overflows a thread's stack (verify, stub
   * and monitor died with a StackOverflowError). No contract nests near this deep; the Rust pact
   * tools stop at 128.
   */
  public static final int MAX_DEPTH = 256;

  // A repeated key is refused: which of two statuses a contract means is not for a reader to guess.
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The major versions of the pact specification, as {@code metadata} spells them. */
  private static final Pattern KNOWN_VERSION = Pattern.compile("v?[1-4](\\.\\d+){0,2}");

  private static final String HTTP = "Synchronous/HTTP";
  private static final String SYNC_MESSAGES = "Synchronous/Messages";
  private static final String ASYNC_MESSAGES = "Asynchronous/Messages";

  /** The matchers pact-jvm reads ({@code MatchingRuleGroup.ruleFromMap}). */
  private static final Set<String> MATCHERS =
      Set.of(
          "regex",
          "equality",
          "include",
          "type",
          "number",
          "integer",
          "decimal",
          "real",
          "boolean",
          "min",
          "max",
          "minType",
          "maxType",
          "minmax",
          "timestamp",
          "datetime",
          "date",
          "time",
          "values",
          "null",
          "ignore-order",
          "contentType",
          "content-type",
          "arrayContains",
          "statusCode",
          "notEmpty",
          "semver",
          "eachKey",
          "eachValue",
          "each-key",
          "each-value",
          "v3",
          "equalTo");

  // A V2 matcher without "match" is named by its other keys, as pact-jvm reads it.
  private static final Set<String> IMPLIED_MATCHER_KEYS =
      Set.of("regex", "min", "max", "timestamp", "date", "time", "datetime");

  private static final Set<String> RULE_CATEGORIES =
      Set.of("body", "header", "headers", "path", "query", "status", "metadata", "content");

  // An HTTP method is a token (RFC 9110); pact-jvm upper-cases it.
  private static final Pattern METHOD = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /**
   * Rule paths pact-jvm's parser has read: a store repeats a few paths in every interaction, and a
   * parse costs more than the lookup.
   */
  private static final Set<String> READABLE_PATHS = ConcurrentHashMap.newKeySet();

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final Set<String> ENCODINGS = Set.of("base64", "json");
  private static final Set<String> HINTS = Set.of("DEFAULT", "TEXT", "BINARY");
  private static final List<String> BOUNDS = List.of("min", "max");

  /** A byte array read eight bytes at a time. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private PactReader() {}

  // PactNet and others write the version flat, and pact-jvm reads this key before the others
  private static final String FLAT_VERSION = "pactSpecificationVersion";

  /**
   * The specification version a pact's metadata names, from the first of the keys pact-jvm reads
   * ({@code pactSpecificationVersion}, {@code pactSpecification.version}, {@code
   * pact-specification.version}) that holds text; null when none does.
   */
  public static String specificationVersion(JsonNode metadata) {
    for (JsonNode version :
        new JsonNode[] {
          metadata.get(FLAT_VERSION),
          metadata.path("pactSpecification").get("version"),
          metadata.path("pact-specification").get("version")
        }) {
      if (version != null && version.isTextual()) {
        return version.textValue();
      }
    }
    return null;
  }

  /** Whether a version {@link #specificationVersion} gave is a V4 one. */
  public static boolean isV4(String version) {
    return version != null && (version.startsWith("4") || version.startsWith("v4"));
  }

  /**
   * Reads and checks a pact file.
   *
   * @throws PactFileException naming the file and where in it the first problem is
   */
  public static JsonNode read(Path file) {
    JsonNode tree = readTree(file);
    new Check(file).pact(tree);
    return tree;
  }

  /**
   * Reads and checks a pact from the bytes of {@code file}, read by {@link #bytes(Path)}: a caller
   * that also hashes a file's bytes reads them once.
   *
   * @throws PactFileException naming the file and where in it the first problem is
   */
  public static JsonNode read(Path file, byte[] bytes) {
    JsonNode tree = tree(file, bytes);
    new Check(file).pact(tree);
    return tree;
  }

  /**
   * Reads a file as a JSON tree without checking that it is a pact, decimals as written.
   *
   * @throws PactFileException when the file is missing, a directory, empty, not UTF-8 or not JSON
   */
  public static JsonNode readTree(Path file) {
    return tree(file, bytes(file));
  }

  /**
   * Checks a pact's text, read from {@code file} by the caller (a writer about to merge into it).
   *
   * @throws PactFileException naming the file and where in it the first problem is
   */
  public static JsonNode check(Path file, String text) {
    JsonNode tree = tree(file, text.startsWith("\uFEFF") ? text.substring(1) : text);
    new Check(file).pact(tree);
    return tree;
  }

  private static JsonNode tree(Path file, byte[] bytes) {
    if (!ascii(bytes)) {
      return tree(file, text(file, bytes));
    }
    // plain ASCII (most pacts) is UTF-8 as it is: parsed from the bytes, without a decoded copy of
    // the text; line and column of an error are the same as from the text
    if (blank(bytes)) {
      throw new PactFileException(file, "", "is empty", null);
    }
    try (JsonParser p = FACTORY.createParser(bytes)) {
      return parse(file, p);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static JsonNode tree(Path file, String text) {
    if (text.isBlank()) {
      throw new PactFileException(file, "", "is empty", null);
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      return parse(file, p);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static PactFileException unreadable(Path file, IOException e) {
    if (e instanceof JsonProcessingException json) {
      JsonLocation at = json.getLocation();
      String location = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr();
      return new PactFileException(file, location, "malformed JSON: " + JsonTrees.problem(json), e);
    }
    return new PactFileException(file, "", "cannot read: " + e.getMessage(), e);
  }

  /** The one JSON value of a file; more after it is malformed. */
  private static JsonNode parse(Path file, JsonParser p) throws IOException {
    try {
      JsonNode tree = JsonTrees.read(p, true, NODES::textNode, null);
      if (p.nextToken() != null) {
        JsonLocation at = p.currentTokenLocation();
        throw new PactFileException(
            file,
            at.getLineNr() + ":" + at.getColumnNr(),
            "malformed JSON: more after the end of the pact",
            null);
      }
      return tree;
    } catch (JsonProcessingException e) {
      // a nesting or number-length limit reports no location of its own: the parser's is it
      if (e.getLocation() == null) {
        throw malformed(file, e, p.currentLocation());
      }
      throw e;
    }
  }

  /**
   * A pact file's bytes, as {@link #read(Path)} reads them.
   *
   * @throws PactFileException when the file is missing, a directory or unreadable
   */
  public static byte[] bytes(Path file) {
    if (Files.isDirectory(file)) {
      throw new PactFileException(file, "", "is a directory", null);
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PactFileException(file, "", "no such file", e);
    } catch (AccessDeniedException e) {
      throw new PactFileException(file, "", "permission denied", e);
    } catch (IOException e) {
      throw new PactFileException(file, "", "cannot read: " + e.getMessage(), e);
    }
  }

  // eight bytes at a time: a store's 270 MB are scanned before they are parsed, and a byte at a
  // time was a twentieth of reading them
  private static boolean ascii(byte[] bytes) {
    long high = 0;
    int i = 0;
    for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
      high |= (long) LONGS.get(bytes, i);
    }
    for (; i < bytes.length; i++) {
      high |= bytes[i];
    }
    return (high & 0x8080808080808080L) == 0;
  }

  // as String.isBlank for ASCII: nothing but spaces and control characters 9 to 13, 28 to 31
  private static boolean blank(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  private static String text(Path file, byte[] bytes) {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new PactFileException(file, "", "not UTF-8", e);
    }
    // A byte-order mark is allowed before UTF-8 JSON, and some editors write one.
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static PactFileException malformed(
      Path file, JsonProcessingException e, JsonLocation at) {
    String problem = JsonTrees.problem(e);
    if (problem.startsWith("Document nesting depth")) {
      return new PactFileException(
          file,
          at.getLineNr() + ":" + at.getColumnNr(),
          "nested more than " + MAX_DEPTH + " levels deep, which pact-jvm cannot read",
          e);
    }
    return new PactFileException(
        file, at.getLineNr() + ":" + at.getColumnNr(), "malformed JSON: " + problem, e);
  }

  /** The shape check of one file: the first problem found is thrown, with its JSON path. */
  private static final class Check {

    private final Path file;
    private boolean v4;
    // the metadata says V4: pact-jvm then requires every interaction's type, and knows three
    private boolean declaredV4;
    // the version the metadata names, or null when it names none
    private String declared;
    // the description of the interaction being checked, for messages that name it
    private String interaction;

    Check(Path file) {
      this.file = file;
    }

    void pact(JsonNode pact) {
      if (pact == null || !pact.isObject()) {
        fail(Loc.ROOT, "a pact is a JSON object, not " + kind(pact));
      }
      party(pact, "consumer");
      party(pact, "provider");
      JsonNode metadata = pact.get("metadata");
      if (metadata != null && !metadata.isObject()) {
        fail(Loc.ROOT.dot("metadata"), "metadata is an object, not " + kind(metadata));
      }
      specificationVersion(pact.path("metadata"));
      entries(pact, "interactions");
      entries(pact, "messages");
    }

    private void party(JsonNode pact, String role) {
      JsonNode party = pact.get(role);
      Loc at = Loc.ROOT.dot(role);
      if (party == null) {
        fail(at, "missing: a pact names its consumer and its provider");
      }
      object(party, at);
      JsonNode name = party.get("name");
      if (name == null) {
        fail(at.dot("name"), "missing: a pact names its " + role);
      }
      if (!name.isTextual() || name.textValue().isBlank()) {
        fail(at.dot("name"), "the " + role + "'s name is text, not " + kind(name));
      }
    }

    private void specificationVersion(JsonNode metadata) {
      JsonNode flat = metadata.get(FLAT_VERSION);
      if (flat != null) {
        Loc at = Loc.ROOT.dot("metadata").dot(FLAT_VERSION);
        if (!flat.isTextual()) {
          fail(at, "the pact specification version is text such as \"3.0.0\", not " + kind(flat));
        }
        if (!KNOWN_VERSION.matcher(flat.textValue()).matches()) {
          fail(
              at,
              "unknown pact specification version \""
                  + flat.textValue()
                  + "\": versions 1 to 4 are known");
        }
      }
      for (String key : new String[] {"pactSpecification", "pact-specification"}) {
        JsonNode specification = metadata.get(key);
        if (specification != null && !specification.isObject()) {
          fail(
              Loc.ROOT.dot("metadata").step(key),
              "the pact specification is an object such as {\"version\": \"4.0\"}, not "
                  + kind(specification));
        }
        JsonNode version = metadata.path(key).get("version");
        if (version == null) {
          continue;
        }
        Loc at = Loc.ROOT.dot("metadata").step(key).dot("version");
        if (!version.isTextual()) {
          fail(
              at, "the pact specification version is text such as \"3.0.0\", not " + kind(version));
        }
        if (!KNOWN_VERSION.matcher(version.textValue()).matches()) {
          fail(
              at,
              "unknown pact specification version \""
                  + version.textValue()
                  + "\": versions 1 to 4 are known");
        }
      }
      // the version pact-jvm reads the pact as, of the keys in its order
      declared = PactReader.specificationVersion(metadata);
      declaredV4 = isV4(declared);
      v4 = declaredV4;
    }

    private void entries(JsonNode pact, String field) {
      JsonNode entries = pact.get(field);
      if (entries == null) {
        return;
      }
      Loc at = Loc.ROOT.dot(field);
      if (!entries.isArray()) {
        fail(at, field + " are a JSON array, not " + kind(entries));
      }
      for (int i = 0; i < entries.size(); i++) {
        JsonNode entry = entries.get(i);
        Loc here = at.index(i);
        object(entry, here);
        JsonNode description = entry.get("description");
        interaction = description != null && description.isTextual() ? description.asText() : null;
        boolean known = knownType(entry);
        if (known) {
          description(description, here);
          providerStates(entry, here);
        }
        if (field.equals("interactions")) {
          interaction(entry, known, here);
        } else {
          contents(entry, here);
        }
        matchingRules(entry, here);
      }
    }

    private void interaction(JsonNode interaction, boolean known, Loc at) {
      JsonNode type = interaction.get("type");
      if (type != null && !type.isTextual()) {
        fail(
            at.dot("type"),
            "an interaction's type is text such as \"" + HTTP + "\", not " + kind(type));
      }
      String kind = type == null ? HTTP : type.textValue();
      // found by fuzzing: pact-jvm cannot load a V4 interaction of a type it does not know (one
      // without a type is left alone: openapi-pact-comparator's V4 pacts hold such interactions)
      if (declaredV4 && !known) {
        fail(
            at.dot("type"),
            "unknown interaction type \""
                + kind
                + "\" in a V4 pact: "
                + HTTP
                + ", "
                + ASYNC_MESSAGES
                + " and "
                + SYNC_MESSAGES
                + " are known");
      }
      if (!known && (kind.startsWith("Synchronous/") || kind.startsWith("Asynchronous/"))) {
        fail(
            at.dot("type"),
            "unknown interaction type \""
                + kind
                + "\": "
                + HTTP
                + ", "
                + ASYNC_MESSAGES
                + " and "
                + SYNC_MESSAGES
                + " are known");
      }
      if (known && type != null && !declaredV4) {
        // found by an outside review: pact-jvm reads such a pact as the version its metadata
        // names (V2 when none), sends the V4 body envelope as the request body and compares the
        // response with it, so every command would judge the contract wrongly
        fail(
            at.dot("type"),
            "\""
                + kind
                + "\" is a V4 interaction type, but the pact's specification version is "
                + (declared == null ? "not named" : "\"" + declared + "\"")
                + ": pact-jvm would read its bodies as "
                // pact-jvm's own default without a version
                + (declared == null ? "V2" : "that version")
                + "'s; a V4 pact says \"metadata\": {\"pactSpecification\": {\"version\":"
                + " \"4.0\"}}");
      }
      v4 |= type != null;
      if (kind.equals(ASYNC_MESSAGES)) {
        contents(interaction, at);
        body(interaction, "contents", at); // found by fuzzing: base64 that is not text
      }
      if (kind.equals(HTTP)) {
        request(required(interaction, "request", at), at.dot("request"));
        response(required(interaction, "response", at), at.dot("response"));
      } else if (kind.equals(SYNC_MESSAGES)) {
        optionalObject(interaction, "request", at);
        if (interaction.path("request").isObject()) {
          contents(interaction.get("request"), at.dot("request"));
        }
        matchingRules(interaction.path("request"), at.dot("request"));
        JsonNode responses = interaction.get("response");
        if (responses != null) {
          if (!responses.isArray()) {
            fail(
                at.dot("response"),
                "the responses of a synchronous message are a JSON array, not " + kind(responses));
          }
          for (int i = 0; i < responses.size(); i++) {
            object(responses.get(i), at.dot("response").index(i));
            contents(responses.get(i), at.dot("response").index(i));
            matchingRules(responses.get(i), at.dot("response").index(i));
          }
        }
      }
    }

    /**
     * A message whose body is under "content" instead of "contents": pact-jvm reads it as a message
     * without a body, so a verification would pass whatever the provider sends and a report on its
     * fields would find none (older Pact Broker data holds such messages).
     */
    private void contents(JsonNode message, Loc at) {
      if (message.has("content") && !message.has("contents")) {
        fail(
            at.dot("content"),
            "a message's body is \"contents\", not \"content\": pact-jvm reads this message as"
                + " having no body, so nothing of it would be verified");
      }
    }

    private void request(JsonNode request, Loc at) {
      JsonNode method = request.get("method");
      if (method != null && !method.isTextual()) {
        fail(at.dot("method"), "a method is text such as \"GET\", not " + kind(method));
      }
      if (method != null && !METHOD.matcher(method.textValue()).matches()) {
        fail(at.dot("method"), "a method is one word such as \"GET\", not " + kind(method));
      }
      JsonNode path = request.get("path");
      if (path != null && !path.isTextual()) {
        fail(at.dot("path"), "a path is text such as \"/orders\", not " + kind(path));
      }
      if (path != null && !path.textValue().isEmpty() && !path.textValue().startsWith("/")) {
        fail(at.dot("path"), "a path starts with \"/\", as in \"/orders\", not " + kind(path));
      }
      body(request, at);
      headers(request, at);
      JsonNode query = request.get("query");
      if (query != null && !query.isTextual()) {
        // V1 and V2 write the query as a string, V3 and V4 as an object of values
        if (!query.isObject()) {
          fail(at.dot("query"), "a query is text or an object of values, not " + kind(query));
        }
        values(query, at.dot("query"), "a query parameter");
      }
      matchingRules(request, at);
    }

    private void response(JsonNode response, Loc at) {
      JsonNode status = response.get("status");
      if (status != null) {
        if (!status.isIntegralNumber()) {
          fail(at.dot("status"), "a status is a number such as 200, not " + kind(status));
        }
        if (!status.canConvertToInt() || status.intValue() < 100 || status.intValue() > 599) {
          fail(at.dot("status"), "a status is from 100 to 599, not " + status);
        }
      }
      headers(response, at);
      body(response, at);
      matchingRules(response, at);
    }

    // A type of the specification's own (or none: V1 to V3); another (a plugin's) is left alone.
    private static boolean knownType(JsonNode entry) {
      JsonNode type = entry.get("type");
      if (type == null) {
        return true;
      }
      String kind = type.asText();
      return kind.equals(HTTP) || kind.equals(SYNC_MESSAGES) || kind.equals(ASYNC_MESSAGES);
    }

    private void description(JsonNode description, Loc at) {
      if (description == null) {
        // verdicts, reports and the store name an interaction by its description
        fail(at, "an interaction has a description, the text that names it; this one has none");
      }
      if (!description.isTextual()) {
        fail(at.dot("description"), "a description is text, not " + kind(description));
      }
      if (description.textValue().isBlank()) {
        fail(at.dot("description"), "a description names its interaction, and this one is blank");
      }
    }

    private void providerStates(JsonNode entry, Loc at) {
      JsonNode state = entry.get("providerState");
      if (state != null && !state.isTextual() && !state.isNull()) {
        fail(at.dot("providerState"), "a provider state is text, not " + kind(state));
      }
      JsonNode states = entry.get("providerStates");
      if (states == null) {
        return;
      }
      if (!states.isArray()) {
        fail(
            at.dot("providerStates"),
            "provider states are an array of {\"name\": ...}, not " + kind(states));
      }
      for (int i = 0; i < states.size(); i++) {
        Loc here = at.dot("providerStates").index(i);
        object(states.get(i), here);
        JsonNode name = states.get(i).get("name");
        if (name == null || !name.isTextual()) {
          fail(here.dot("name"), "a provider state's name is text, not " + kind(name));
        }
        JsonNode params = states.get(i).get("params");
        if (params != null && !params.isObject() && !params.isNull()) {
          fail(here.dot("params"), "a provider state's params are an object, not " + kind(params));
        }
      }
    }

    /**
     * A V4 body is an object of content, content type and encoding; its content agrees with them
     * (base64 that decodes, JSON text for a JSON content type).
     */
    private void body(JsonNode part, Loc at) {
      body(part, "body", at);
    }

    private void body(JsonNode part, String field, Loc at) {
      JsonNode body = part.get(field);
      if (!v4 || body == null || body.isNull()) {
        return;
      }
      Loc here = at.dot(field);
      if (!body.isObject()) {
        fail(here, "a V4 body is an object of content, contentType and encoded, not " + kind(body));
      }
      JsonNode content = body.get("content");
      JsonNode contentType = body.get("contentType");
      JsonNode encoded = body.get("encoded");
      if (contentType != null && !contentType.isTextual()) {
        fail(here.dot("contentType"), "a content type is text, not " + kind(contentType));
      }
      if (encoded != null
          && !encoded.isBoolean()
          && !(encoded.isTextual()
              && ENCODINGS.contains(encoded.textValue().toLowerCase(Locale.ROOT)))) {
        fail(
            here.dot("encoded"),
            "a body is encoded false, \"base64\" or \"json\", not " + kind(encoded));
      }
      JsonNode hint = body.get("contentTypeHint");
      if (hint != null && !(hint.isTextual() && HINTS.contains(hint.textValue()))) {
        // found by fuzzing: pact-jvm fails on any other hint
        fail(
            here.dot("contentTypeHint"),
            "a content type hint is DEFAULT, TEXT or BINARY, not " + kind(hint));
      }
      String how = encoded == null || encoded.isBoolean() ? "" : encoded.textValue();
      if (content != null && !content.isTextual() && how.equalsIgnoreCase("base64")) {
        // found by fuzzing: pact-jvm decodes the JSON text of the value, and fails
        fail(
            here.dot("content"),
            "the content is encoded \"base64\" but is not text: " + kind(content));
      }
      if (content == null || !content.isTextual()) {
        return;
      }
      if (how.equalsIgnoreCase("base64")) {
        try {
          Base64.getMimeDecoder().decode(content.textValue());
          Base64.getDecoder().decode(content.textValue().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
          fail(
              here.dot("content"),
              "the content is encoded \"base64\" but is not base64: " + e.getMessage());
        }
      } else if (contentType != null
          && isJson(contentType.textValue())
          && how.isEmpty()
          && field.equals("body")) {
        // (a message's contents are left alone: pact-jvm writes text under a JSON type there)
        try (JsonParser p = FACTORY.createParser(content.textValue())) {
          JsonTrees.read(p, true, NODES::textNode, null);
        } catch (IOException e) {
          fail(
              here.dot("content"),
              String.valueOf(e.getMessage()).startsWith("Document nesting depth")
                  ? "the content is nested more than "
                      + MAX_DEPTH
                      + " levels deep, which pact-jvm cannot read"
                  : "the content type is "
                      + contentType.textValue()
                      + " but the content is not JSON: "
                      + e.getMessage().lines().findFirst().orElse(""));
        }
      }
    }

    /**
     * Matching rules: categories of rules (V3, V4) or rules by path (V2), each rule a list of known
     * matchers. The paths of body rules are read as pact-jvm's matching engine reads them, and must
     * reach something in the example body: a rule on a path the body does not have matches nothing,
     * and is named here, not ignored there.
     */
    private void matchingRules(JsonNode part, Loc at) {
      JsonNode rules = part.get("matchingRules");
      if (rules == null) {
        return;
      }
      Loc here = at.dot("matchingRules");
      if (!rules.isObject()) {
        fail(here, "matching rules are an object of categories, not " + kind(rules));
      }
      for (Map.Entry<String, JsonNode> category : rules.properties()) {
        String name = category.getKey();
        Loc where = here.step(name);
        if (name.startsWith("$")) {
          // V2: "$.body.name": {"match": "type"}
          matcher(category.getValue(), where);
          continue;
        }
        if (!RULE_CATEGORIES.contains(name)) {
          fail(
              where,
              "unknown matching rule category \""
                  + name
                  + "\": body, header, path, query, status and metadata are known");
        }
        JsonNode value = category.getValue();
        if (!value.isObject()) {
          fail(where, "a category of matching rules is an object of rules, not " + kind(value));
        }
        if (value.has("matchers")) {
          rule(value, where); // V3 and V4 "path": one rule
          continue;
        }
        for (Map.Entry<String, JsonNode> rule : value.properties()) {
          Loc ruleAt = where.step(rule.getKey());
          if (name.equals("body") || name.equals("content")) {
            try {
              if (!READABLE_PATHS.contains(rule.getKey())) {
                JsonPath.parse(rule.getKey());
                if (READABLE_PATHS.size() < 10_000) {
                  READABLE_PATHS.add(rule.getKey());
                }
              }
            } catch (JsonPath.InvalidJsonPath e) {
              fail(
                  ruleAt,
                  "a rule's path is a JSON path such as \"$.items[*].id\"; "
                      + e.getCause().getMessage());
            }
            // A rule on a path the example does not have is not refused: the specification's
            // own matching cases hold such rules (the rule applies to what the provider sends).
          }
          rule(rule.getValue(), ruleAt);
        }
      }
    }

    // {"combine": "AND", "matchers": [...]}
    private void rule(JsonNode rule, Loc at) {
      if (!rule.isObject()) {
        fail(at, "a matching rule is an object with matchers, not " + kind(rule));
      }
      JsonNode combine = rule.get("combine");
      if (combine != null
          && !(combine.isTextual()
              && (combine.textValue().equals("AND") || combine.textValue().equals("OR")))) {
        fail(at.dot("combine"), "rules combine with \"AND\" or \"OR\", not " + kind(combine));
      }
      JsonNode matchers = rule.get("matchers");
      if (matchers == null) {
        matcher(rule, at);
        return;
      }
      if (!matchers.isArray()) {
        fail(
            at.dot("matchers"), "matchers are an array of {\"match\": ...}, not " + kind(matchers));
      }
      if (matchers.isEmpty()) {
        // pact-jvm cannot load a rule without a matcher ("List is empty"); found by fuzzing
        fail(at.dot("matchers"), "a rule has at least one matcher");
      }
      for (int i = 0; i < matchers.size(); i++) {
        matcher(matchers.get(i), at.dot("matchers").index(i));
      }
    }

    private void matcher(JsonNode matcher, Loc at) {
      if (!matcher.isObject()) {
        fail(at, "a matcher is an object such as {\"match\": \"type\"}, not " + kind(matcher));
      }
      JsonNode match = matcher.get("match");
      if (match == null) {
        Iterator<String> keys = matcher.fieldNames();
        boolean implied = false;
        while (keys.hasNext()) {
          implied |= IMPLIED_MATCHER_KEYS.contains(keys.next());
        }
        if (!implied) {
          fail(at, "a matcher names its kind: {\"match\": \"type\"}, \"regex\", ...");
        }
      } else if (!match.isTextual()) {
        fail(at.dot("match"), "a matcher's kind is text such as \"type\", not " + kind(match));
      } else if (!MATCHERS.contains(match.textValue())) {
        fail(
            at.dot("match"),
            (interaction == null ? "" : "interaction \"" + interaction + "\": ")
                + "unsupported matcher \""
                + match.textValue()
                + "\": pact-jvm does not know it and would compare by equality instead");
      }
      JsonNode regex = matcher.get("regex");
      if (regex != null) {
        if (!regex.isTextual()) {
          fail(at.dot("regex"), "a regex is text, not " + kind(regex));
        }
        try {
          Pattern.compile(regex.textValue());
        } catch (PatternSyntaxException e) {
          fail(
              at.dot("regex"),
              "not a regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
      } else if (match != null && match.textValue().equals("regex")) {
        fail(at, "a regex matcher has a \"regex\"");
      }
      for (String bound : BOUNDS) {
        JsonNode value = matcher.get(bound);
        if (value != null && (!value.isIntegralNumber() || value.intValue() < 0)) {
          fail(at.dot(bound), "a " + bound + " is a number from 0, not " + kind(value));
        }
      }
    }

    private void headers(JsonNode part, Loc at) {
      JsonNode headers = part.get("headers");
      if (headers == null) {
        return;
      }
      if (!headers.isObject()) {
        fail(at.dot("headers"), "headers are an object of values, not " + kind(headers));
      }
      values(headers, at.dot("headers"), "a header");
    }

    // A header or query parameter: text, or (V3 and V4) an array of text.
    private void values(JsonNode values, Loc at, String what) {
      for (Map.Entry<String, JsonNode> entry : values.properties()) {
        JsonNode value = entry.getValue();
        if (value.isArray()) {
          if (value.isEmpty()) {
            // pact-jvm cannot load an empty list of values ("List is empty"); found by fuzzing
            fail(at.step(entry.getKey()), what + " has at least one value, not an empty array");
          }
          for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
              fail(
                  at.step(entry.getKey()).index(i),
                  what + "'s value is text, not " + kind(value.get(i)));
            }
          }
        } else if (!value.isTextual()) {
          fail(
              at.step(entry.getKey()),
              what + "'s value is text or an array of text, not " + kind(value));
        }
      }
    }

    private JsonNode required(JsonNode parent, String field, Loc at) {
      JsonNode value = parent.get(field);
      if (value == null) {
        fail(at.dot(field), "missing: an HTTP interaction has a request and a response");
      }
      object(value, at.dot(field));
      return value;
    }

    private void optionalObject(JsonNode parent, String field, Loc at) {
      JsonNode value = parent.get(field);
      if (value != null) {
        object(value, at.dot(field));
      }
    }

    private void object(JsonNode value, Loc at) {
      if (!value.isObject()) {
        fail(at, "expected a JSON object, not " + kind(value));
      }
    }

    private void fail(Loc at, String problem) {
      throw new PactFileException(file, at.toString(), problem, null);
    }
  }

  private static boolean isJson(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    type = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
    return type.equals("application/json") || type.endsWith("+json");
  }

  /** {@code .name}, or {@code ['a-name']} when the name is not a plain identifier. */
  private static String step(String name) {
    return PLAIN_NAME.matcher(name).matches()
        ? "." + name
        : "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /**
   * A JSON path in a pact, written out only when a problem is found at it: a store's pacts have
   * hundreds of thousands of places and no problem, and writing each place's path cost the check a
   * third of its time.
   */
  private static final class Loc {

    static final Loc ROOT = new Loc(null, "$", -1, false);

    private final Loc parent;
    // the name after the parent (with a dot, or as step writes it), or null for an index
    private final String text;
    private final int index;
    private final boolean stepped;

    private Loc(Loc parent, String text, int index, boolean stepped) {
      this.parent = parent;
      this.text = text;
      this.index = index;
      this.stepped = stepped;
    }

    /** {@code .name}, the name as it is. */
    Loc dot(String name) {
      return new Loc(this, name, -1, false);
    }

    /** {@code .name} or {@code ['a-name']}, as {@link PactReader#step} writes it. */
    Loc step(String name) {
      return new Loc(this, name, -1, true);
    }

    /** {@code [i]}. */
    Loc index(int i) {
      return new Loc(this, null, i, false);
    }

    @Override
    public String toString() {
      StringBuilder path = new StringBuilder();
      write(path);
      return path.toString();
    }

    private void write(StringBuilder path) {
      if (parent == null) {
        path.append(text);
        return;
      }
      parent.write(path);
      if (text == null) {
        path.append('[').append(index).append(']');
      } else if (stepped) {
        path.append(PactReader.step(text));
      } else {
        path.append('.').append(text);
      }
    }
  }

  /** A value's kind as a message names it: {@code null}, {@code an array}, {@code text "200"}. */
  static String kind(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "null";
    }
    return switch (value.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "text " + quoted(value.textValue());
      case NUMBER -> "the number " + value;
      case BOOLEAN -> value.booleanValue() ? "true" : "false";
      default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String quoted(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return "\"" + shown + "\"";
  }
}
