package io.pactwire.consumer.internal;

import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.ProviderState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactwire.core.internal.JsonPath;
import io.pactwire.core.internal.PactJson;
import io.pactwire.core.internal.Secrets;
import io.pactwire.core.internal.TextBodySecrets;
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
 *
 * <p>The interaction is built as the JSON the pact holds, with its objects' keys sorted: pact-jvm's
 * model of it, turned into JSON when the pact was written, cost capture more than working it out
 * (each JSON body parsed again, each rule made a map). pact-jvm still writes what it defines: the
 * key it derives from description and states, the states' parameters, and a body that is not JSON,
 * whose content type decides between text and base64.
 */
public final class InteractionBuilder {

  /** The text written instead of a secret. */
  public static final String REDACTED = "<redacted>";

  private static final JsonNodeFactory NODES = ExactJson.SORTED_NODES;
  // pact-jvm's names, as literals: its classes for them load Tika's media types (~0.1 s), which
  // only a body that is not JSON needs (InteractionBuilderTests compares them).
  static final String JSON_CONTENT_TYPE = "application/json";
  static final String SYNCHRONOUS_HTTP = "Synchronous/HTTP";
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
  public static RecordedInteraction build(
      JsonNode stub,
      ExampleRequest request,
      ExampleResponse response,
      CaptureSettings settings,
      List<ProviderState> fallbackStates,
      String testName) {
    InteractionBuilder builder = new InteractionBuilder(stub, settings);
    String description = StubFacts.description(stub);
    List<ProviderState> states = StubFacts.providerStates(stub, fallbackStates);
    ObjectNode json = NODES.objectNode();
    if (testName != null) {
      json.putObject("comments").put("testname", testName);
    }
    json.put("description", description);
    json.put("key", key(description, states));
    json.put("pending", false);
    if (!states.isEmpty()) {
      ArrayNode list = json.putArray("providerStates");
      for (ProviderState state : states) {
        list.add(
            state.getParams().isEmpty()
                ? NODES.objectNode().put("name", String.valueOf(state.getName()))
                : PactJson.tree(state));
      }
    }
    json.set("request", builder.request(request));
    json.set("response", builder.response(response));
    json.put("type", SYNCHRONOUS_HTTP);
    return RecordedInteraction.of(description, states, json);
  }

  /**
   * pact-jvm's key for an interaction ({@code V4Interaction.generateKey}): commons-lang's {@code
   * HashCodeBuilder(57, 11)} over the description and the states' list hash, as unsigned hex.
   * Worked out here, it needs none of pact-jvm's model (InteractionBuilderTests compares them).
   */
  static String key(String description, List<ProviderState> states) {
    int hash = 57;
    hash = hash * 11 + description.hashCode();
    hash = hash * 11 + states.hashCode();
    return Integer.toHexString(hash);
  }

  // ---------------------------------------------------------------- request

  private ObjectNode request(ExampleRequest example) {
    JsonNode pattern = stub.path("request");
    MatchingRules rules = new MatchingRules();
    pathRule(pattern).ifPresent(rule -> rules.category("path").addRule("", rule));

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
                    .ifPresent(rule -> rules.category("query").addRule(e.getKey(), rule));
              }
            });

    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (settings.isSecretQueryParameter(e.getKey())) {
        e.setValue(e.getValue().stream().map(v -> REDACTED).toList());
        rules.category("query").setRule(e.getKey(), MatchingRules.regex(".+"));
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
                  .ifPresent(rule -> rules.category("header").addRule(e.getKey(), rule));
            });
    // WireMock's withBasicAuth and withCookie: the request matched on the Authorization header
    // and on cookies, which the contract names (redacted) as it names any header matched on
    if (pattern.has("basicAuthCredentials")) {
      putIfSent(headers, example, "Authorization");
    }
    List<String> cookies =
        pattern.path("cookies").properties().stream()
            .filter(e -> !isAbsent(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    if (!cookies.isEmpty() && headerName(pattern.path("headers"), "Cookie") == null) {
      putIfSent(headers, example, "Cookie");
    }
    List<String> contentType = header(example.headers(), "Content-Type");
    boolean hasBody = example.body() != null && !example.body().isEmpty();
    if (hasBody && !contentType.isEmpty()) {
      headers.putIfAbsent("Content-Type", contentType);
    }
    redactHeaders(headers, rules.category("header"));
    if (!cookies.isEmpty() && headers.containsKey("Cookie")) {
      // the cookies the stub matched on, by name, among any others: a credential's value (a
      // session) redacted and any value of it matching; another's (a preference the provider
      // reads) as sent, held to the stub's pattern
      Map<String, String> sent = cookieValues(header(example.headers(), "Cookie"));
      List<String> shown = new ArrayList<>();
      StringBuilder regex = new StringBuilder();
      for (String name : cookies) {
        String value = sent.get(name);
        boolean secret = value == null || Secrets.isSecretCookie(name);
        shown.add(name + "=" + (secret ? REDACTED : value));
        String own =
            cookieRule(
                name,
                secret ? "[^;]+" : cookieValueRegex(pattern.path("cookies").path(name), value));
        // a rule that its own example would not pass (a pattern this regex cannot hold) is left
        // at any value rather than matching nothing
        if (!secret
            && !safeMatches(own + ".*", String.join("; ", header(example.headers(), "Cookie")))) {
          own = cookieRule(name, "[^;]+");
        }
        regex.append(own);
      }
      headers.put("Cookie", List.of(String.join("; ", shown)));
      rules.category("header").setRule("Cookie", MatchingRules.regex(regex + ".*"));
    }

    OptionalBody textBody = null;
    JsonNode jsonBody = null;
    if (hasBody) {
      Optional<JsonNode> json = parseJson(example.body(), contentType);
      if (json.isPresent()) {
        MatchingRules.Category bodyRules = rules.category("body");
        requestBodyRules(pattern.path("bodyPatterns"), json.get(), bodyRules);
        jsonBody = redactPaths(json.get(), bodyRules);
      } else {
        MatchingRules.Category bodyRules = rules.category("body");
        for (JsonNode p : pattern.path("bodyPatterns")) {
          // pact-jvm applies a rule at $ to each field of a form and to the root element of
          // XML, never to the text as a whole: such a body is held to its example instead
          if (!isFormOrXml(contentType)) {
            textBodyRule(p).ifPresent(rule -> bodyRules.addRule("$", rule));
          }
        }
        textBody = textBody(redactFields(example.body(), contentType, bodyRules), contentType);
      }
    }
    ObjectNode json = NODES.objectNode();
    json.put("method", example.method().toUpperCase(Locale.ROOT));
    json.put("path", example.path());
    putValues(json, "query", query);
    putValues(json, "headers", headers);
    putBody(json, jsonBody, textBody);
    putRules(json, rules);
    return json;
  }

  // the cookies of Cookie headers, by name
  private static Map<String, String> cookieValues(List<String> headers) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String header : headers) {
      for (String cookie : header.split(";")) {
        int eq = cookie.indexOf('=');
        if (eq > 0) {
          values.putIfAbsent(cookie.substring(0, eq).strip(), cookie.substring(eq + 1).strip());
        }
      }
    }
    return values;
  }

  // a lookahead requiring the cookie with a value of this regex, among any others
  private static String cookieRule(String name, String valueRegex) {
    return "(?=(?:.*;\\s*)?" + Pattern.quote(name) + "=(?:" + valueRegex + ")(?:;|$))";
  }

  private static boolean safeMatches(String regex, String text) {
    try {
      return Pattern.compile(regex).matcher(text).matches();
    } catch (RuntimeException e) {
      return false;
    }
  }

  // a cookie value's regex from the stub's pattern: the value itself for equalTo (in any case
  // with caseInsensitive), the pattern's regex (a whole match in WireMock: its anchors are
  // dropped), the value within any text for contains; any value otherwise
  private static String cookieValueRegex(JsonNode pattern, String sent) {
    if (pattern.has("equalTo")) {
      String quoted = Pattern.quote(pattern.get("equalTo").asText(sent));
      return pattern.path("caseInsensitive").asBoolean(false) ? "(?i:" + quoted + ")" : quoted;
    }
    if (pattern.has("matches")) {
      String regex = pattern.get("matches").asText();
      regex = regex.startsWith("^") ? regex.substring(1) : regex;
      return regex.endsWith("$") && !regex.endsWith("\\$")
          ? regex.substring(0, regex.length() - 1)
          : regex;
    }
    if (pattern.has("contains")) {
      return "[^;]*" + Pattern.quote(pattern.get("contains").asText()) + "[^;]*";
    }
    return "[^;]*";
  }

  private static boolean isFormOrXml(List<String> contentType) {
    String type = contentType.isEmpty() ? "" : contentType.get(0).toLowerCase(Locale.ROOT);
    return type.contains("x-www-form-urlencoded") || type.contains("xml");
  }

  // the name a header pattern object gives a header, in any case; null when it names none
  private static String headerName(JsonNode patterns, String name) {
    for (Map.Entry<String, JsonNode> e : patterns.properties()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getKey();
      }
    }
    return null;
  }

  private static void putIfSent(
      Map<String, List<String>> headers, ExampleRequest example, String name) {
    List<String> values = header(example.headers(), name);
    if (!values.isEmpty()) {
      headers.put(name, values);
    }
  }

  private static Optional<ObjectNode> pathRule(JsonNode pattern) {
    if (pattern.hasNonNull("urlPathTemplate")) {
      String template = pattern.get("urlPathTemplate").asText();
      StringBuilder regex = new StringBuilder();
      Matcher m = TEMPLATE_VARIABLE.matcher(template);
      int at = 0;
      while (m.find()) {
        regex.append(quoted(template.substring(at, m.start()))).append("[^/]+");
        at = m.end();
      }
      regex.append(quoted(template.substring(at)));
      return Optional.of(MatchingRules.regex(regex.toString()));
    }
    for (String key : new String[] {"urlPathPattern", "urlPattern"}) {
      if (pattern.hasNonNull(key)) {
        String regex = pattern.get(key).asText();
        if (key.equals("urlPattern") && regex.contains("\\?")) {
          regex = regex.substring(0, regex.indexOf("\\?"));
        }
        return Optional.of(MatchingRules.regex(regex));
      }
    }
    return Optional.empty();
  }

  // \Q/products/\E reads worse than /products/ when nothing needs quoting.
  private static String quoted(String literal) {
    return isPlain(literal, "/_-~") ? literal : simplifyQuotes(Pattern.quote(literal));
  }

  // A quote of a literal holding \E is several; each plain one is written as it is.
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
  static Optional<ObjectNode> valueRule(JsonNode pattern) {
    if (pattern.hasNonNull("matches")) {
      return Optional.of(MatchingRules.regex(pattern.get("matches").asText()));
    }
    if (pattern.hasNonNull("contains")) {
      return Optional.of(
          MatchingRules.regex(".*" + quote(pattern.get("contains").asText()) + ".*"));
    }
    if (pattern.hasNonNull("equalTo") && pattern.path("caseInsensitive").asBoolean(false)) {
      return Optional.of(MatchingRules.regex("(?i)" + quote(pattern.get("equalTo").asText())));
    }
    return Optional.empty();
  }

  static boolean isAbsent(JsonNode pattern) {
    return pattern.path("absent").asBoolean(false);
  }

  private static Optional<ObjectNode> textBodyRule(JsonNode pattern) {
    if (pattern.hasNonNull("matches")) {
      return Optional.of(MatchingRules.regex("(?s)" + pattern.get("matches").asText()));
    }
    if (pattern.hasNonNull("contains")) {
      return Optional.of(
          MatchingRules.regex("(?s).*" + quote(pattern.get("contains").asText()) + ".*"));
    }
    return Optional.empty();
  }

  // A path as matching rules are keyed ($.items[*].id); a path Pact cannot read stays as written.
  private static String ruleKey(String path) {
    return JsonPath.tryParse(path).map(p -> p.anyIndexes().toString()).orElse(path);
  }

  private void requestBodyRules(
      JsonNode bodyPatterns, JsonNode body, MatchingRules.Category rules) {
    for (JsonNode p : bodyPatterns) {
      if (p.has("equalToJson")) {
        placeholderRules(expectedJson(p.get("equalToJson")), "$", rules);
      } else if (p.has("matchesJsonPath")) {
        JsonNode jp = p.get("matchesJsonPath");
        String expression = jp.isTextual() ? jp.asText() : jp.path("expression").asText();
        Optional<JsonPath> parsed = JsonPath.tryParse(expression).filter(JsonPath::isConcrete);
        if (parsed.isEmpty()) {
          continue;
        }
        String path = parsed.get().anyIndexes().toString();
        Optional<ObjectNode> rule = jp.isObject() ? valueRule(jp) : Optional.empty();
        if (jp.isObject() && jp.hasNonNull("equalTo")) {
          rules.addRule(path, MatchingRules.equality());
        } else {
          rules.addRule(path, rule.orElse(MatchingRules.type()));
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
      JsonNode tree = ExactJson.readSorted(value.asText());
      return tree == null ? MissingNode.getInstance() : tree;
    } catch (IOException e) {
      return value;
    }
  }

  private static void placeholderRules(
      JsonNode expected, String path, MatchingRules.Category rules) {
    if (expected.isObject()) {
      expected
          .fields()
          .forEachRemaining(
              e -> placeholderRules(e.getValue(), JsonPath.child(path, e.getKey()), rules));
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        placeholderRules(expected.get(i), path + "[" + i + "]", rules);
      }
    } else if (expected.isTextual() && expected.asText().startsWith(JSON_UNIT)) {
      placeholderRule(expected.asText()).ifPresent(rule -> rules.addRule(path, rule));
    }
  }

  static Optional<ObjectNode> placeholderRule(String placeholder) {
    if (placeholder.startsWith("${json-unit.regex}")) {
      return Optional.of(MatchingRules.regex(placeholder.substring("${json-unit.regex}".length())));
    }
    return switch (placeholder) {
      case "${json-unit.any-number}" -> Optional.of(MatchingRules.number());
      case "${json-unit.any-string}",
          "${json-unit.any-boolean}",
          "${json-unit.ignore}",
          "${json-unit.ignore-element}" ->
          Optional.of(MatchingRules.type());
      default -> Optional.empty();
    };
  }

  /**
   * Schema keywords that narrow a value in ways no Pact matcher says (ranges, lengths, formats): a
   * value under one keeps no rule and so matches its example exactly, as a type or integer rule
   * would admit what the stub refused.
   */
  private static final List<String> INEXPRESSIBLE =
      List.of(
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "multipleOf",
          "minLength",
          "maxLength",
          "format",
          "const");

  private static void schemaRules(JsonNode schema, String path, MatchingRules.Category rules) {
    String type = schema.path("type").asText("");
    if (!type.equals("object") && !type.equals("array")) {
      for (String keyword : INEXPRESSIBLE) {
        if (schema.has(keyword)) {
          return;
        }
      }
    }
    switch (type) {
      case "object" ->
          schema
              .path("properties")
              .fields()
              .forEachRemaining(
                  e -> schemaRules(e.getValue(), JsonPath.child(path, e.getKey()), rules));
      case "array" -> {
        rules.addRule(path, MatchingRules.minType(0));
        if (schema.has("items")) {
          schemaRules(schema.get("items"), path + "[*]", rules);
        }
      }
      case "integer" -> rules.addRule(path, MatchingRules.integer());
      case "number" -> rules.addRule(path, MatchingRules.number());
      case "string" -> rules.addRule(path, stringSchemaRule(schema));
      case "boolean" -> rules.addRule(path, MatchingRules.type());
      default -> {
        if (schema.has("properties")) {
          schemaRules(((ObjectNode) schema.deepCopy()).put("type", "object"), path, rules);
        }
      }
    }
  }

  /**
   * A string schema's rule: its {@code pattern} or its {@code enum} as a regex, so the pact admits
   * no string the stub refused; any string otherwise. A schema pattern matches anywhere in the
   * string, a Pact regex the whole string: an unanchored pattern is wrapped to match anywhere.
   */
  /**
   * A JSON schema {@code pattern} (matched anywhere in the string) as a regex matched against the
   * whole string, as Pact's are: unchanged when anchored with {@code ^...$}, else wrapped.
   */
  static String wholeStringRegex(String pattern) {
    boolean anchored = pattern.startsWith("^") && pattern.endsWith("$") && !pattern.endsWith("\\$");
    return anchored ? pattern : "(?s).*(?:" + pattern + ").*";
  }

  static ObjectNode stringSchemaRule(JsonNode schema) {
    String pattern = schema.path("pattern").asText("");
    if (!pattern.isEmpty()) {
      return MatchingRules.regex(wholeStringRegex(pattern));
    }
    JsonNode values = schema.path("enum");
    if (values.isArray() && !values.isEmpty()) {
      List<String> alternatives = new ArrayList<>();
      for (JsonNode value : values) {
        if (!value.isTextual()) {
          return MatchingRules.type();
        }
        alternatives.add(quote(value.asText()));
      }
      return MatchingRules.regex(
          alternatives.size() == 1
              ? alternatives.get(0)
              : "(?:" + String.join("|", alternatives) + ")");
    }
    return MatchingRules.type();
  }

  // ---------------------------------------------------------------- response

  private ObjectNode response(ExampleResponse example) {
    MatchingRules rules = new MatchingRules();
    JsonNode pins = StubFacts.pactMetadata(stub);
    Map<String, List<String>> headers = new TreeMap<>(example.headers());
    MatchingRules.Category headerRules = rules.category("header");
    for (String name : headers.keySet()) {
      if (!name.equalsIgnoreCase("Content-Type")) {
        headerRules.addRule(name, MatchingRules.type());
      }
    }
    pins.path("regex")
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().startsWith("$")) {
                headerRules.setRule(e.getKey(), MatchingRules.regex(e.getValue().asText()));
              }
            });
    for (JsonNode exact : pins.path("exact")) {
      if (!exact.asText().startsWith("$")) {
        headerRules.setRule(exact.asText(), MatchingRules.equality());
      }
    }
    pinnedRules(pins, false).forEach(headerRules::setRule);
    redactHeaders(headers, headerRules);

    OptionalBody textBody = null;
    JsonNode jsonBody = null;
    List<String> contentType = header(headers, "Content-Type");
    if (example.body() != null && !example.body().isEmpty()) {
      Optional<JsonNode> json = parseJson(example.body(), contentType);
      if (json.isPresent()
          && (stub.path("response").has("jsonBody")
              || !contentType.isEmpty()
              || looksLikeJson(example.body()))) {
        MatchingRules.Category bodyRules = rules.category("body");
        typeRules(json.get(), "$", bodyRules);
        pins.path("exact")
            .forEach(
                p -> {
                  if (p.asText().startsWith("$")) {
                    bodyRules.setRule(ruleKey(p.asText()), MatchingRules.equality());
                  }
                });
        pins.path("regex")
            .fields()
            .forEachRemaining(
                e -> {
                  if (e.getKey().startsWith("$")) {
                    bodyRules.setRule(
                        ruleKey(e.getKey()), MatchingRules.regex(e.getValue().asText()));
                  }
                });
        pinnedRules(pins, true).forEach((path, rule) -> bodyRules.setRule(ruleKey(path), rule));
        jsonBody = redactPaths(json.get(), bodyRules);
      } else {
        textBody =
            textBody(
                redactFields(example.body(), contentType, rules.category("body")), contentType);
      }
    }
    ObjectNode json = NODES.objectNode();
    json.put("status", example.status());
    putValues(json, "headers", headers);
    putBody(json, jsonBody, textBody);
    putRules(json, rules);
    return json;
  }

  /**
   * The matchers the stub's {@code pact.rules} pins (as {@code PactStub.rule} writes them), for
   * body paths or for header names.
   *
   * @throws IllegalArgumentException naming the stub and the key, for a rule that is no matcher
   */
  private Map<String, ObjectNode> pinnedRules(JsonNode pins, boolean bodyPaths) {
    Map<String, ObjectNode> rules = new TreeMap<>();
    pins.path("rules")
        .properties()
        .forEach(
            e -> {
              if (e.getKey().startsWith("$") != bodyPaths) {
                return;
              }
              if (!e.getValue().path("match").isTextual()) {
                throw new IllegalArgumentException(
                    "stub "
                        + StubFacts.label(stub)
                        + ": pact rule for '"
                        + e.getKey()
                        + "' is not a matcher like {\"match\": \"timestamp\", \"format\":"
                        + " \"yyyy-MM-dd'T'HH:mm:ssXXX\"}: "
                        + e.getValue());
              }
              rules.put(e.getKey(), MatchingRules.copy(e.getValue()));
            });
    return rules;
  }

  /**
   * Leaves by type (integers as integers), arrays eachLike-style with a minimum of one: what the
   * consumer reads.
   */
  private static void typeRules(JsonNode node, String path, MatchingRules.Category rules) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(e -> typeRules(e.getValue(), JsonPath.child(path, e.getKey()), rules));
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        rules.addRule(path, MatchingRules.type());
      } else {
        rules.addRule(path, MatchingRules.minType(1));
        typeRules(node.get(0), path + "[*]", rules);
      }
    } else if (node.isIntegralNumber()) {
      // A count or an id shown as an integer is read as one: 12.5 would break the consumer.
      rules.addRule(path, MatchingRules.integer());
    } else if (node.isNumber()) {
      // JSON does not tell 25 from 25.0, so a decimal example admits any number.
      rules.addRule(path, MatchingRules.number());
    } else if (node.isTextual()) {
      // A date, a time or an id is read as one: "yesterday" would break the consumer.
      rules.addRule(path, StringFormats.matcher(node.asText()).orElseGet(MatchingRules::type));
    } else {
      rules.addRule(path, MatchingRules.type());
    }
  }

  // ---------------------------------------------------------------- secrets

  private void redactHeaders(Map<String, List<String>> headers, MatchingRules.Category rules) {
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
      rules.setRule(e.getKey(), MatchingRules.regex(regex));
    }
  }

  /**
   * A form or XML body with each field named as a credential redacted (a form's {@code
   * client_secret}, an XML {@code <password>}), and a rule that any value of it matches; any other
   * body as it is.
   */
  private String redactFields(String body, List<String> contentType, MatchingRules.Category rules) {
    TextBodySecrets.Redacted redacted =
        TextBodySecrets.redact(
            body, contentType.isEmpty() ? null : contentType.get(0), settings::isSecretField);
    if (redacted == null) {
      return body;
    }
    redacted.paths().forEach(path -> rules.setRule(path, MatchingRules.regex(".+")));
    return redacted.body();
  }

  private JsonNode redactPaths(JsonNode tree, MatchingRules.Category rules) {
    if (settings.secretPaths().contains("$")) {
      rules.setRule("$", MatchingRules.regex(".+"));
      return TextNode.valueOf(REDACTED);
    }
    if (!tree.isContainerNode()) {
      return tree;
    }
    JsonNode copy = tree.deepCopy();
    redactIn(copy, "$", rules);
    return copy;
  }

  private void redactIn(JsonNode node, String path, MatchingRules.Category rules) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        String child = JsonPath.child(path, key);
        // a path named secret, or a field named as a credential is (client_secret, access_token)
        if (settings.secretPaths().contains(child)
            || settings.isSecretField(key) && object.get(key).isTextual()) {
          object.put(key, REDACTED);
          rules.setRule(child, MatchingRules.regex(".+"));
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
          rules.setRule(child, MatchingRules.regex(".+"));
        } else {
          redactIn(array.get(i), child, rules);
        }
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  // Query parameters or headers, each name with its values.
  private static void putValues(ObjectNode part, String field, Map<String, List<String>> values) {
    if (!values.isEmpty()) {
      ObjectNode json = part.putObject(field);
      values.forEach(
          (name, list) -> {
            ArrayNode array = json.putArray(name);
            list.forEach(array::add);
          });
    }
  }

  // A JSON body as its value; pact-jvm writes any other body, as text or, for a binary content
  // type, in base64.
  private static void putBody(ObjectNode part, JsonNode jsonBody, OptionalBody otherBody) {
    if (jsonBody != null) {
      ObjectNode body = part.putObject("body");
      body.set("content", jsonBody);
      body.put("contentType", JSON_CONTENT_TYPE);
      body.put("encoded", false);
    } else if (otherBody != null && otherBody.isPresent()) {
      part.set("body", PactJson.tree(otherBody));
    }
  }

  private static void putRules(ObjectNode part, MatchingRules rules) {
    ObjectNode json = rules.json();
    if (json != null) {
      part.set("matchingRules", json);
    }
  }

  static List<String> header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return List.of();
  }

  /**
   * The body's JSON value, objects keyed in sorted order as the pact holds them; empty when the
   * body is not JSON. A body with trailing content gives its first value.
   */
  static Optional<JsonNode> parseJson(String text, List<String> contentType) {
    boolean declared =
        !contentType.isEmpty() && contentType.get(0).toLowerCase(Locale.ROOT).contains("json");
    if (!declared && !looksLikeJson(text)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(ExactJson.readSorted(text));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  // A body that is not JSON, for pact-jvm to write: as text, or base64 for a binary content type.
  private static OptionalBody textBody(String text, List<String> contentType) {
    return OptionalBody.body(
        text.getBytes(StandardCharsets.UTF_8),
        contentType.isEmpty() ? ContentType.getTEXT_PLAIN() : new ContentType(contentType.get(0)));
  }

  private static boolean looksLikeJson(String text) {
    String t = text.strip();
    return t.startsWith("{") || t.startsWith("[");
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
}
