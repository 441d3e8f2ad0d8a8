package io.pactwire.broker.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.pactwire.broker.BrokerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the Broker's HAL API, as the Broker's own clients use it: every call starts at the
 * index resource and follows {@code pb:} link relations, so a Broker behind a path prefix or a
 * proxy works unchanged. Every failure is one line naming the URL, with credentials redacted.
 */
public final class HalClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEMPLATE_PART = Pattern.compile("\\{([^}]+)}");

  private final URI base;
  private final Credentials credentials;
  private final HttpClient http;
  private final Duration timeout;
  private JsonNode index;

  public HalClient(URI base, Credentials credentials, Duration timeout) {
    this.base = base;
    this.credentials = credentials;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The Broker's URL as given, without user information: safe to print. */
  public String baseUrl() {
    return credentials.redact(withoutUserInfo(base));
  }

  public Credentials credentials() {
    return credentials;
  }

  /** The index resource, read once. */
  public JsonNode index() {
    if (index == null) {
      index = get(withoutUserInfo(base));
      if (!index.path("_links").isObject()) {
        throw fail(
            "the Pact Broker at "
                + baseUrl()
                + " answered with JSON that is not a HAL index resource (no _links): check"
                + " --broker-url");
      }
    }
    return index;
  }

  /** The href of a relation of the index resource, its template expanded. */
  public String indexLink(String relation, Map<String, String> variables) {
    return expand(link(index(), relation, baseUrl() + " (the index resource)"), variables);
  }

  /**
   * The href of {@code relation} in {@code resource}'s {@code _links}.
   *
   * @param where the resource's URL, for the message when the relation is missing
   */
  public String link(JsonNode resource, String relation, String where) {
    JsonNode link = resource.path("_links").path(relation);
    if (link.isArray() && link.size() > 0) {
      link = link.get(0);
    }
    String href = link.path("href").asText(null);
    if (href == null || href.isBlank()) {
      throw fail(
          "the Pact Broker's resource "
              + where
              + " has no "
              + relation
              + " link: this Broker is too old for the call, or --broker-url names something"
              + " else");
    }
    return href;
  }

  /** The links of one relation: a relation may hold one link or an array of them. */
  public static List<JsonNode> links(JsonNode resource, String relation) {
    JsonNode link = resource.path("_links").path(relation);
    List<JsonNode> all = new ArrayList<>();
    if (link.isArray()) {
      link.forEach(all::add);
    } else if (link.isObject()) {
      all.add(link);
    }
    return all;
  }

  /** Expands a URI template's simple {@code {name}} parts, each value encoded. */
  public static String expand(String template, Map<String, String> variables) {
    Matcher part = TEMPLATE_PART.matcher(template);
    StringBuilder out = new StringBuilder();
    while (part.find()) {
      String value = variables.get(part.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "no value for {" + part.group(1) + "} of the link " + template);
      }
      part.appendReplacement(
          out,
          Matcher.quoteReplacement(
              URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    part.appendTail(out);
    return out.toString();
  }

  /** Encodes one query parameter's value. */
  public static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** GETs a resource; a 404 fails naming the URL. */
  public JsonNode get(String url) {
    return send("GET", url, null, false);
  }

  /** GETs a resource; null when the Broker answers 404. */
  public JsonNode getOrNull(String url) {
    return send("GET", url, null, true);
  }

  /** POSTs a JSON body; the answer's JSON, or an empty node when there is none. */
  public JsonNode post(String url, JsonNode body) {
    return send("POST", url, body, false);
  }

  /** PUTs a JSON body; the answer's JSON, or an empty node when there is none. */
  public JsonNode put(String url, JsonNode body) {
    return send("PUT", url, body, false);
  }

  private JsonNode send(String method, String url, JsonNode body, boolean notFoundIsNull) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw fail("the Pact Broker gave a link that is not a URL: " + url);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/hal+json, application/json");
    String authorization = credentials.header();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      if (body != null) {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw fail("cannot reach the Pact Broker at " + show(url) + ": connection refused");
    } catch (HttpTimeoutException e) {
      throw fail(
          "the Pact Broker at "
              + show(url)
              + " did not answer within "
              + timeout.toSeconds()
              + " s");
    } catch (IOException e) {
      throw fail(
          "cannot reach the Pact Broker at "
              + show(url)
              + ": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail("interrupted while calling the Pact Broker at " + show(url));
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw fail(
          "the Pact Broker refused "
              + method
              + " "
              + show(url)
              + " with "
              + status
              + (status == 401 ? " Unauthorized" : " Forbidden")
              + " (sent "
              + credentials.describe()
              + "): set "
              + Credentials.TOKEN
              + ", or "
              + Credentials.USERNAME
              + " and "
              + Credentials.PASSWORD);
    }
    if (status == 404 && notFoundIsNull) {
      return null;
    }
    if (status == 404) {
      throw fail(
          "the Pact Broker answered 404 Not Found to "
              + method
              + " "
              + show(url)
              + ": the link leads nowhere");
    }
    if (status >= 300) {
      throw fail(
          "the Pact Broker answered "
              + status
              + " to "
              + method
              + " "
              + show(url)
              + errors(response.body()));
    }
    String text = response.body();
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      String type = response.headers().firstValue("Content-Type").orElse("no Content-Type");
      throw fail(
          "the Pact Broker answered "
              + method
              + " "
              + show(url)
              + " with something that is not JSON ("
              + type
              + "): check --broker-url");
    }
  }

  /** The Broker's own error messages ({@code errors} or {@code error.message}), if any. */
  private static String errors(String text) {
    try {
      JsonNode body = JSON.readTree(text == null ? "" : text);
      List<String> messages = new ArrayList<>();
      if (body != null) {
        JsonNode errors = body.path("errors");
        if (errors.isArray()) {
          errors.forEach(e -> messages.add(e.asText()));
        } else if (errors.isObject()) {
          errors
              .fields()
              .forEachRemaining(
                  f -> {
                    if (f.getValue().isArray()) {
                      f.getValue().forEach(m -> messages.add(f.getKey() + ": " + m.asText()));
                    } else {
                      messages.add(f.getKey() + ": " + f.getValue().asText());
                    }
                  });
        }
        if (body.path("error").path("message").isTextual()) {
          messages.add(body.path("error").path("message").asText());
        }
      }
      return messages.isEmpty()
          ? ""
          : ": " + String.join("; ", messages.stream().distinct().toList()).replace('\n', ' ');
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  private String show(String url) {
    try {
      return credentials.redact(withoutUserInfo(URI.create(url)));
    } catch (IllegalArgumentException e) {
      return credentials.redact(url);
    }
  }

  private BrokerException fail(String message) {
    return new BrokerException(credentials.redact(message));
  }

  static String withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    String text = uri.toString();
    return text.replace(uri.getRawUserInfo() + "@", "");
  }
}
