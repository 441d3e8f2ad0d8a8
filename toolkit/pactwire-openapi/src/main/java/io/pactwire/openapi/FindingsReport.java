package io.pactwire.openapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.core.internal.JsonText;
import io.pactwire.core.internal.JunitXml;
import io.pactwire.core.internal.Secrets;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders findings as JSON (the array openapi-pact-comparator prints), as text for people, and as
 * JUnit XML for CI servers.
 *
 * @since 0.1.0
 */
public final class FindingsReport {

  private static final JsonFactory JSON = new JsonFactory();

  private FindingsReport() {}

  /**
   * The findings as a JSON array, two-space indented, with a trailing newline: what Jackson's
   * ObjectMapper prints for them (their annotations say the same), with values walked onto the
   * generator by the one tree writer Pactwire prints every JSON tree with.
   */
  public static String json(List<Finding> findings) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
    printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setPrettyPrinter(printer);
      g.writeStartArray();
      for (Finding f : findings) {
        Finding.MockDetails m = f.mockDetails();
        Set<String> secrets = new TreeSet<>();
        JsonNode value = m == null ? null : withoutCredentials(m.location(), m.value(), secrets);
        g.writeStartObject();
        field(g, "code", f.code());
        field(g, "message", Secrets.scrub(f.message(), secrets));
        if (m != null) {
          g.writeObjectFieldStart("mockDetails");
          field(g, "interactionDescription", m.interactionDescription());
          field(g, "interactionState", m.interactionState());
          field(g, "location", m.location());
          tree(g, "value", value);
          g.writeEndObject();
        }
        if (f.specDetails() != null) {
          Finding.SpecDetails d = f.specDetails();
          g.writeObjectFieldStart("specDetails");
          field(g, "location", d.location());
          field(g, "pathMethod", d.pathMethod());
          field(g, "pathName", d.pathName());
          tree(g, "value", d.value());
          g.writeEndObject();
        }
        field(g, "type", f.type() == null ? null : f.type().label());
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().replace("\r\n", "\n") + "\n";
  }

  private static void field(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  /**
   * The pact's value at {@code location} with every credential in it (a header, query parameter or
   * body field whose name says it holds one) as {@code <redacted>}, each value redacted added to
   * {@code secrets}: a hand-written pact may hold a real token, and the report is a CI artefact.
   * The location still says where it is.
   */
  static JsonNode withoutCredentials(String location, JsonNode value, Set<String> secrets) {
    if (value == null) {
      return null;
    }
    // any step of it: request.query.access_token.2, request.body.auth.pin
    boolean secret =
        location != null
            && java.util.Arrays.stream(location.split("\\."))
                .anyMatch(FindingsReport::isCredential);
    return redacted(value, secret, secrets);
  }

  private static JsonNode redacted(JsonNode value, boolean secret, Set<String> secrets) {
    if (value.isTextual() || value.isNumber()) {
      if (!secret) {
        return value;
      }
      Secrets.add(secrets, value.asText());
      return TextNode.valueOf(Secrets.REDACTED);
    }
    if (value.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode(value.size());
      value.forEach(item -> copy.add(redacted(item, secret, secrets)));
      return copy;
    }
    if (value.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        copy.set(e.getKey(), redacted(e.getValue(), secret || isCredential(e.getKey()), secrets));
      }
      return copy;
    }
    return value;
  }

  private static boolean isCredential(String name) {
    return Secrets.isSecretHeader(name)
        || Secrets.isSecretQueryParameter(name)
        || Secrets.isSecretField(name);
  }

  private static void tree(JsonGenerator g, String name, JsonNode value) throws IOException {
    if (value != null) {
      g.writeFieldName(name);
      JsonText.write(g, value);
    }
  }

  /**
   * The findings as text, one block per finding: type and code, message, then where in the pact and
   * where in the spec; ends with a count line.
   */
  public static String text(String pact, List<Finding> findings) {
    long errors = findings.stream().filter(Finding::isError).count();
    long warnings = findings.stream().filter(f -> f.type() == Finding.Type.WARNING).count();
    return body(findings)
        + pact
        + ": "
        + errors
        + (errors == 1 ? " error, " : " errors, ")
        + warnings
        + (warnings == 1 ? " warning" : " warnings")
        + "\n";
  }

  private static String body(List<Finding> findings) {
    StringBuilder b = new StringBuilder();
    for (Finding f : findings) {
      b.append(f.type().label()).append("  ").append(f.code()).append('\n');
      b.append("  ").append(f.message()).append('\n');
      if (f.mockDetails() != null) {
        b.append("  pact: ").append(f.mockDetails().location());
        if (f.mockDetails().interactionDescription() != null) {
          b.append("  (\"").append(f.mockDetails().interactionDescription()).append('"');
          String state = f.mockDetails().interactionState();
          if (state != null && !"[none]".equals(state)) {
            b.append(" given \"").append(state).append('"');
          }
          b.append(')');
        }
        b.append('\n');
      }
      if (f.specDetails() != null) {
        b.append("  spec: ").append(f.specDetails().location()).append('\n');
      }
    }
    return b.toString();
  }

  /**
   * The findings as a JUnit XML report: one test case per interaction with findings, failing when
   * any of them is an error; warnings go to {@code system-out}.
   */
  public static String junit(String pact, List<Finding> findings) {
    Map<String, List<Finding>> byInteraction = new LinkedHashMap<>();
    for (Finding f : findings) {
      String key = f.mockDetails() == null ? "[root]" : interactionOf(f.mockDetails().location());
      byInteraction.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(f);
    }
    List<JunitXml.Case> cases = new java.util.ArrayList<>();
    for (Map.Entry<String, List<Finding>> e : byInteraction.entrySet()) {
      Finding first = e.getValue().get(0);
      String name =
          first.mockDetails() != null && first.mockDetails().interactionDescription() != null
              ? first.mockDetails().interactionDescription()
              : e.getKey();
      List<Finding> errors = e.getValue().stream().filter(Finding::isError).toList();
      List<Finding> others = e.getValue().stream().filter(f -> !f.isError()).toList();
      JunitXml.Result result =
          errors.isEmpty()
              ? new JunitXml.Passed()
              : new JunitXml.Failed(
                  errors.get(0).message(), errors.get(0).code(), body(errors).stripTrailing());
      String out = others.isEmpty() ? null : body(others).stripTrailing();
      cases.add(new JunitXml.Case(pact, name, null, result, out));
    }
    return JunitXml.suite(new JunitXml.Suite(pact, null, null, cases));
  }

  private static String interactionOf(String location) {
    int end = location.indexOf(']', location.indexOf("interactions["));
    return end < 0 ? location : location.substring(0, end + 1);
  }
}
