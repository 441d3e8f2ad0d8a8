package io.pactwire.openapi.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.Finding.SpecDetails;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Json;
import io.pactwire.openapi.internal.Params;
import io.pactwire.openapi.internal.SchemaValidator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The path parameters of a matched route against their schemas (label and matrix styles split as
 * they explode): a value its parameter forbids means the path names no operation after all.
 */
final class PathCheck {

  private final OperationSpec spec;

  PathCheck(OperationSpec spec) {
    this.spec = spec;
  }

  void check(HttpInteraction h, Route r, Map<String, String> params, List<Finding> out) {
    JsonNode parameters = r.operation().path("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode p = parameters.get(i);
      if (!"path".equals(p.path("in").asText())) {
        continue;
      }
      String name = p.path("name").asText().replace("-", "");
      if (!params.containsKey(name)) {
        continue;
      }
      JsonNode schema = OperationSpec.parameterSchema(p);
      JsonNode derefSchema = spec.deref(schema);
      String raw = params.get(name);
      JsonNode value =
          "string".equals(derefSchema.path("type").asText())
              ? TextNode.valueOf(raw)
              : Params.parseValue(raw);
      String style = p.path("style").asText("").toLowerCase(Locale.ROOT);
      boolean explode = p.path("explode").asBoolean(false);
      String separator =
          "label".equals(style) && explode ? "." : "matrix".equals(style) && explode ? ";" : ",";
      if ("array".equals(derefSchema.path("type").asText()) && value.isTextual()) {
        value = Json.array(List.of(value.asText().split(Pattern.quote(separator), -1)));
      }
      value = Params.coerce(value, derefSchema, spec.oas());
      String schemaId = r.location() + ".parameters[" + i + "]";
      for (SchemaValidator.Violation ignored : spec.violations(schemaId, schema, value)) {
        out.add(
            Findings.pathOrMethodUnknown(h.method().toUpperCase(Locale.ROOT), h.path())
                .at(
                    h.at(".request.path", TextNode.valueOf(h.path())),
                    new SpecDetails("[root].paths", null, null, r.operation())));
      }
    }
  }
}
