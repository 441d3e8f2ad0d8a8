package io.pactwire.broker;

import au.com.dius.pact.core.pactbroker.ConsumerVersionSelectors;
import au.com.dius.pact.core.pactbroker.PactBrokerClient;
import au.com.dius.pact.core.pactbroker.PactBrokerClientConfig;
import au.com.dius.pact.core.pactbroker.PactBrokerResult;
import au.com.dius.pact.core.pactbroker.TestResult;
import au.com.dius.pact.core.support.Auth;
import au.com.dius.pact.core.support.Result;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.broker.internal.Credentials;
import io.pactwire.broker.internal.HalClient;
import io.pactwire.core.internal.AtomicFiles;
import io.pactwire.core.internal.report.InteractionResult;
import io.pactwire.core.internal.report.PactResult;
import io.pactwire.core.internal.report.ProviderVersion;
import io.pactwire.core.internal.report.ResultsPublisher;
import io.pactwire.core.internal.report.VerificationRun;
import io.pactwire.core.internal.store.StoreLayout;
import io.pactwire.store.ContractStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Pact Broker, as Pactwire speaks to it: its HAL API followed from the index resource, with
 * credentials from the Broker CLI's environment variables ({@code PACT_BROKER_TOKEN}, or {@code
 * PACT_BROKER_USERNAME} and {@code PACT_BROKER_PASSWORD}) that no message, log or file shows.
 *
 * <pre>{@code
 * Broker broker = Broker.connect("https://broker.example.com");
 * ContractStore store = broker.store();
 * List<BrokerPact> pacts = broker.pactsForVerification("inventory-service", List.of(), dir);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Broker {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Every pact fetched in this JVM, by its file: where a verifier's results are published. */
  private static final Map<Path, Fetched> FETCHED = new ConcurrentHashMap<>();

  private record Fetched(Broker broker, BrokerPact pact, Map<String, Object> links) {}

  private final HalClient hal;
  private final URI url;

  private Broker(URI url, Credentials credentials) {
    this.url = url;
    this.hal = new HalClient(url, credentials, Duration.ofSeconds(30));
  }

  /** The Broker at {@code url}, with credentials from the process's environment. */
  public static Broker connect(String url) {
    return connect(url, System.getenv());
  }

  /**
   * The Broker at {@code url}, with credentials from {@code env}.
   *
   * @throws BrokerException when {@code url} is not an http or https URL with a host
   */
  public static Broker connect(String url, Map<String, String> env) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new BrokerException(
          Credentials.from(URI.create("http://x"), env).redact("--broker-url '" + url + "'")
              + " is not a URL: "
              + e.getReason());
    }
    Credentials credentials = Credentials.from(uri, env);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new BrokerException(
          credentials.redact(
              "--broker-url must be an http or https URL with a host, not '" + url + "'"));
    }
    if (uri.getPath() == null || uri.getPath().isEmpty()) {
      uri = uri.resolve("/");
    }
    return new Broker(uri, credentials);
  }

  /** The Broker's URL, without credentials: safe to print. */
  public String url() {
    return hal.baseUrl();
  }

  /** The Broker as the store commands use it: publish, deployments, the matrix, can-i-deploy. */
  public ContractStore store() {
    return new BrokerContractStore(hal);
  }

  /**
   * Fetches the pacts {@code provider} must verify ("pacts for verification") with pact-jvm's
   * Broker client, and writes each to {@code folder} as {@code <consumer>-<provider>.json}.
   *
   * @param selectors consumer-version selectors, each a JSON object as the Broker documents them
   *     ({@code {"mainBranch": true}}, {@code {"deployedOrReleased": true}}); empty for the
   *     Broker's default
   * @throws BrokerException when the Broker cannot be reached or refuses, or a selector is not JSON
   */
  public List<BrokerPact> pactsForVerification(
      String provider, List<String> selectors, Path folder) {
    return pactsForVerification(provider, selectors, PendingPacts.NONE, folder);
  }

  /**
   * Fetches the pacts {@code provider} must verify, as {@link #pactsForVerification(String, List,
   * Path)} does, asking the Broker which are pending for the provider's branch and, with {@code
   * pending.includeWipPactsSince()}, for the work-in-progress pacts too.
   *
   * @throws BrokerException when pending pacts are asked for without a provider branch
   */
  public List<BrokerPact> pactsForVerification(
      String provider, List<String> selectors, PendingPacts pending, Path folder) {
    if (pending.enabled() && !knownBranch(pending.providerBranch())) {
      throw new BrokerException(
          "pending pacts are pending for a branch of "
              + provider
              + ": give the provider's branch (--branch, or pactwire.provider.branch)");
    }
    List<ConsumerVersionSelectors> parsed = new ArrayList<>();
    for (String selector : selectors) {
      JsonValue json;
      try {
        json = JsonParser.parseString(selector);
      } catch (RuntimeException e) {
        json = null;
      }
      if (json instanceof JsonValue.Object) {
        parsed.add(new ConsumerVersionSelectors.RawSelector(json));
      } else {
        throw new BrokerException(
            "the consumer-version selector '"
                + selector
                + "' is not a JSON object: write it as the Broker documents it, e.g."
                + " {\"mainBranch\": true}");
      }
    }
    // Our own client reads the index first: an unreachable Broker, refused credentials or a
    // non-HAL answer is one clear line before pact-jvm's client is asked.
    hal.indexLink("pb:provider-pacts-for-verification", Map.of("provider", provider));
    Result<List<PactBrokerResult>, Exception> result =
        pactJvm()
            .fetchConsumersWithSelectorsV2(
                provider,
                parsed,
                List.of(),
                pending.enabled() ? pending.providerBranch() : null,
                pending.enabled(),
                pending.includeWipPactsSince());
    if (result instanceof Result.Err<?> err) {
      Object error = err.getError();
      String message = error instanceof Exception e ? e.getMessage() : String.valueOf(error);
      throw new BrokerException(
          hal.credentials()
              .redact(
                  "the Pact Broker at "
                      + url()
                      + " did not give the pacts for verification of "
                      + provider
                      + ": "
                      + message));
    }
    @SuppressWarnings("unchecked")
    List<PactBrokerResult> found = ((Result.Ok<List<PactBrokerResult>>) result).getValue();
    List<BrokerPact> pacts = new ArrayList<>();
    Set<String> names = new HashSet<>();
    try {
      AtomicFiles.createDirectories(folder);
      for (PactBrokerResult r : found) {
        JsonNode pact = hal.get(r.getSource());
        String consumer = pact.path("consumer").path("name").asText(r.getName());
        // the file's name comes from the Broker: a name such as '../x' must not leave the folder
        for (String pacticipant : new String[] {consumer, provider}) {
          String problem = StoreLayout.checkPacticipant(pacticipant);
          if (problem != null) {
            throw new BrokerException(
                hal.credentials()
                    .redact(
                        "the Pact Broker at "
                            + url()
                            + " gave a pact whose "
                            + problem
                            + " ("
                            + r.getSource()
                            + ")"));
          }
        }
        String name = consumer + "-" + provider;
        String file = name + ".json";
        for (int n = 2; !names.add(file); n++) {
          file = name + "-" + n + ".json";
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> links = JSON.convertValue(pact.path("_links"), Map.class);
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode interaction : pact.path("interactions")) {
          if (interaction.hasNonNull("_id")) {
            ids.put(interaction.path("description").asText(), interaction.get("_id").asText());
          }
        }
        ObjectNode written = ((ObjectNode) pact).deepCopy();
        written.remove("_links");
        written.remove("_embedded");
        Path path = folder.resolve(file).toAbsolutePath().normalize();
        AtomicFiles.writeString(path, JSON.writeValueAsString(written) + "\n");
        BrokerPact fetched =
            new BrokerPact(
                path,
                consumer,
                provider,
                r.getSource(),
                // pending only when asked: the Broker marks none otherwise
                pending.enabled() && r.getPending(),
                ids);
        FETCHED.put(path, new Fetched(this, fetched, links == null ? Map.of() : links));
        pacts.add(fetched);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Broker's pacts to " + folder, e);
    }
    return List.copyOf(pacts);
  }

  /**
   * Publishes the results of verifying pacts fetched by {@link #pactsForVerification} to the Broker
   * each came from, through the pact's {@code pb:publish-verification-results} link; other pacts
   * are left to the contract store.
   */
  public static ResultsPublisher resultsPublisher() {
    return (run, pact, file) -> {
      Fetched fetched = FETCHED.get(file.toAbsolutePath().normalize());
      if (fetched == null) {
        return false;
      }
      fetched.broker.publish(fetched, run, pact);
      return true;
    };
  }

  /** Whether {@code file} holds a pact fetched from a Broker in this JVM. */
  public static boolean fetched(Path file) {
    return FETCHED.containsKey(file.toAbsolutePath().normalize());
  }

  private void publish(Fetched fetched, VerificationRun run, PactResult pact) {
    if (run.providerVersion() == null || ProviderVersion.UNKNOWN.equals(run.providerVersion())) {
      throw new BrokerException(
          "the verification of "
              + pact.consumer()
              + "'s pact by "
              + run.provider()
              + " is not published to the Pact Broker at "
              + url()
              + ": the provider version is unknown (give --provider-version, or"
              + " pactwire.provider.version)");
    }
    Map<String, String> ids = fetched.pact.interactionIds();
    TestResult result;
    if (pact.success()) {
      Set<String> passed = new HashSet<>();
      pact.interactions().forEach(i -> addId(passed, ids, i));
      result = new TestResult.Ok(passed);
    } else {
      List<Map<String, Object>> failures = new ArrayList<>();
      for (InteractionResult i : pact.interactions()) {
        if (i.success()) {
          continue;
        }
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("interactionId", ids.get(i.description()));
        failure.put("interactionDescription", i.description());
        failure.put("description", firstLine(i.message()));
        failures.add(failure);
      }
      result =
          new TestResult.Failed(failures, failures.size() + " interaction(s) failed verification");
    }
    Result<Boolean, String> published =
        pactJvm().publishVerificationResults(fetched.links, result, run.providerVersion(), null);
    if (published instanceof Result.Err<?> err) {
      throw new BrokerException(
          hal.credentials()
              .redact(
                  "the verification of "
                      + pact.consumer()
                      + "'s pact by "
                      + run.provider()
                      + " "
                      + run.providerVersion()
                      + " was not published to the Pact Broker at "
                      + url()
                      + ": "
                      + err.getError()));
    }
    if (knownBranch(run.branch())) {
      // pact-jvm's client publishes the version without its branch; the Broker records a
      // version's branch with a PUT to the index's pb:pacticipant-branch-version, as its own
      // clients do
      String href =
          hal.indexLink(
              "pb:pacticipant-branch-version",
              Map.of(
                  "pacticipant", run.provider(),
                  "branch", run.branch(),
                  "version", run.providerVersion()));
      hal.put(href, JSON.createObjectNode());
    }
  }

  /** A branch worth recording: not one a detached checkout or a missing git names. */
  private static boolean knownBranch(String branch) {
    return branch != null
        && !branch.isBlank()
        && !branch.equals(ProviderVersion.UNKNOWN)
        && !branch.equals("HEAD");
  }

  private static void addId(
      Set<String> ids, Map<String, String> byDescription, InteractionResult i) {
    String id = byDescription.get(i.description());
    if (id != null) {
      ids.add(id);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "failed";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** pact-jvm's Broker client, with the same credentials. */
  private PactBrokerClient pactJvm() {
    Credentials c = hal.credentials();
    Map<String, Object> options = new LinkedHashMap<>();
    if (c.token() != null) {
      options.put("authentication", new Auth.BearerAuthentication(c.token(), "Authorization"));
    } else if (c.username() != null) {
      options.put("authentication", new Auth.BasicAuthentication(c.username(), c.password()));
    }
    String base = hal.baseUrl();
    return new PactBrokerClient(base, options, new PactBrokerClientConfig());
  }
}
