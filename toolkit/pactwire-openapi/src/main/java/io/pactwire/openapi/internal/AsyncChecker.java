package io.pactwire.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.Finding.MockDetails;
import io.pactwire.openapi.Finding.SpecDetails;
import io.pactwire.openapi.internal.rules.MatchingRuleChecker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks message interactions against an AsyncAPI document: the interaction names an operation
 * ({@code comments.references.AsyncAPI.operationId}), and one of the operation's messages must
 * accept its payload and metadata; a synchronous interaction's responses must match the reply.
 * AsyncAPI 2.x operations ({@code channels.*.publish|subscribe} with an {@code operationId}) are
 * read as 3.x operations.
 */
public final class AsyncChecker {

  private final JsonNode doc;
  private final SchemaValidator validator;
  private final ObjectNode operations;
  // one prepared copy per schema and direction: the validator compiles it once, by its id
  private final java.util.Map<String, ObjectNode> preparedById =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record Candidate(JsonNode message, String path) {}

  private record Content(JsonNode payload, String contentType, JsonNode metadata) {}

  public AsyncChecker(JsonNode doc, SchemaValidator validator) {
    this.doc = doc;
    this.validator = validator;
    this.operations = operations(doc);
  }

  private static ObjectNode operations(JsonNode doc) {
    if (doc.has("operations") || !doc.path("asyncapi").asText("").startsWith("2")) {
      return doc.path("operations").isObject()
          ? (ObjectNode) doc.get("operations")
          : Json.NODES.objectNode();
    }
    ObjectNode ops = Json.NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("channels").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> channel = it.next();
      for (String action : List.of("publish", "subscribe")) {
        JsonNode op = channel.getValue().get(action);
        if (op == null || !op.path("operationId").isTextual()) {
          continue;
        }
        ObjectNode o = ops.putObject(op.get("operationId").asText());
        ArrayNode messages = o.putArray("messages");
        JsonNode m = op.path("message");
        if (m.has("oneOf")) {
          m.get("oneOf").forEach(messages::add);
        } else if (!m.isMissingNode()) {
          messages.add(m);
        }
      }
    }
    return ops;
  }

  /** The finding for an interaction whose kind of spec was not given, as {@code draft} says. */
  public static Finding specMissing(JsonNode interaction, int index, Findings.Draft draft) {
    return draft.at(
        new MockDetails(
            Interactions.description(interaction),
            Interactions.state(interaction),
            "[root].interactions[" + index + "]",
            Json.text(Interactions.description(interaction))),
        new SpecDetails("[root]", null, null, null));
  }

  private static MockDetails mock(JsonNode interaction, String location, JsonNode value) {
    return new MockDetails(
        Interactions.description(interaction), Interactions.state(interaction), location, value);
  }

  /**
   * Checks one asynchronous or synchronous message interaction; with {@code matchingRules}, the
   * rules on its contents and metadata are checked against the message it matched.
   */
  public void check(JsonNode interaction, int index, boolean matchingRules, List<Finding> out) {
    boolean sync = Interactions.kind(interaction) == Interactions.Kind.SYNC;
    String kind = sync ? "Sync" : "Async";
    String base = "[root].interactions[" + index + "]";
    JsonNode refs = interaction.path("comments").path("references").get("AsyncAPI");
    boolean absent = refs == null || refs.isNull() || (refs.isBoolean() && !refs.booleanValue());
    String operationId = !absent && refs.isObject() ? refs.path("operationId").asText("") : "";
    if (operationId.isEmpty()) {
      Findings.Draft draft =
          absent
              ? Findings.messageReferencesMissing(kind)
              : Findings.messageReferencesMalformed(kind);
      out.add(
          draft.at(
              mock(interaction, base + ".comments.references.AsyncAPI", absent ? null : refs),
              new SpecDetails("[root]", null, null, null)));
      return;
    }
    JsonNode operation = operations.get(operationId);
    if (operation == null) {
      out.add(
          Findings.messageOperationUnknown(operationId)
              .at(
                  mock(
                      interaction,
                      base + ".comments.references.AsyncAPI.operationId",
                      Json.text(operationId)),
                  new SpecDetails("[root].operations", null, null, null)));
      return;
    }
    String opPath = "[root].operations." + operationId;
    if (!sync) {
      Content content = content(interaction);
      Candidate matched =
          tryMatch(
              interaction,
              candidates(operation.path("messages"), opPath + ".messages"),
              content,
              base + ".contents.content",
              base + ".metadata",
              opPath + ".messages",
              true,
              mock(interaction, base, Json.text(Interactions.description(interaction))),
              out);
      if (matched != null && matchingRules) {
        matchingRules(interaction, interaction, base, matched, content, true, out);
      }
      return;
    }
    MockDetails noMatch =
        mock(
            interaction,
            base + ".comments.references.AsyncAPI.operationId",
            Json.text(operationId));
    Content request = content(interaction.path("request"));
    Candidate matched =
        tryMatch(
            interaction,
            candidates(operation.path("messages"), opPath + ".messages"),
            request,
            base + ".request.contents.content",
            base + ".request.metadata",
            opPath + ".messages",
            false,
            noMatch,
            out);
    if (matched == null) {
      return;
    }
    if (matchingRules) {
      matchingRules(
          interaction,
          interaction.path("request"),
          base + ".request",
          matched,
          request,
          false,
          out);
    }
    JsonNode reply = operation.get("reply");
    if (reply == null) {
      out.add(
          Findings.messageReplyMissing(operationId)
              .at(
                  mock(interaction, base + ".comments.references.AsyncAPI", Json.text(operationId)),
                  new SpecDetails(opPath, null, null, operation)));
      return;
    }
    JsonNode replyMessages = reply.path("messages");
    if (!replyMessages.isArray() || replyMessages.isEmpty()) {
      out.add(
          Findings.messageReplyWithoutMessages(operationId)
              .at(
                  mock(interaction, base + ".comments.references.AsyncAPI", Json.text(operationId)),
                  new SpecDetails(opPath + ".reply.messages", null, null, reply.get("messages"))));
      return;
    }
    JsonNode responses = interaction.path("response");
    if (!responses.isArray() || responses.isEmpty()) {
      out.add(
          Findings.messageResponseMissing()
              .at(
                  mock(interaction, base + ".response", Json.NODES.arrayNode()),
                  new SpecDetails(opPath + ".reply.messages", null, null, replyMessages)));
      return;
    }
    for (int j = 0; j < responses.size(); j++) {
      Content response = content(responses.get(j));
      Candidate replied =
          tryMatch(
              interaction,
              candidates(replyMessages, opPath + ".reply.messages"),
              response,
              base + ".response[" + j + "].contents.content",
              base + ".response[" + j + "].metadata",
              opPath + ".reply.messages",
              true,
              noMatch,
              out);
      if (replied != null && matchingRules) {
        matchingRules(
            interaction,
            responses.get(j),
            base + ".response[" + j + "]",
            replied,
            response,
            true,
            out);
      }
    }
  }

  /**
   * Checks the rules on a message's contents and metadata against the message it matched, with the
   * schemas prepared as for its validation; contents that are not JSON have no rules to check.
   */
  private void matchingRules(
      JsonNode interaction,
      JsonNode side,
      String base,
      Candidate c,
      Content content,
      boolean received,
      List<Finding> out) {
    JsonNode payload = c.message.get("payload");
    JsonNode headers = c.message.get("headers");
    boolean json = content.contentType == null || MediaTypes.validatable(content.contentType, true);
    MatchingRuleChecker.checkMessage(
        interaction,
        side,
        base,
        json ? content.payload : null,
        payload == null || payload.isNull()
            ? null
            : new MatchingRuleChecker.Target(prepare(payload, received), c.path + ".payload"),
        content.metadata,
        headers == null || headers.isNull()
            ? null
            : new MatchingRuleChecker.Target(prepare(headers, received), c.path + ".headers"),
        out);
  }

  private static Content content(JsonNode side) {
    JsonNode contents = side.get("contents");
    JsonNode payload = contents == null ? null : Interactions.body(contents, true);
    String contentType = contents == null ? null : contents.path("contentType").asText(null);
    JsonNode metadata = side.get("metadata");
    return new Content(payload, contentType, metadata);
  }

  private List<Candidate> candidates(JsonNode messages, String inlineBase) {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      if (!m.isObject()) {
        continue;
      }
      if (m.path("$ref").isTextual()) {
        String finalRef = m.get("$ref").asText();
        JsonNode n = m;
        for (int hop = 0; hop < 32 && n != null && n.path("$ref").isTextual(); hop++) {
          finalRef = n.get("$ref").asText();
          n = Json.at(doc, finalRef);
        }
        if (n == null) {
          continue;
        }
        out.add(new Candidate(n, "[root]." + finalRef.replaceFirst("^#/", "").replace("/", ".")));
      } else {
        out.add(new Candidate(m, inlineBase + "[" + i + "]"));
      }
    }
    return out;
  }

  /** Returns the message that matched, or null after a {@code message.no.match} finding. */
  private Candidate tryMatch(
      JsonNode interaction,
      List<Candidate> candidates,
      Content content,
      String payloadLocation,
      String headersLocation,
      String specLocation,
      boolean received,
      MockDetails noMatch,
      List<Finding> out) {
    for (Candidate c : candidates) {
      List<Finding> results = new ArrayList<>();
      payload(interaction, c, content, payloadLocation, received, results);
      headers(interaction, c, content, headersLocation, received, results);
      if (results.stream().noneMatch(Finding::isError)) {
        out.addAll(results);
        out.add(
            Findings.messageMatched(c.path)
                .at(null, new SpecDetails(c.path, null, null, c.message)));
        return c;
      }
    }
    out.add(Findings.messageNoMatch().at(noMatch, new SpecDetails(specLocation, null, null, null)));
    return null;
  }

  private void payload(
      JsonNode interaction,
      Candidate c,
      Content content,
      String location,
      boolean received,
      List<Finding> out) {
    if (content.contentType == null) {
      return;
    }
    if (!MediaTypes.validatable(content.contentType, true)) {
      if (content.payload != null) {
        out.add(
            Findings.messagePayloadUnvalidatable(content.contentType)
                .at(
                    mock(interaction, location, content.payload),
                    new SpecDetails(c.path, null, null, null)));
      }
      return;
    }
    JsonNode schema = c.message.get("payload");
    if (schema == null || schema.isNull()) {
      if (content.payload != null) {
        out.add(
            Findings.messagePayloadUnknown()
                .at(
                    mock(interaction, location, content.payload),
                    new SpecDetails(c.path, null, null, null)));
      }
      return;
    }
    validate(
        interaction,
        c.path + ".payload",
        schema,
        received,
        content.payload == null
            ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
            : content.payload,
        location,
        Findings.Validated.MESSAGE_PAYLOAD,
        out);
  }

  private void headers(
      JsonNode interaction,
      Candidate c,
      Content content,
      String location,
      boolean received,
      List<Finding> out) {
    JsonNode schema = c.message.get("headers");
    if (schema == null || schema.isNull() || content.metadata == null) {
      return;
    }
    validate(
        interaction,
        c.path + ".headers",
        schema,
        received,
        content.metadata,
        location,
        Findings.Validated.MESSAGE_HEADERS,
        out);
  }

  private void validate(
      JsonNode interaction,
      String schemaPath,
      JsonNode schema,
      boolean received,
      JsonNode value,
      String location,
      Findings.Validated what,
      List<Finding> out) {
    String id = schemaPath + "#" + (received ? "response" : "request");
    ObjectNode prepared = preparedById.computeIfAbsent(id, k -> prepare(schema, received));
    if (value.isMissingNode()) {
      value = com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
    for (SchemaValidator.Violation v : validator.validate(id, prepared, value)) {
      out.add(
          Findings.incompatible(what, v.message())
              .at(
                  mock(interaction, location + v.instanceSuffix(), v.valueIn(value)),
                  new SpecDetails(
                      schemaPath + "." + v.schemaDotted(), null, null, v.schemaValue())));
    }
  }

  /** The schema with its references inlined, strict as a stub must be for what is received. */
  private ObjectNode prepare(JsonNode schema, boolean received) {
    JsonNode inlined = inline(schema, new HashSet<>());
    ObjectNode prepared = inlined.isObject() ? ((ObjectNode) inlined) : Json.NODES.objectNode();
    return received ? SchemaPreparer.forResponse(prepared) : prepared;
  }

  private JsonNode inline(JsonNode schema, Set<String> visited) {
    if (schema.isArray()) {
      ArrayNode a = Json.NODES.arrayNode();
      schema.forEach(x -> a.add(inline(x, visited)));
      return a;
    }
    if (!schema.isObject()) {
      return schema;
    }
    if (schema.path("$ref").isTextual()) {
      String ref = schema.get("$ref").asText();
      JsonNode target = Json.at(doc, ref);
      if (visited.contains(ref) || target == null) {
        return Json.NODES.objectNode();
      }
      Set<String> next = new HashSet<>(visited);
      next.add(ref);
      return inline(target, next);
    }
    ObjectNode o = Json.NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      o.set(e.getKey(), inline(e.getValue(), visited));
    }
    return o;
  }
}
