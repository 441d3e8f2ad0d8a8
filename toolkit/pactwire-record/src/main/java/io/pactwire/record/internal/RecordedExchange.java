package io.pactwire.record.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pactwire.consumer.internal.CaptureSettings;
import io.pactwire.consumer.internal.ExactJson;
import io.pactwire.consumer.internal.ExampleRequest;
import io.pactwire.consumer.internal.ExampleResponse;
import io.pactwire.consumer.internal.InteractionBuilder;
import io.pactwire.consumer.internal.RecordedInteraction;
import io.pactwire.core.internal.JsonPath;
import io.pactwire.core.internal.Secrets;
import io.pactwire.core.internal.TextBodySecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One exchange that passed through the recording proxy: the stub WireMock's recorder made of it,
 * with its secrets taken out, and the interaction capture's {@link InteractionBuilder} builds from
 * the stub and the real request.
 *
 * @param name the stub's name and the interaction's description: method and URL, secrets redacted
 * @param mapping the WireMock mapping as its file holds it
 * @param interaction the V4 interaction
 */
public record RecordedExchange(String name, ObjectNode mapping, RecordedInteraction interaction) {

  /** What {@code comments.testname} says of a recorded interaction: a new recording replaces it. */
  public static final String RECORDER = "pactwire record";

  /**
   * Response headers a server sets on every answer, which say nothing of the API: left out of the
   * stub and the contract, so that the monitor does not report a changed web server as drift.
   */
  static final Set<String> TRANSPORT_HEADERS =
      Set.of(
          "date",
          "server",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "content-encoding",
          "vary",
          "age",
          "via",
          "x-powered-by",
          "etag",
          "last-modified",
          "expires",
          "alt-svc",
          "strict-transport-security",
          "report-to",
          "nel");

  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9-]*) .+");
  private static final String ANY_STRING = "${json-unit.any-string}";

  /**
   * Builds the exchange from the stub WireMock's recorder generated for {@code request}.
   *
   * @param name the stub's name and the interaction's description
   */
  public static RecordedExchange of(
      String name, StubMapping generated, LoggedRequest request, CaptureSettings settings) {
    ObjectNode mapping = read(StubMapping.buildJsonStringFor(generated));
    mapping.remove(List.of("id", "uuid", "persistent"));
    mapping.put("name", name);
    ObjectNode requestPattern = (ObjectNode) mapping.path("request");
    headerNamesAsSent(requestPattern, request);
    redactRequest(requestPattern, settings);
    redactResponse((ObjectNode) mapping.path("response"), settings, credentials(request, settings));
    ExampleResponse response = response(mapping.path("response"));
    RecordedInteraction interaction =
        InteractionBuilder.build(
            mapping, example(request, settings), response, settings, List.of(), RECORDER);
    return new RecordedExchange(name, mapping, interaction);
  }

  /** Method and URL, the values of secret query parameters redacted. */
  public static String describe(LoggedRequest request, CaptureSettings settings) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    if (q < 0) {
      return request.getMethod().getName() + " " + url;
    }
    List<String> pairs = new ArrayList<>();
    for (String pair : url.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      pairs.add(
          eq >= 0 && isSecretQuery(settings, decode(key))
              ? key + "=" + InteractionBuilder.REDACTED
              : pair);
    }
    return request.getMethod().getName()
        + " "
        + url.substring(0, q)
        + "?"
        + String.join("&", pairs);
  }

  /** The request pattern, whose equality means the recorder would have made one stub of both. */
  public JsonNode requestPattern() {
    return mapping.path("request");
  }

  // ---------------------------------------------------------------- request

  private static void redactRequest(ObjectNode request, CaptureSettings settings) {
    String url = request.path("url").asText(null);
    if (url != null && url.contains("?")) {
      int q = url.indexOf('?');
      Map<String, List<String>> query = query(url.substring(q + 1));
      if (query.keySet().stream().anyMatch(k -> isSecretQuery(settings, k))) {
        request.remove("url");
        request.put("urlPath", decode(url.substring(0, q)));
        ObjectNode parameters = request.putObject("queryParameters");
        query.forEach(
            (key, values) -> {
              ObjectNode pattern = parameters.putObject(key);
              if (isSecretQuery(settings, key)) {
                pattern.put("matches", ".+");
              } else if (values.size() == 1) {
                pattern.put("equalTo", values.get(0));
              } else {
                ArrayNode all = pattern.putArray("hasExactly");
                values.forEach(v -> all.addObject().put("equalTo", v));
              }
            });
      }
    }
    if (request.path("queryParameters") instanceof ObjectNode parameters) {
      for (Map.Entry<String, JsonNode> e : parameters.properties()) {
        if (isSecretQuery(settings, e.getKey())) {
          e.setValue(ExactJson.MAPPER.createObjectNode().put("matches", ".+"));
        }
      }
    }
    JsonNode headers = request.path("headers");
    if (headers instanceof ObjectNode patterns) {
      for (Iterator<Map.Entry<String, JsonNode>> it = patterns.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (settings.isSecretHeader(e.getKey())) {
          String value = e.getValue().path("equalTo").asText("");
          Matcher scheme = SCHEME.matcher(value);
          boolean cookie = e.getKey().toLowerCase(Locale.ROOT).contains("cookie");
          ObjectNode pattern = ExactJson.MAPPER.createObjectNode();
          pattern.put(
              "matches",
              scheme.matches() && !cookie ? Pattern.quote(scheme.group(1)) + " .+" : ".+");
          e.setValue(pattern);
        }
      }
    }
    for (JsonNode pattern : request.path("bodyPatterns")) {
      if (pattern.has("equalToJson")) {
        JsonNode json = pattern.get("equalToJson");
        JsonNode tree = json.isTextual() ? readOrNull(json.asText()) : json;
        if (tree != null) {
          ((ObjectNode) pattern).set("equalToJson", redactPaths(tree, settings, ANY_STRING));
        }
      } else if (pattern.path("equalToXml").isTextual()) {
        // an XML body with a credential (a SOAP login's password): any value of it matches
        TextBodySecrets.Redacted xml =
            TextBodySecrets.redact(
                pattern.get("equalToXml").asText(),
                "application/xml",
                settings::isSecretField,
                "${xmlunit.ignore}");
        if (xml != null) {
          ((ObjectNode) pattern).put("equalToXml", xml.body());
          ((ObjectNode) pattern).put("enablePlaceholders", true);
        }
      } else if (pattern.path("equalTo").isTextual()
          && form(pattern.get("equalTo").asText(), settings) != null) {
        // a form body with a credential (OAuth 2.0's client_secret): any value of it matches
        ObjectNode p = (ObjectNode) pattern;
        p.put("matches", form(p.get("equalTo").asText(), settings));
        p.remove("equalTo");
      }
    }
  }

  /**
   * The recorder names a captured header as it was configured; the stub and the pact name it as the
   * consumer sent it.
   */
  private static void headerNamesAsSent(ObjectNode request, LoggedRequest sent) {
    if (!(request.path("headers") instanceof ObjectNode patterns)) {
      return;
    }
    ObjectNode renamed = ExactJson.MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> e : patterns.properties()) {
      String name = e.getKey();
      for (HttpHeader h : sent.getHeaders().all()) {
        if (h.key().equalsIgnoreCase(name)) {
          name = h.key();
          break;
        }
      }
      renamed.set(name, e.getValue());
    }
    request.set("headers", renamed);
  }

  /**
   * For a form body ({@code a=1&client_secret=x}) with a field named as a credential, a regex that
   * matches it with any value of each such field; null for any other body.
   */
  static String form(String body, CaptureSettings settings) {
    if (body.isEmpty() || body.startsWith("{") || body.startsWith("[") || !body.contains("=")) {
      return null;
    }
    StringBuilder regex = new StringBuilder();
    boolean secret = false;
    for (String pair : body.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || pair.contains(" ")) {
        return null; // not a form
      }
      regex.append(regex.length() == 0 ? "" : "&").append(Pattern.quote(pair.substring(0, eq + 1)));
      if (settings.isSecretField(decode(pair.substring(0, eq)))) {
        regex.append("[^&]*");
        secret = true;
      } else {
        regex.append(Pattern.quote(pair.substring(eq + 1)));
      }
    }
    return secret ? regex.toString() : null;
  }

  /** A form body with the value of each field named as a credential redacted. */
  private static String redactForm(String body, CaptureSettings settings) {
    return form(body, settings) == null ? body : redactPairs(body, settings);
  }

  // name=value pairs joined by & (a form body, a URL's query) with the value of each pair named as
  // a credential redacted
  private static String redactPairs(String pairs, CaptureSettings settings) {
    List<String> out = new ArrayList<>();
    for (String pair : pairs.split("&", -1)) {
      int eq = pair.indexOf('=');
      out.add(
          eq > 0 && settings.isSecretField(decode(pair.substring(0, eq)))
              ? pair.substring(0, eq + 1) + InteractionBuilder.REDACTED
              : pair);
    }
    return String.join("&", out);
  }

  private static ExampleRequest example(LoggedRequest request, CaptureSettings settings) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      headers.put(h.key(), List.copyOf(h.values()));
    }
    byte[] body = request.getBody();
    return new ExampleRequest(
        request.getMethod().getName(),
        decode(q < 0 ? url : url.substring(0, q)),
        q < 0 ? Map.of() : query(url.substring(q + 1)),
        headers,
        body == null || body.length == 0 ? null : redactForm(request.getBodyAsString(), settings));
  }

  // ---------------------------------------------------------------- response

  /** The credentials {@code request} carried, which a sandbox that echoes them must not leak. */
  private static Set<String> credentials(LoggedRequest request, CaptureSettings settings) {
    Set<String> sent = new TreeSet<>();
    if (request.getHeaders() != null) {
      request
          .getHeaders()
          .all()
          .forEach(
              h -> {
                if (settings.isSecretHeader(h.key())) {
                  h.values().forEach(v -> Secrets.add(sent, v));
                }
              });
    }
    try {
      Urls.splitQueryFromUrl(request.getUrl())
          .forEach(
              (name, parameter) -> {
                if (isSecretQuery(settings, name)) {
                  parameter.values().forEach(v -> Secrets.add(sent, v));
                }
              });
    } catch (RuntimeException unreadable) {
      // a query WireMock cannot split holds nothing it could match on either
    }
    byte[] body = request.getBody();
    if (body != null && body.length > 0) {
      bodyCredentials(request.getBodyAsString(), settings, sent);
    }
    return sent;
  }

  /**
   * The credentials a request body carried, found by the rules that redact them in the request's
   * own record: a JSON body's secret paths and fields named as credentials, a form's fields named
   * so. A sandbox that answers with what it was sent (a debugging endpoint) echoes them.
   */
  private static void bodyCredentials(String body, CaptureSettings settings, Set<String> sent) {
    JsonNode json = looksLikeJson(body) ? readOrNull(body) : null;
    if (json != null) {
      redactedValues(json, redactPaths(json, settings, InteractionBuilder.REDACTED), sent);
      return;
    }
    TextBodySecrets.Redacted xml = TextBodySecrets.xml(body, settings::isSecretField);
    if (xml != null) {
      sent.addAll(xml.values());
      return;
    }
    if (form(body, settings) == null) {
      return;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && settings.isSecretField(decode(pair.substring(0, eq)))) {
        Secrets.add(sent, pair.substring(eq + 1)); // as sent, and as decoded
        Secrets.add(sent, decode(pair.substring(eq + 1)));
      }
    }
  }

  // every text of original that redacted replaced, under a redacted container too
  private static void redactedValues(JsonNode original, JsonNode redacted, Set<String> sent) {
    if (original.isTextual()) {
      if (!original.equals(redacted)) {
        Secrets.add(sent, original.textValue());
      }
    } else if (redacted.isTextual()) {
      // a secret path at a container: all its texts
      original.forEach(child -> redactedValues(child, redacted, sent));
    } else if (original.isObject()) {
      original
          .properties()
          .forEach(e -> redactedValues(e.getValue(), redacted.path(e.getKey()), sent));
    } else if (original.isArray()) {
      for (int i = 0; i < original.size(); i++) {
        redactedValues(original.get(i), redacted.path(i), sent);
      }
    }
  }

  private static void redactResponse(
      ObjectNode response, CaptureSettings settings, Set<String> sent) {
    JsonNode headers = response.path("headers");
    if (headers instanceof ObjectNode all) {
      all.properties()
          .removeIf(e -> TRANSPORT_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT)));
      for (Map.Entry<String, JsonNode> e : all.properties()) {
        if (settings.isSecretHeader(e.getKey())) {
          e.setValue(TextNode.valueOf(InteractionBuilder.REDACTED));
        } else if (e.getValue().isTextual()) {
          e.setValue(TextNode.valueOf(redactUrl(e.getValue().asText(), settings)));
        } else if (e.getValue() instanceof ArrayNode values) {
          for (int i = 0; i < values.size(); i++) {
            values.set(i, TextNode.valueOf(redactUrl(values.get(i).asText(), settings)));
          }
        }
      }
      if (all.isEmpty()) {
        response.remove("headers");
      }
    }
    if (response.hasNonNull("body")) {
      JsonNode json =
          looksLikeJson(response.get("body").asText())
              ? readOrNull(response.get("body").asText())
              : null;
      if (json != null && (json.isObject() || json.isArray())) {
        response.remove("body");
        response.set(
            "jsonBody", scrubbed(redactPaths(json, settings, InteractionBuilder.REDACTED), sent));
      } else {
        // a form answer (an OAuth token endpoint's access_token=...) by its fields' names too,
        // and an XML answer's elements and attributes
        String body = redactForm(response.get("body").asText(), settings);
        TextBodySecrets.Redacted xml =
            TextBodySecrets.redact(body, contentType(response), settings::isSecretField);
        response.put("body", Secrets.scrub(xml == null ? body : xml.body(), sent));
      }
    }
  }

  // the response's content type as the stub holds it, or null
  private static String contentType(ObjectNode response) {
    for (Map.Entry<String, JsonNode> e : response.path("headers").properties()) {
      if (e.getKey().equalsIgnoreCase("Content-Type")) {
        JsonNode value = e.getValue();
        return value.isArray() ? value.path(0).asText(null) : value.asText(null);
      }
    }
    return null;
  }

  /**
   * A header value that is a URL (a redirect's {@code Location}) with its credentials redacted: the
   * password of its user information, and each query parameter named as a credential is. Any other
   * value as it is.
   */
  static String redactUrl(String value, CaptureSettings settings) {
    if (!value.contains("://")) {
      // a path with a query: a redirect within the sandbox
      int q = value.indexOf('?');
      return value.startsWith("/") && q > 0
          ? value.substring(0, q + 1) + redactPairs(value.substring(q + 1), settings)
          : value;
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return value;
    }
    String out = value;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && userInfo.contains(":")) {
      out =
          out.replace(
              userInfo + "@",
              userInfo.substring(0, userInfo.indexOf(':') + 1) + InteractionBuilder.REDACTED + "@");
    }
    String query = uri.getRawQuery();
    if (query != null) {
      out = out.replace("?" + query, "?" + redactPairs(query, settings));
    }
    return out;
  }

  // A credential the request carried, echoed in the answer (an introspection endpoint, a debug
  // field): redacted in every string of the body.
  private static JsonNode scrubbed(JsonNode node, Set<String> sent) {
    if (sent.isEmpty()) {
      return node;
    }
    if (node.isTextual()) {
      String text = Secrets.scrub(node.asText(), sent);
      return text.equals(node.asText()) ? node : TextNode.valueOf(text);
    }
    if (node instanceof ObjectNode object) {
      object.properties().forEach(e -> e.setValue(scrubbed(e.getValue(), sent)));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, scrubbed(array.get(i), sent));
      }
    }
    return node;
  }

  private static ExampleResponse response(JsonNode response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response
        .path("headers")
        .properties()
        .forEach(
            e -> {
              List<String> values = new ArrayList<>();
              if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
              } else {
                values.add(e.getValue().asText());
              }
              headers.put(e.getKey(), values);
            });
    String body = null;
    if (response.has("jsonBody")) {
      body = write(response.get("jsonBody"));
    } else if (response.hasNonNull("body")) {
      body = response.get("body").asText();
    }
    return new ExampleResponse(response.path("status").asInt(200), headers, body);
  }

  // ---------------------------------------------------------------- helpers

  private static JsonNode redactPaths(JsonNode tree, CaptureSettings settings, String placeholder) {
    if (settings.secretPaths().contains("$")) {
      return TextNode.valueOf(placeholder);
    }
    if (!tree.isContainerNode()) {
      return tree;
    }
    JsonNode copy = tree.deepCopy();
    redactIn(copy, "$", settings, placeholder);
    return copy;
  }

  private static void redactIn(
      JsonNode node, String path, CaptureSettings settings, String placeholder) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        String child = JsonPath.child(path, e.getKey());
        // a path named secret, or a field named as a credential is (client_secret, access_token)
        if (settings.secretPaths().contains(child)
            || settings.isSecretField(e.getKey()) && e.getValue().isTextual()) {
          e.setValue(TextNode.valueOf(placeholder));
        } else {
          redactIn(e.getValue(), child, settings, placeholder);
        }
      }
    } else if (node instanceof ArrayNode array) {
      String child = path + "[*]";
      for (int i = 0; i < array.size(); i++) {
        if (settings.secretPaths().contains(child)) {
          array.set(i, TextNode.valueOf(placeholder));
        } else {
          redactIn(array.get(i), child, settings, placeholder);
        }
      }
    }
  }

  private static boolean isSecretQuery(CaptureSettings settings, String name) {
    return settings.secretQueryParameters().contains(name.toLowerCase(Locale.ROOT));
  }

  private static Map<String, List<String>> query(String text) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static boolean looksLikeJson(String text) {
    String t = text.strip();
    return t.startsWith("{") || t.startsWith("[");
  }

  private static JsonNode readOrNull(String text) {
    try {
      return ExactJson.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static ObjectNode read(String text) {
    try {
      return (ObjectNode) ExactJson.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a recorded stub", e);
    }
  }

  static String write(JsonNode json) {
    try {
      return ExactJson.MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
