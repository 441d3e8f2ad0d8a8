package io.pactwire.consumer.internal;

import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.HttpRequest;
import au.com.dius.pact.core.model.HttpResponse;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.matchingrules.EqualsMatcher;
import au.com.dius.pact.core.model.matchingrules.MatchingRule;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.MatchingRulesImpl;
import au.com.dius.pact.core.model.matchingrules.MinTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.NumberTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import au.com.dius.pact.core.model.matchingrules.TypeMatcher;
import au.com.dius.pact.core.support.Json;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds one V4 {@code Synchronous/HTTP} interaction from a WireMock stub and an example exchange:
 * example values from the exchange, matching rules from the stub's patterns (see docs/capture.md).
 */
public final class InteractionBuilder {

  /** The text written instead of a secret. */
  public static final String REDACTED = "<redacted>";

  private static final ObjectMapper JSON = ExactJson.MAPPER;
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9-]*) .+");
  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}/]+}");
  private static final Pattern QUOTED = Pattern.compile("\\\\Q(.*?)\\\\E");
  private static final String JSON_UNIT = "${json-unit.";

  private final JsonNode stub;
  private final CaptureSettings settings;

  private InteractionBuilder(JsonNode stub, CaptureSettings settings) {
    this.stub = stub;
    this.settings = settings;
  }

  /**
   * Builds the interaction.
   *
   * @param testName the test that exercised the stub, kept as the interaction's {@code
   *     comments.testname}; {@code null} for none
   */
  public static V4Interaction.SynchronousHttp build(
      JsonNode stub,
      ExampleRequest request,
      ExampleResponse response,
      CaptureSettings settings,
      List<ProviderState> fallbackStates,
      String testName) {
    InteractionBuilder builder = new InteractionBuilder(stub, settings);
    Map<String, JsonValue> comments = new LinkedHashMap<>();
    if (testName != null) {
      comments.put("testname", Json.toJson(testName));
    }
    return new V4Interaction.SynchronousHttp(
        "",
        StubFacts.description(stub),
        StubFacts.providerStates(stub, fallbackStates),
        builder.request(request),
        builder.response(response),
        null,
        comments);
  }

  // ---------------------------------------------------------------- request

  private HttpRequest request(ExampleRequest example) {
    JsonNode pattern = stub.path("request");
    MatchingRulesImpl rules = new MatchingRulesImpl();
    pathRule(pattern).ifPresent(rule -> rules.addCategory("path").addRule(rule));

    Map<String, List<String>> query = new LinkedHashMap<>(example.query());
    pattern
        .path("queryParameters")
        .fields()
        .forEachRemaining(
            e -> {
              if (isAbsent(e.getValue())) {
                query.remove(e.getKey());
              } else {
                valueRule(e.getValue())
                    .ifPresent(rule -> rules.addCategory("query").addRule(e.getKey(), rule));
              }
            });

    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (settings.isSecretQueryParameter(e.getKey())) {
        e.setValue(e.getValue().stream().map(v -> REDACTED).toList());
        rules.addCategory("query").setRule(e.getKey(), new RegexMatcher(".+", REDACTED));
      }
    }

    Map<String, List<String>> headers = new TreeMap<>();
    pattern
        .path("headers")
        .fields()
        .forEachRemaining(
            e -> {
              if (isAbsent(e.getValue())) {
                return;
              }
              List<String> values = header(example.headers(), e.getKey());
              if (values.isEmpty()) {
                return;
              }
              headers.put(e.getKey(), values);
              valueRule(e.getValue())
                  .ifPresent(rule -> rules.addCategory("header").addRule(e.getKey(), rule));
            });
    if (pattern.has("basicAuth")) {
      headers.put("Authorization", header(example.headers(), "Authorization"));
    }
    List<String> contentType = header(example.headers(), "Content-Type");
    boolean hasBody = example.body() != null && !example.body().isEmpty();
    if (hasBody && !contentType.isEmpty()) {
      headers.putIfAbsent("Content-Type", contentType);
    }
    redactHeaders(headers, rules.addCategory("header"));

    OptionalBody body = OptionalBody.missing();
    if (hasBody) {
      Optional<JsonBody> json = parseJson(example.body(), contentType);
      if (json.isPresent()) {
        MatchingRuleCategory bodyRules = rules.addCategory("body");
        requestBodyRules(pattern.path("bodyPatterns"), json.get().tree(), bodyRules);
        JsonNode tree = redactPaths(json.get().tree(), bodyRules);
        body = OptionalBody.body(bytes(example.body(), json.get(), tree), ContentType.getJSON());
      } else {
        MatchingRuleCategory bodyRules = rules.addCategory("body");
        for (JsonNode p : pattern.path("bodyPatterns")) {
          textBodyRule(p).ifPresent(rule -> bodyRules.addRule("$", rule));
        }
        body =
            OptionalBody.body(
                example.body().getBytes(StandardCharsets.UTF_8),
                contentType.isEmpty()
                    ? ContentType.getTEXT_PLAIN()
                    : new ContentType(contentType.get(0)));
      }
    }
    return new HttpRequest(
        example.method(), example.path(), query, headers, body, prune(rules), new Generators());
  }

  private static Optional<MatchingRule> pathRule(JsonNode pattern) {
    if (pattern.hasNonNull("urlPathTemplate")) {
      String template = pattern.get("urlPathTemplate").asText();
      StringBuilder regex = new StringBuilder();
      Matcher m = TEMPLATE_VARIABLE.matcher(template);
      int at = 0;
      while (m.find()) {
        regex.append(Pattern.quote(template.substring(at, m.start()))).append("[^/]+");
        at = m.end();
      }
      regex.append(Pattern.quote(template.substring(at)));
      return Optional.of(new RegexMatcher(simplifyQuotes(regex.toString())));
    }
    for (String key : new String[] {"urlPathPattern", "urlPattern"}) {
      if (pattern.hasNonNull(key)) {
        String regex = pattern.get(key).asText();
        if (key.equals("urlPattern") && regex.contains("\\?")) {
          regex = regex.substring(0, regex.indexOf("\\?"));
        }
        return Optional.of(new RegexMatcher(regex));
      }
    }
    return Optional.empty();
  }

  // \Q/products/\E reads worse than /products/ when nothing needs quoting.
  private static String simplifyQuotes(String regex) {
    Matcher m = QUOTED.matcher(regex);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String literal = m.group(1);
      String plain = isPlain(literal, "/_-~") ? literal : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(plain));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A rule for a query or header pattern; equality needs none. */
  static Optional<MatchingRule> valueRule(JsonNode pattern) {
    if (pattern.hasNonNull("matches")) {
      return Optional.of(new RegexMatcher(pattern.get("matches").asText()));
    }
    if (pattern.hasNonNull("contains")) {
      return Optional.of(new RegexMatcher(".*" + quote(pattern.get("contains").asText()) + ".*"));
    }
    if (pattern.hasNonNull("equalTo") && pattern.path("caseInsensitive").asBoolean(false)) {
      return Optional.of(new RegexMatcher("(?i)" + quote(pattern.get("equalTo").asText())));
    }
    return Optional.empty();
  }

  static boolean isAbsent(JsonNode pattern) {
    return pattern.path("absent").asBoolean(false);
  }

  private static Optional<MatchingRule> textBodyRule(JsonNode pattern) {
    if (pattern.hasNonNull("matches")) {
      return Optional.of(new RegexMatcher("(?s)" + pattern.get("matches").asText()));
    }
    if (pattern.hasNonNull("contains")) {
      return Optional.of(
          new RegexMatcher("(?s).*" + quote(pattern.get("contains").asText()) + ".*"));
    }
    return Optional.empty();
  }

  private void requestBodyRules(JsonNode bodyPatterns, JsonNode body, MatchingRuleCategory rules) {
    for (JsonNode p : bodyPatterns) {
      if (p.has("equalToJson")) {
        placeholderRules(expectedJson(p.get("equalToJson")), "$", rules);
      } else if (p.has("matchesJsonPath")) {
        JsonNode jp = p.get("matchesJsonPath");
        String expression = jp.isTextual() ? jp.asText() : jp.path("expression").asText();
        if (!JsonPaths.isSimple(expression)) {
          continue;
        }
        String path = JsonPaths.normalise(expression);
        Optional<MatchingRule> rule = jp.isObject() ? valueRule(jp) : Optional.empty();
        if (jp.isObject() && jp.hasNonNull("equalTo")) {
          rules.addRule(path, EqualsMatcher.INSTANCE);
        } else {
          rules.addRule(path, rule.orElse(TypeMatcher.INSTANCE));
        }
      } else if (p.has("matchesJsonSchema")) {
        schemaRules(expectedJson(p.get("matchesJsonSchema")), "$", rules);
      } else {
        textBodyRule(p).ifPresent(rule -> rules.addRule("$", rule));
      }
    }
  }

  static JsonNode expectedJson(JsonNode value) {
    if (!value.isTextual()) {
      return value;
    }
    try {
      return JSON.readTree(value.asText());
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  private static void placeholderRules(JsonNode expected, String path, MatchingRuleCategory rules) {
    if (expected.isObject()) {
      expected
          .fields()
          .forEachRemaining(
              e -> placeholderRules(e.getValue(), JsonPaths.child(path, e.getKey()), rules));
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        placeholderRules(expected.get(i), path + "[" + i + "]", rules);
      }
    } else if (expected.isTextual() && expected.asText().startsWith(JSON_UNIT)) {
      placeholderRule(expected.asText()).ifPresent(rule -> rules.addRule(path, rule));
    }
  }

  static Optional<MatchingRule> placeholderRule(String placeholder) {
    if (placeholder.startsWith("${json-unit.regex}")) {
      return Optional.of(new RegexMatcher(placeholder.substring("${json-unit.regex}".length())));
    }
    return switch (placeholder) {
      case "${json-unit.any-number}" ->
          Optional.of(new NumberTypeMatcher(NumberTypeMatcher.NumberType.NUMBER));
      case "${json-unit.any-string}",
          "${json-unit.any-boolean}",
          "${json-unit.ignore}",
          "${json-unit.ignore-element}" ->
          Optional.of(TypeMatcher.INSTANCE);
      default -> Optional.empty();
    };
  }

  private static void schemaRules(JsonNode schema, String path, MatchingRuleCategory rules) {
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" ->
          schema
              .path("properties")
              .fields()
              .forEachRemaining(
                  e -> schemaRules(e.getValue(), JsonPaths.child(path, e.getKey()), rules));
      case "array" -> {
        rules.addRule(path, new MinTypeMatcher(0));
        if (schema.has("items")) {
          schemaRules(schema.get("items"), path + "[*]", rules);
        }
      }
      case "integer" ->
          rules.addRule(path, new NumberTypeMatcher(NumberTypeMatcher.NumberType.INTEGER));
      case "number" ->
          rules.addRule(path, new NumberTypeMatcher(NumberTypeMatcher.NumberType.NUMBER));
      case "string", "boolean" -> rules.addRule(path, TypeMatcher.INSTANCE);
      default -> {
        if (schema.has("properties")) {
          schemaRules(((ObjectNode) schema.deepCopy()).put("type", "object"), path, rules);
        }
      }
    }
  }

  // ---------------------------------------------------------------- response

  private HttpResponse response(ExampleResponse example) {
    MatchingRulesImpl rules = new MatchingRulesImpl();
    JsonNode pins = StubFacts.pactMetadata(stub);
    Map<String, List<String>> headers = new TreeMap<>(example.headers());
    MatchingRuleCategory headerRules = rules.addCategory("header");
    for (String name : headers.keySet()) {
      if (!name.equalsIgnoreCase("Content-Type")) {
        headerRules.addRule(name, TypeMatcher.INSTANCE);
      }
    }
    pins.path("regex")
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().startsWith("$")) {
                headerRules.setRule(e.getKey(), new RegexMatcher(e.getValue().asText()));
              }
            });
    for (JsonNode exact : pins.path("exact")) {
      if (!exact.asText().startsWith("$")) {
        headerRules.setRule(exact.asText(), EqualsMatcher.INSTANCE);
      }
    }
    redactHeaders(headers, headerRules);

    OptionalBody body = OptionalBody.missing();
    List<String> contentType = header(headers, "Content-Type");
    if (example.body() != null && !example.body().isEmpty()) {
      Optional<JsonBody> json = parseJson(example.body(), contentType);
      if (json.isPresent()
          && (stub.path("response").has("jsonBody")
              || !contentType.isEmpty()
              || looksLikeJson(example.body()))) {
        MatchingRuleCategory bodyRules = rules.addCategory("body");
        typeRules(json.get().tree(), "$", bodyRules);
        pins.path("exact")
            .forEach(
                p -> {
                  if (p.asText().startsWith("$")) {
                    bodyRules.setRule(JsonPaths.normalise(p.asText()), EqualsMatcher.INSTANCE);
                  }
                });
        pins.path("regex")
            .fields()
            .forEachRemaining(
                e -> {
                  if (e.getKey().startsWith("$")) {
                    bodyRules.setRule(
                        JsonPaths.normalise(e.getKey()), new RegexMatcher(e.getValue().asText()));
                  }
                });
        JsonNode tree = redactPaths(json.get().tree(), bodyRules);
        body = OptionalBody.body(bytes(example.body(), json.get(), tree), ContentType.getJSON());
      } else {
        body =
            OptionalBody.body(
                example.body().getBytes(StandardCharsets.UTF_8),
                contentType.isEmpty()
                    ? ContentType.getTEXT_PLAIN()
                    : new ContentType(contentType.get(0)));
      }
    }
    return new HttpResponse(example.status(), headers, body, prune(rules), new Generators());
  }

  /**
   * Leaves by type (integers as integers), arrays eachLike-style with a minimum of one: what the
   * consumer reads.
   */
  private static void typeRules(JsonNode node, String path, MatchingRuleCategory rules) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(e -> typeRules(e.getValue(), JsonPaths.child(path, e.getKey()), rules));
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        rules.addRule(path, TypeMatcher.INSTANCE);
      } else {
        rules.addRule(path, new MinTypeMatcher(1));
        typeRules(node.get(0), path + "[*]", rules);
      }
    } else if (node.isIntegralNumber()) {
      // A count or an id shown as an integer is read as one: 12.5 would break the consumer.
      rules.addRule(path, new NumberTypeMatcher(NumberTypeMatcher.NumberType.INTEGER));
    } else if (node.isNumber()) {
      // JSON does not tell 25 from 25.0, so a decimal example admits any number.
      rules.addRule(path, new NumberTypeMatcher(NumberTypeMatcher.NumberType.NUMBER));
    } else {
      rules.addRule(path, TypeMatcher.INSTANCE);
    }
  }

  // ---------------------------------------------------------------- secrets

  private void redactHeaders(Map<String, List<String>> headers, MatchingRuleCategory rules) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (!settings.isSecretHeader(e.getKey())) {
        continue;
      }
      List<String> placeholders = new ArrayList<>();
      String regex = ".+";
      for (String value : e.getValue()) {
        Matcher scheme = SCHEME.matcher(value);
        if (scheme.matches() && !e.getKey().toLowerCase(Locale.ROOT).contains("cookie")) {
          placeholders.add(scheme.group(1) + " " + REDACTED);
          regex = quote(scheme.group(1)) + " .+";
        } else {
          placeholders.add(REDACTED);
        }
      }
      e.setValue(placeholders);
      rules.setRule(e.getKey(), new RegexMatcher(regex, placeholders.get(0)));
    }
  }

  private JsonNode redactPaths(JsonNode tree, MatchingRuleCategory rules) {
    if (settings.secretPaths().isEmpty()) {
      return tree;
    }
    JsonNode copy = tree.deepCopy();
    if (settings.secretPaths().contains("$")) {
      rules.setRule("$", new RegexMatcher(".+", REDACTED));
      return TextNode.valueOf(REDACTED);
    }
    redactIn(copy, "$", rules);
    return copy;
  }

  private void redactIn(JsonNode node, String path, MatchingRuleCategory rules) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        String child = JsonPaths.child(path, key);
        if (settings.secretPaths().contains(child)) {
          object.put(key, REDACTED);
          rules.setRule(child, new RegexMatcher(".+", REDACTED));
        } else {
          redactIn(object.get(key), child, rules);
        }
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      String child = path + "[*]";
      for (int i = 0; i < array.size(); i++) {
        if (settings.secretPaths().contains(child)) {
          array.set(i, TextNode.valueOf(REDACTED));
          rules.setRule(child, new RegexMatcher(".+", REDACTED));
        } else {
          redactIn(array.get(i), child, rules);
        }
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  static List<String> header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return List.of();
  }

  /**
   * A body read as JSON.
   *
   * @param tree the value read
   * @param whole whether the text is that one value and nothing more (bar whitespace)
   */
  record JsonBody(JsonNode tree, boolean whole) {}

  static Optional<JsonBody> parseJson(String text, List<String> contentType) {
    boolean declared =
        !contentType.isEmpty() && contentType.get(0).toLowerCase(Locale.ROOT).contains("json");
    if (!declared && !looksLikeJson(text)) {
      return Optional.empty();
    }
    try (JsonParser parser = JSON.createParser(text)) {
      JsonNode node = JSON.readTree(parser);
      if (node == null || node.isMissingNode()) {
        return Optional.empty();
      }
      boolean whole;
      try {
        whole = parser.nextToken() == null && text.charAt(0) != '\uFEFF';
      } catch (JsonProcessingException trailing) {
        whole = false;
      }
      return Optional.of(new JsonBody(node, whole));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean looksLikeJson(String text) {
    String t = text.strip();
    return t.startsWith("{") || t.startsWith("[");
  }

  // The body as sent when it is one whole JSON value and nothing in it was redacted: pact-jvm reads
  // the same value from it as from the value written anew, which only costs time.
  private static byte[] bytes(String text, JsonBody read, JsonNode written) {
    String json = read.whole() && written == read.tree() ? text : written.toString();
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static String quote(String literal) {
    return isPlain(literal, " /_-~,:;=") ? literal : Pattern.quote(literal);
  }

  // Letters, digits and these characters only: nothing a regex would read as syntax.
  private static boolean isPlain(String literal, String punctuation) {
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (!Character.isLetterOrDigit(c) && punctuation.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static MatchingRulesImpl prune(MatchingRulesImpl rules) {
    MatchingRulesImpl pruned = new MatchingRulesImpl();
    rules
        .getRules()
        .forEach(
            (name, category) -> {
              if (category.isNotEmpty()) {
                pruned.addCategory(category);
              }
            });
    return pruned;
  }
}
