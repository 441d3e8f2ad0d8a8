package io.pactwire.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pactwire.core.PactFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The major versions of the pact specification, as {@code metadata} spells them. */
  private static final Pattern KNOWN_VERSION = Pattern.compile("v?[1-4](\\.\\d+){0,2}");

  private static final String HTTP = "Synchronous/HTTP";
  private static final String SYNC_MESSAGES = "Synchronous/Messages";

  /**
   * Rule paths pact-jvm's parser has read: a store repeats a few paths in every interaction, and a
   * parse costs more than the lookup.
   */
  private static final Set<String> READABLE_PATHS = ConcurrentHashMap.newKeySet();

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private PactReader() {}

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
   * Reads a file as a JSON tree without checking that it is a pact, decimals as written.
   *
   * @throws PactFileException when the file is missing, a directory, empty, not UTF-8 or not JSON
   */
  public static JsonNode readTree(Path file) {
    byte[] bytes = bytes(file);
    try {
      if (ascii(bytes)) {
        // plain ASCII (most pacts) is UTF-8 as it is: parsed from the bytes, without a decoded
        // copy of the text; line and column of an error are the same as from the text
        if (blank(bytes)) {
          throw new PactFileException(file, "", "is empty", null);
        }
        try (JsonParser p = FACTORY.createParser(bytes)) {
          return JsonTrees.read(p, true, NODES::textNode, null);
        }
      }
      String text = text(file, bytes);
      if (text.isBlank()) {
        throw new PactFileException(file, "", "is empty", null);
      }
      return tree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String location = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr();
      String problem = e.getOriginalMessage().lines().findFirst().orElse("");
      throw new PactFileException(file, location, "malformed JSON: " + problem, e);
    } catch (IOException e) {
      throw new PactFileException(file, "", "cannot read: " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(Path file) {
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

  private static boolean ascii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
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

  /** The tree of a pact's text: decimals as written. */
  private static JsonNode tree(String json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      return JsonTrees.read(p, true, NODES::textNode, null);
    }
  }

  /** The shape check of one file: the first problem found is thrown, with its JSON path. */
  private record Check(Path file) {

    void pact(JsonNode pact) {
      if (pact == null || !pact.isObject()) {
        fail("$", "a pact is a JSON object, not " + kind(pact));
      }
      party(pact, "consumer");
      party(pact, "provider");
      specificationVersion(pact.path("metadata"));
      entries(pact, "interactions");
      entries(pact, "messages");
    }

    private void party(JsonNode pact, String role) {
      JsonNode party = pact.get(role);
      String at = "$." + role;
      if (party == null) {
        fail(at, "missing: a pact names its consumer and its provider");
      }
      object(party, at);
      JsonNode name = party.get("name");
      if (name == null) {
        fail(at + ".name", "missing: a pact names its " + role);
      }
      if (!name.isTextual() || name.textValue().isBlank()) {
        fail(at + ".name", "the " + role + "'s name is text, not " + kind(name));
      }
    }

    private void specificationVersion(JsonNode metadata) {
      for (String key : new String[] {"pactSpecification", "pact-specification"}) {
        JsonNode version = metadata.path(key).get("version");
        if (version == null) {
          continue;
        }
        String at = "$.metadata" + step(key) + ".version";
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
    }

    private void entries(JsonNode pact, String field) {
      JsonNode entries = pact.get(field);
      if (entries == null) {
        return;
      }
      String at = "$." + field;
      if (!entries.isArray()) {
        fail(at, field + " are a JSON array, not " + kind(entries));
      }
      for (int i = 0; i < entries.size(); i++) {
        JsonNode entry = entries.get(i);
        String here = at + "[" + i + "]";
        object(entry, here);
        if (field.equals("interactions")) {
          interaction(entry, here);
        }
        matchingRules(entry, here);
      }
    }

    private void interaction(JsonNode interaction, String at) {
      JsonNode type = interaction.get("type");
      if (type != null && !type.isTextual()) {
        fail(
            at + ".type",
            "an interaction's type is text such as \"" + HTTP + "\", not " + kind(type));
      }
      String kind = type == null ? HTTP : type.textValue();
      if (kind.equals(HTTP)) {
        request(required(interaction, "request", at), at + ".request");
        response(required(interaction, "response", at), at + ".response");
      } else if (kind.equals(SYNC_MESSAGES)) {
        optionalObject(interaction, "request", at);
        matchingRules(interaction.path("request"), at + ".request");
        JsonNode responses = interaction.get("response");
        if (responses != null) {
          if (!responses.isArray()) {
            fail(
                at + ".response",
                "the responses of a synchronous message are a JSON array, not " + kind(responses));
          }
          for (int i = 0; i < responses.size(); i++) {
            object(responses.get(i), at + ".response[" + i + "]");
            matchingRules(responses.get(i), at + ".response[" + i + "]");
          }
        }
      }
    }

    private void request(JsonNode request, String at) {
      JsonNode method = request.get("method");
      if (method != null && !method.isTextual()) {
        fail(at + ".method", "a method is text such as \"GET\", not " + kind(method));
      }
      JsonNode path = request.get("path");
      if (path != null && !path.isTextual()) {
        fail(at + ".path", "a path is text such as \"/orders\", not " + kind(path));
      }
      headers(request, at);
      JsonNode query = request.get("query");
      if (query != null && !query.isTextual()) {
        // V1 and V2 write the query as a string, V3 and V4 as an object of values
        if (!query.isObject()) {
          fail(at + ".query", "a query is text or an object of values, not " + kind(query));
        }
        values(query, at + ".query", "a query parameter");
      }
      matchingRules(request, at);
    }

    private void response(JsonNode response, String at) {
      JsonNode status = response.get("status");
      if (status != null) {
        if (!status.isIntegralNumber()) {
          fail(at + ".status", "a status is a number such as 200, not " + kind(status));
        }
        if (!status.canConvertToInt() || status.intValue() < 100 || status.intValue() > 599) {
          fail(at + ".status", "a status is from 100 to 599, not " + status);
        }
      }
      headers(response, at);
      matchingRules(response, at);
    }

    /**
     * The paths of body rules (V3 and V4 {@code matchingRules.body}) are read as pact-jvm's
     * matching engine reads them, so that a path it cannot read is named here, not ignored there.
     */
    private void matchingRules(JsonNode part, String at) {
      JsonNode rules = part.get("matchingRules");
      if (rules == null) {
        return;
      }
      String here = at + ".matchingRules";
      if (!rules.isObject()) {
        fail(here, "matching rules are an object of categories, not " + kind(rules));
      }
      JsonNode body = rules.get("body");
      if (body == null || !body.isObject()) {
        return;
      }
      for (Map.Entry<String, JsonNode> rule : body.properties()) {
        if (READABLE_PATHS.contains(rule.getKey())) {
          continue;
        }
        try {
          JsonPath.parse(rule.getKey());
          if (READABLE_PATHS.size() < 10_000) {
            READABLE_PATHS.add(rule.getKey());
          }
        } catch (JsonPath.InvalidJsonPath e) {
          fail(
              here + ".body" + step(rule.getKey()),
              "a rule's path is a JSON path such as \"$.items[*].id\"; "
                  + e.getCause().getMessage());
        }
      }
    }

    private void headers(JsonNode part, String at) {
      JsonNode headers = part.get("headers");
      if (headers == null) {
        return;
      }
      if (!headers.isObject()) {
        fail(at + ".headers", "headers are an object of values, not " + kind(headers));
      }
      values(headers, at + ".headers", "a header");
    }

    // A header or query parameter: text, or (V3 and V4) an array of text.
    private void values(JsonNode values, String at, String what) {
      for (Map.Entry<String, JsonNode> entry : values.properties()) {
        JsonNode value = entry.getValue();
        if (value.isArray()) {
          for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
              fail(
                  at + step(entry.getKey()) + "[" + i + "]",
                  what + "'s value is text, not " + kind(value.get(i)));
            }
          }
        } else if (!value.isTextual()) {
          fail(
              at + step(entry.getKey()),
              what + "'s value is text or an array of text, not " + kind(value));
        }
      }
    }

    private JsonNode required(JsonNode parent, String field, String at) {
      JsonNode value = parent.get(field);
      if (value == null) {
        fail(at + "." + field, "missing: an HTTP interaction has a request and a response");
      }
      object(value, at + "." + field);
      return value;
    }

    private void optionalObject(JsonNode parent, String field, String at) {
      JsonNode value = parent.get(field);
      if (value != null) {
        object(value, at + "." + field);
      }
    }

    private void object(JsonNode value, String at) {
      if (!value.isObject()) {
        fail(at, "expected a JSON object, not " + kind(value));
      }
    }

    private void fail(String at, String problem) {
      throw new PactFileException(file, at, problem, null);
    }
  }

  /** {@code .name}, or {@code ['a-name']} when the name is not a plain identifier. */
  static String step(String name) {
    return PLAIN_NAME.matcher(name).matches()
        ? "." + name
        : "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
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
