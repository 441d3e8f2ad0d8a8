package io.pactwire.openapi.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Findings.Validated;
import io.pactwire.openapi.internal.Json;
import io.pactwire.openapi.internal.Params;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request's query: declared parameters (read as their schemas read them, arrays split by their
 * collection format) against their schemas, required ones present, and no undeclared ones (API keys
 * aside).
 */
final class QueryCheck {

  private static final Map<String, String> SWAGGER2_SEPARATORS =
      Map.of("ssv", " ", "tsv", "\t", "pipes", "|");

  private final OperationSpec spec;

  QueryCheck(OperationSpec spec) {
    this.spec = spec;
  }

  void check(HttpInteraction h, Route r, List<Finding> out) {
    ObjectNode parsed = Params.parseQuery(h.query(), true);
    ObjectNode unparsed = Params.parseQuery(h.query(), false);
    JsonNode parameters = r.operation().path("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode p = parameters.get(i);
      if (!"query".equals(p.path("in").asText())) {
        continue;
      }
      String name = p.path("name").asText();
      JsonNode schema = OperationSpec.parameterSchema(p);
      JsonNode ds = spec.deref(schema);
      if (p.has("schema") && "string".equals(ds.path("type").asText())) {
        if (unparsed.has(name)) {
          parsed.set(name, unparsed.get(name));
        } else {
          parsed.remove(name);
        }
      }
      JsonNode value = parsed.get(name);
      if ((value != null || p.path("required").asBoolean(false)) && h.validRequest()) {
        parameter(h, r, i, name, schema, ds, value, out);
      }
      parsed.remove(name);
    }
    Set<String> securityQueries = spec.apiKeys(r, "query");
    if (h.validRequest()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = parsed.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!securityQueries.contains(e.getKey())) {
          out.add(
              Findings.requestQueryUnknown(e.getKey())
                  .at(h.at(".request.query." + e.getKey(), e.getValue()), r.atOperation()));
        }
      }
    }
  }

  private void parameter(
      HttpInteraction h,
      Route r,
      int i,
      String name,
      JsonNode schema,
      JsonNode ds,
      JsonNode value,
      List<Finding> out) {
    String schemaId = r.location() + ".parameters[" + i + "]";
    JsonNode converted = value;
    if (value != null && "array".equals(ds.path("type").asText()) && value.isTextual()) {
      String sep =
          spec.swagger2()
              ? SWAGGER2_SEPARATORS.getOrDefault(ds.path("collectionFormat").asText(), ",")
              : ",";
      converted = Json.array(List.of(value.asText().split(Pattern.quote(sep), -1)));
    }
    if (converted == null) {
      // a missing required value fails the schema's type, as the reference reports it
      JsonNode type = ds.get("type");
      out.add(
          Findings.incompatible(
                  Validated.REQUEST_QUERY,
                  type == null
                      ? "must have required property '" + name + "'"
                      : "must be " + type.asText())
              .at(
                  h.at(".request.query." + name, null),
                  r.at(schemaId + (type == null ? "" : ".schema.type"), type)));
    } else {
      converted = Params.coerce(converted, ds, spec.oas());
      out.addAll(
          spec.validate(
              h,
              r,
              Validated.REQUEST_QUERY,
              schemaId,
              schema,
              false,
              converted,
              ".request.query." + name));
    }
  }
}
