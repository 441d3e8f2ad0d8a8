package io.pactwire.openapi.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.internal.InputFiles;
import io.pactwire.core.internal.JsonPath;
import io.pactwire.core.internal.JsonTrees;
import io.pactwire.openapi.SpecException;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A spec read as a JSON tree, with the kind of document it is. */
public record SpecDocument(Path file, Kind kind, JsonNode tree) {

  /** What a spec describes. */
  public enum Kind {
    OPENAPI,
    ASYNCAPI
  }

  private static void version(Path file, JsonNode version, String what, String known) {
    if (!version.isTextual() || !version.textValue().matches(known)) {
      throw new SpecException(
          file,
          "",
          "unknown "
              + what
              + " version "
              + version
              + (what.equals("OpenAPI") ? ": 3.0 and 3.1 are known" : ": 2.x and 3.x are known"),
          null);
    }
  }

  /** Reads a YAML or JSON spec, failing with the file and location when it cannot be used. */
  public static SpecDocument read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SpecException(
          file, "", InputFiles.problem(file).orElse("cannot read: " + e.getMessage()), e);
    }
    JsonNode tree;
    // the $refs a JSON spec holds, gathered while it is read; null for YAML
    Set<String> refs = null;
    try {
      // JSON is YAML, but Jackson's JSON parser reads a 500 KB spec 20 times faster; it reads
      // the bytes as they are, without decoding them to a String first
      if (startsWithBrace(bytes)) {
        refs = new HashSet<>();
        tree = Json.readSpecTree(bytes, refs);
      } else {
        // strict: a repeated key and bytes that are not UTF-8 are refused, not guessed at
        String text = InputFiles.utf8(bytes);
        try (JsonParser yaml = Json.yaml().getFactory().createParser(text)) {
          try {
            tree =
                Json.yaml()
                    .reader()
                    .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .readTree(yaml);
          } catch (JsonProcessingException e) {
            // a nesting limit reports no location of its own: the parser's is where it was passed
            if (e.getLocation() == null) {
              throw new JsonParseException(yaml, e.getOriginalMessage(), yaml.currentLocation(), e);
            }
            throw e;
          }
        }
      }
    } catch (CharacterCodingException e) {
      throw new SpecException(file, "", "not UTF-8", e);
    } catch (IOException e) {
      JsonLocation at = e instanceof JsonProcessingException j ? j.getLocation() : null;
      String location = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr();
      String problem =
          e instanceof JsonProcessingException j ? JsonTrees.problem(j) : e.getMessage();
      throw new SpecException(file, location, "malformed YAML/JSON: " + problem.split("\n")[0], e);
    }
    if (tree == null || !tree.isObject()) {
      throw new SpecException(file, "1:1", "a spec is a YAML or JSON object", null);
    }
    Kind kind;
    if (tree.has("asyncapi")) {
      kind = Kind.ASYNCAPI;
      version(file, tree.get("asyncapi"), "AsyncAPI", "[23]\\.\\d+(\\.\\d+)?");
    } else if (tree.has("openapi") || tree.has("swagger")) {
      kind = Kind.OPENAPI;
      if (!(tree.path("openapi").isTextual() || tree.path("swagger").isTextual())
          || !tree.path("paths").isObject()) {
        throw new SpecException(
            file, "", "not a usable OpenAPI document: " + unusable(tree, bytes), null);
      }
      if (tree.has("openapi")) {
        version(file, tree.get("openapi"), "OpenAPI", "3\\.[01](\\.\\d+)?(-.*)?");
      }
      checkResponses(file, tree.get("paths"));
    } else {
      throw new SpecException(
          file, "1:1", "neither OpenAPI (openapi/swagger) nor AsyncAPI (asyncapi)", null);
    }
    // the walk names where a broken reference is used; needed only when one is broken
    if (refs == null || !allResolve(tree, refs)) {
      checkRefs(file, bytes, tree, tree, new ArrayDeque<>(), new HashSet<>());
    }
    if (refs == null) {
      refs = new HashSet<>();
      collectRefs(tree, refs);
    }
    checkRefTargets(file, tree, refs);
    return new SpecDocument(file, kind, tree);
  }

  private static final List<String> OPERATIONS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /**
   * An operation's {@code responses} of the wrong type is refused here, with its JSON path: every
   * check reads it, and one that found it unusable reported a finding (exit 1), not bad input.
   */
  private static void checkResponses(Path file, JsonNode paths) {
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      if (!path.getValue().isObject()) {
        continue;
      }
      for (String operation : OPERATIONS) {
        JsonNode responses = path.getValue().path(operation).get("responses");
        if (responses != null && !responses.isObject()) {
          throw new SpecException(
              file,
              JsonPath.child(
                  JsonPath.child(JsonPath.child("$.paths", path.getKey()), operation), "responses"),
              "responses is an object of status codes, not " + kind(responses),
              null);
        }
      }
    }
  }

  private static String kind(JsonNode value) {
    if (value.isTextual()) {
      return "text " + value;
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isNull()) {
      return "null";
    }
    return (value.isNumber() ? "the number " : "") + value;
  }

  /**
   * A reference to a file that is not there, and a chain of references that leads back to itself
   * ({@code A: {$ref: B}, B: {$ref: A}}), are refused here: a schema validator given either fails
   * with its own exception or recurses without end.
   */
  private static void checkRefTargets(Path file, JsonNode root, Set<String> refs) {
    for (String ref : refs) {
      if (!ref.startsWith("#")) {
        String target = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
        if (target.contains(":")) {
          continue; // a URL: not fetched here
        }
        Path parent = file.toAbsolutePath().getParent();
        if (!target.isEmpty() && (parent == null || !Files.isRegularFile(parent.resolve(target)))) {
          throw new SpecException(file, "", "broken $ref '" + ref + "': no such file", null);
        }
        continue;
      }
      List<String> chain = new ArrayList<>();
      String next = ref;
      while (next != null && next.startsWith("#")) {
        if (chain.contains(next)) {
          chain.add(next);
          throw new SpecException(file, "", "a $ref cycle: " + String.join(" -> ", chain), null);
        }
        chain.add(next);
        JsonNode target = Json.at(root, next);
        JsonNode again = target == null ? null : target.get("$ref");
        next = again != null && again.isTextual() ? again.asText() : null;
      }
    }
  }

  private static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        refs.add(ref.asText());
      }
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        if (child.isContainerNode()) {
          collectRefs(child, refs);
        }
      }
    }
  }

  /**
   * Why a document is not usable. The checks read the raw tree, so that locations read like the
   * spec's; swagger-parser (1.5 s on PayPal's spec) is asked only to explain an OpenAPI 3 document
   * they cannot use.
   */
  private static String unusable(JsonNode tree, byte[] bytes) {
    if (tree.has("swagger")) {
      return tree.path("swagger").isTextual()
          ? "no 'paths' object"
          : "'swagger' is not a version string such as \"2.0\"";
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result =
        new OpenAPIV3Parser()
            .readContents(new String(bytes, StandardCharsets.UTF_8), null, options);
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    return messages.isEmpty() ? "no 'paths' object" : messages.get(0).replace('\n', ' ');
  }

  private static boolean allResolve(JsonNode tree, Set<String> refs) {
    for (String ref : refs) {
      if (ref.startsWith("#") && Json.at(tree, ref) == null) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWithBrace(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '{') {
        return true;
      }
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return false;
  }

  /**
   * Walks the tree; the location string is built only for a broken reference, from the keys (a
   * field name or an array index) on the way down.
   */
  private static void checkRefs(
      Path file,
      byte[] bytes,
      JsonNode root,
      JsonNode node,
      Deque<Object> path,
      Set<String> resolved) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null
          && ref.isTextual()
          && ref.asText().startsWith("#")
          && !resolved.contains(ref.asText())
          && Json.at(root, ref.asText()) == null) {
        StringBuilder location = new StringBuilder("[root]");
        path.descendingIterator()
            .forEachRemaining(
                k -> {
                  if (k instanceof Integer i) {
                    location.append('[').append(i).append(']');
                  } else {
                    location.append('.').append(k);
                  }
                });
        throw new SpecException(
            file,
            line(new String(bytes, StandardCharsets.UTF_8), ref.asText()),
            "broken $ref '" + ref.asText() + "' at " + location,
            null);
      }
      if (ref != null && ref.isTextual()) {
        resolved.add(ref.asText());
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isContainerNode()) {
          path.push(e.getKey());
          checkRefs(file, bytes, root, e.getValue(), path, resolved);
          path.pop();
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isContainerNode()) {
          path.push(i);
          checkRefs(file, bytes, root, node.get(i), path, resolved);
          path.pop();
        }
      }
    }
  }

  private static String line(String text, String ref) {
    int at = text.indexOf(ref);
    if (at < 0) {
      return "";
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return String.valueOf(line);
  }
}
