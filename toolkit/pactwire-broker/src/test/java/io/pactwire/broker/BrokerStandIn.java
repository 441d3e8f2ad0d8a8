package io.pactwire.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A stand-in for a Pact Broker: a real WireMock server answering with responses in the shapes the
 * Broker documents for its HAL API (index, pacticipant version, environments, publish contracts,
 * deployed and released versions, matrix, can-i-deploy, pacts for verification, a pact and its
 * verification results). Every resource but the index lives under {@code /hal/}, so a client that
 * builds URLs instead of following the index's links fails. It records what was sent so that tests
 * assert request bodies.
 *
 * <p>Its data: {@code checkout-service} versions 1.0.0 (verified by {@code inventory-service}
 * 2.0.0, can be deployed to production) and 1.1.0 (failed verification, cannot); environments
 * {@code test} and {@code production}.
 */
public final class BrokerStandIn implements AutoCloseable {

  /** The Broker's pact version (SHA-1 of the pact) of checkout-service 1.0.0's pact. */
  public static final String PACT_VERSION = "7b2f0a3c9d1e4f5a6b7c8d9e0f1a2b3c4d5e6f70";

  /** The pact version of checkout-service 1.1.0, whose verification failed. */
  public static final String FAILED_PACT_VERSION = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

  /** The pact version of checkout-service 1.2.0, not verified yet. */
  public static final String NEW_PACT_VERSION = "fedcba9876543210fedcba9876543210fedcba98";

  /** The pact the stand-in serves for verification unless a test gives another. */
  public static final String DEFAULT_PACT =
      """
      {"consumer": {"name": "checkout-service"}, "provider": {"name": "inventory-service"},
       "interactions": [{"description": "a request for a product",
         "request": {"method": "GET", "path": "/products/1"},
         "response": {"status": 200, "body": {"id": 1}}}],
       "metadata": {"pactSpecification": {"version": "3.0.0"}}}
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PACT_PATH =
      "/hal/pacts/provider/inventory-service/consumer/checkout-service/pact-version/";

  private final WireMockServer server;
  private final String authorization;

  private BrokerStandIn(String authorization) {
    this.authorization = authorization;
    this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    stubs();
  }

  /** A stand-in that requires {@code Authorization: Bearer <token>} on every request. */
  public static BrokerStandIn withToken(String token) {
    return new BrokerStandIn("Bearer " + token);
  }

  /** A stand-in that requires basic authentication, asking for it with a 401 challenge. */
  public static BrokerStandIn withBasicAuth(String user, String password) {
    return new BrokerStandIn(
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** The Broker's URL: its index resource. */
  public String url() {
    return server.baseUrl();
  }

  /** Where everything but the index lives. */
  public String halBase() {
    return server.baseUrl() + "/hal";
  }

  /** Serves {@code pactJson} as the pact for verification (its interactions given {@code _id}s). */
  public BrokerStandIn servePact(String pactJson) {
    ObjectNode pact;
    try {
      pact = (ObjectNode) JSON.readTree(pactJson);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int n = 0;
    for (JsonNode interaction : pact.path("interactions")) {
      ((ObjectNode) interaction).put("_id", "interaction-" + ++n);
    }
    ObjectNode links = pact.putObject("_links");
    String self = halBase() + PACT_PATH.substring(4) + PACT_VERSION;
    links.putObject("self").put("href", self).put("title", "Pact");
    links
        .putObject("pb:consumer-version")
        .put("title", "Consumer version")
        .put("name", "1.0.0")
        .put("href", halBase() + "/pacticipants/checkout-service/versions/1.0.0");
    links
        .putObject("pb:publish-verification-results")
        .put("title", "Publish verification results")
        .put("href", self + "/verification-results");
    server.stubFor(
        authorised(
                get(urlPathMatching(Pattern.quote(PACT_PATH + PACT_VERSION) + "(/metadata/.*)?")))
            .willReturn(hal(pact.toString())));
    return this;
  }

  /**
   * Answers with no more than the Pact Broker promises its own command-line client: the fields its
   * contract with {@code pact_broker-client} (which the Broker verifies in its build) asserts, and
   * nothing else. A version resource then carries only its record-deployment and record-release
   * links, the environments resource only its {@code pb:environments} links, a recorded deployment
   * only its target, a recorded release no body at all, a publication {@code logs} and links to its
   * contracts whose URLs say nothing of the pact version, and a can-i-deploy answer a summary and
   * rows without pact links. A client that leans on anything more fails here.
   */
  public BrokerStandIn answerOnlyWhatTheBrokerPromises() {
    for (String[] v :
        new String[][] {
          {"checkout-service", "1.0.0"},
          {"checkout-service", "1.1.0"},
          {"inventory-service", "2.0.0"}
        }) {
      String path = "/hal/pacticipants/" + v[0] + "/versions/" + v[1];
      String environment = path + "/%s/environment/c0e9d8f7-6a5b-4c3d-2e1f-0a9b8c7d6e5f";
      ObjectNode version = JSON.createObjectNode();
      ObjectNode links = version.putObject("_links");
      links
          .putArray("pb:record-deployment")
          .addObject()
          .put("name", "production")
          .put("href", server.baseUrl() + environment.formatted("deployed-versions"));
      links
          .putArray("pb:record-release")
          .addObject()
          .put("name", "production")
          .put("href", server.baseUrl() + environment.formatted("released-versions"));
      server.stubFor(least(get(urlPathEqualTo(path))).willReturn(hal(version.toString())));
      server.stubFor(
          least(post(urlPathEqualTo(environment.formatted("deployed-versions"))))
              .willReturn(hal("{\"target\": null}").withStatus(201)));
      server.stubFor(
          least(post(urlPathEqualTo(environment.formatted("released-versions"))))
              .willReturn(
                  aResponse()
                      .withStatus(201)
                      .withHeader("Content-Type", "application/hal+json;charset=utf-8")));
    }
    server.stubFor(
        least(get(urlPathEqualTo("/hal/environments")))
            .willReturn(
                hal(
                    """
                    {"_links": {"pb:environments": [
                      {"name": "production", "href": "%s/environments/c0e9d8f7"}]}}
                    """
                        .formatted(halBase()))));
    server.stubFor(
        least(post(urlPathEqualTo("/hal/contracts/publish")))
            .willReturn(
                hal(
                    """
                    {"_embedded": {"pacticipant": {"name": "checkout-service"},
                                   "version": {"number": "1.0.0"}},
                     "logs": [{"level": "info", "message": "Created checkout-service 1.0.0"}],
                     "_links": {"pb:pacticipant-version-tags": [],
                                "pb:contracts": [{"href": "%s/pact-of-checkout-service"}]}}
                    """
                        .formatted(halBase()))));
    server.stubFor(
        least(get(urlPathEqualTo("/hal/can-i-deploy")))
            .willReturn(
                hal(
                    """
                    {"summary": {"deployable": false, "reason": "one verification failed"},
                     "matrix": [{"consumer": {"name": "checkout-service",
                                              "version": {"number": "1.1.0"}},
                                 "provider": {"name": "inventory-service",
                                              "version": {"number": "2.0.0"}},
                                 "verificationResult": {"success": false,
                                   "_links": {"self": {"href": "%s/result"}}}}]}
                    """
                        .formatted(halBase()))));
    return this;
  }

  /**
   * Answers "pacts for verification" with the pact marked pending, as the Broker does for one no
   * version of the provider's branch has verified yet.
   */
  public BrokerStandIn pactPending() {
    server.stubFor(
        authorised(post(urlPathEqualTo("/hal/pacts/provider/inventory-service/for-verification")))
            .atPriority(2)
            .willReturn(
                hal(
                    resource("pacts-for-verification.json")
                        .replace("\"pending\": false", "\"pending\": true"))));
    return this;
  }

  /** Makes the index's {@code relation} lead to a resource that does not exist. */
  public BrokerStandIn breakLink(String relation) {
    String index = resource("index.json").replace("{{base}}", halBase());
    try {
      ObjectNode tree = (ObjectNode) JSON.readTree(index);
      ((ObjectNode) tree.path("_links").path(relation)).put("href", halBase() + "/gone");
      server.stubFor(
          authorised(get(urlEqualTo("/"))).atPriority(1).willReturn(hal(tree.toString())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * The JSON bodies POSTed to paths matching {@code pathRegex} and accepted (not answered 401 for
   * want of credentials, as a client that waits for the challenge is at first), in order.
   */
  public List<JsonNode> posted(String pathRegex) {
    Pattern path = Pattern.compile(pathRegex);
    List<JsonNode> bodies = new ArrayList<>();
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    java.util.Collections.reverse(events); // WireMock lists the newest first
    for (ServeEvent e : events) {
      LoggedRequest r = e.getRequest();
      String url = r.getUrl();
      String urlPath = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
      if (!RequestMethod.POST.equals(r.getMethod())
          || !path.matcher(urlPath).matches()
          || e.getResponse().getStatus() == 401) {
        continue;
      }
      try {
        bodies.add(JSON.readTree(r.getBodyAsString()));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    return bodies;
  }

  /** Every request's method, URL and Authorization header, for tests that check what was sent. */
  public List<LoggedRequest> requests() {
    return server.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
  }

  @Override
  public void close() {
    server.stop();
  }

  private void stubs() {
    // without the credentials: 401 with a challenge, as a Broker behind basic authentication does
    server.stubFor(
        any(anyUrl())
            .atPriority(9)
            .withHeader("Authorization", absent())
            .willReturn(unauthorised()));
    server.stubFor(
        any(anyUrl())
            .atPriority(9)
            .withHeader("Authorization", notMatching(Pattern.quote(authorization)))
            .willReturn(unauthorised()));
    server.stubFor(authorised(get(urlEqualTo("/"))).willReturn(file("index.json")));
    server.stubFor(
        authorised(get(urlPathEqualTo("/hal/not-hal")))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"status\": \"UP\"}")));
    for (String[] v :
        new String[][] {
          {"checkout-service", "1.0.0"},
          {"checkout-service", "1.1.0"},
          {"inventory-service", "2.0.0"}
        }) {
      String path = "/hal/pacticipants/" + v[0] + "/versions/" + v[1];
      server.stubFor(
          authorised(get(urlPathEqualTo(path)))
              .willReturn(hal(resource("version.json", "pacticipant", v[0], "version", v[1]))));
      server.stubFor(
          authorised(post(urlPathMatching(path + "/deployed-versions/environment/[0-9a-f-]+")))
              .willReturn(hal(resource("deployed-version.json", "version", v[1])).withStatus(201)));
      server.stubFor(
          authorised(post(urlPathMatching(path + "/released-versions/environment/[0-9a-f-]+")))
              .willReturn(hal(resource("released-version.json", "version", v[1])).withStatus(201)));
    }
    server.stubFor(
        authorised(put(urlPathMatching("/hal/pacticipants/[^/]+/branches/[^/]+/versions/[^/]+")))
            .willReturn(hal("{\"number\": \"recorded\"}")));
    server.stubFor(
        authorised(get(urlPathEqualTo("/hal/environments"))).willReturn(file("environments.json")));
    server.stubFor(
        authorised(post(urlPathEqualTo("/hal/contracts/publish")))
            .willReturn(file("publish-contracts.json")));
    server.stubFor(authorised(get(urlPathEqualTo("/hal/matrix"))).willReturn(file("matrix.json")));
    server.stubFor(
        authorised(get(urlPathEqualTo("/hal/matrix")))
            .atPriority(4)
            .withQueryParam("latest", equalTo("true"))
            .willReturn(file("can-i-deploy-yes.json")));
    server.stubFor(
        authorised(get(urlPathEqualTo("/hal/can-i-deploy")))
            .withQueryParam("version", equalTo("1.0.0"))
            .willReturn(file("can-i-deploy-yes.json")));
    server.stubFor(
        authorised(get(urlPathEqualTo("/hal/can-i-deploy")))
            .withQueryParam("version", equalTo("1.1.0"))
            .willReturn(file("can-i-deploy-no.json")));
    server.stubFor(
        authorised(get(urlPathEqualTo("/hal/can-i-deploy")))
            .withQueryParam("version", equalTo("9.9.9"))
            .willReturn(file("can-i-deploy-unknown-version.json")));
    server.stubFor(
        authorised(post(urlPathEqualTo("/hal/pacts/provider/inventory-service/for-verification")))
            .willReturn(file("pacts-for-verification.json")));
    server.stubFor(
        authorised(
                post(
                    urlPathMatching(
                        Pattern.quote(PACT_PATH) + "[0-9a-f]{40}/verification-results")))
            .willReturn(file("verification-result.json").withStatus(201)));
    servePact(DEFAULT_PACT);
  }

  /** Overrides an answer of {@link #stubs()}, credentials still required. */
  private MappingBuilder least(MappingBuilder mapping) {
    return mapping.atPriority(2).withHeader("Authorization", equalTo(authorization));
  }

  private MappingBuilder authorised(MappingBuilder mapping) {
    return mapping.atPriority(5).withHeader("Authorization", equalTo(authorization));
  }

  private static ResponseDefinitionBuilder unauthorised() {
    return aResponse()
        .withStatus(401)
        .withHeader("WWW-Authenticate", "Basic realm=\"Pact Broker\"")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\": \"Unauthorized\"}");
  }

  private ResponseDefinitionBuilder file(String name) {
    return hal(resource(name));
  }

  private static ResponseDefinitionBuilder hal(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/hal+json;charset=utf-8")
        .withBody(body);
  }

  private String resource(String name, String... variables) {
    String text;
    try (InputStream in = BrokerStandIn.class.getResourceAsStream("/broker-stand-in/" + name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    text =
        text.replace("{{base}}", halBase())
            .replace("{{pactVersion}}", PACT_VERSION)
            .replace("{{failedPactVersion}}", FAILED_PACT_VERSION)
            .replace("{{newPactVersion}}", NEW_PACT_VERSION);
    for (int i = 0; i < variables.length; i += 2) {
      text = text.replace("{{" + variables[i] + "}}", variables[i + 1]);
    }
    return text;
  }
}
