package io.pactwire.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.broker.internal.HalClient;
import io.pactwire.core.PactFileException;
import io.pactwire.core.PactFiles;
import io.pactwire.store.CanIDeployResult;
import io.pactwire.store.Change;
import io.pactwire.store.ContractStore;
import io.pactwire.store.Deployment;
import io.pactwire.store.Matrix;
import io.pactwire.store.MatrixQuery;
import io.pactwire.store.MatrixRow;
import io.pactwire.store.PactVersion;
import io.pactwire.store.Publication;
import io.pactwire.store.Release;
import io.pactwire.store.StoreException;
import io.pactwire.store.Target;
import io.pactwire.store.Verification;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract store kept in a Pact Broker: each call follows the Broker's link relations from its
 * index resource ({@code pb:publish-contracts}, {@code pb:pacticipant-version} then {@code
 * pb:record-deployment} or {@code pb:record-release}, {@code pb:environments}, {@code
 * pb:can-i-deploy-pacticipant-version-to-environment}) or reads its documented {@code /matrix}
 * resource. A Broker failure is a {@link StoreException} whose one line names the URL, credentials
 * redacted.
 *
 * @since 0.1.0
 */
public final class BrokerContractStore implements ContractStore {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** {@code .../pacts/provider/P/consumer/C/pact-version/SHA...}: how the Broker names a pact. */
  /** How the Broker says a version or pacticipant of the question does not exist. */
  private static final Pattern DOES_NOT_EXIST =
      Pattern.compile("^No versions? .*exists?\\b|\\(no such (pacticipant|application) exists\\)");

  private static final Pattern PACT_VERSION_URL =
      Pattern.compile("/pacts/provider/([^/]+)/consumer/([^/]+)/pact-version/([0-9a-f]{40})");

  private final HalClient hal;

  BrokerContractStore(HalClient hal) {
    this.hal = hal;
  }

  @Override
  public List<Publication> publish(String consumerVersion, String branch, List<Path> pactFiles) {
    // Read every pact before anything is sent: a bad file publishes nothing.
    Map<String, List<Path>> byConsumer = new LinkedHashMap<>();
    Map<Path, JsonNode> pacts = new LinkedHashMap<>();
    for (Path file : pactFiles) {
      JsonNode pact;
      try {
        pact = PactFiles.readTree(file);
      } catch (PactFileException e) {
        throw new StoreException(e.getMessage(), e);
      }
      String consumer = pact.path("consumer").path("name").asText("");
      String provider = pact.path("provider").path("name").asText("");
      if (consumer.isBlank() || provider.isBlank()) {
        throw new StoreException(file + ": not a pact: it names no consumer and provider");
      }
      pacts.put(file, pact);
      byConsumer.computeIfAbsent(consumer, c -> new ArrayList<>()).add(file);
    }
    List<Publication> published = new ArrayList<>();
    String href = broker(() -> hal.indexLink("pb:publish-contracts", Map.of()));
    for (Map.Entry<String, List<Path>> entry : byConsumer.entrySet()) {
      ObjectNode body = NODES.objectNode();
      body.put("pacticipantName", entry.getKey());
      body.put("pacticipantVersionNumber", consumerVersion);
      if (branch != null) {
        body.put("branch", branch);
      }
      body.putArray("tags");
      ArrayNode contracts = body.putArray("contracts");
      for (Path file : entry.getValue()) {
        ObjectNode contract = contracts.addObject();
        contract.put("consumerName", entry.getKey());
        contract.put("providerName", pacts.get(file).path("provider").path("name").asText());
        contract.put("specification", "pact");
        contract.put("contentType", "application/json");
        contract.put("content", Base64.getEncoder().encodeToString(bytes(file)));
      }
      JsonNode answer = broker(() -> hal.post(href, body));
      Map<String, PactVersion> versions = new LinkedHashMap<>();
      for (JsonNode contract : HalClient.links(answer, "pb:contracts")) {
        Matcher m = PACT_VERSION_URL.matcher(contract.path("href").asText(""));
        if (m.find()) {
          versions.put(decode(m.group(1)), new PactVersion(m.group(3)));
        }
      }
      Instant now = Instant.now();
      for (Path file : entry.getValue()) {
        String provider = pacts.get(file).path("provider").path("name").asText();
        PactVersion version = versions.get(provider);
        published.add(
            new Publication(
                entry.getKey(),
                consumerVersion,
                branch,
                provider,
                version != null ? version : PactVersion.of(pacts.get(file)),
                file.getFileName().toString(),
                now));
      }
    }
    return List.copyOf(published);
  }

  @Override
  public Verification recordVerification(Verification v) {
    // The Broker takes results at the pact version's pb:publish-verification-results link; the
    // matrix of the two pacticipants names the pact version's resource.
    String pactUrl = null;
    for (JsonNode row :
        broker(
                () ->
                    hal.get(
                        matrixUrl(
                            "q[][pacticipant]="
                                + HalClient.query(v.consumer())
                                + "&q[][pacticipant]="
                                + HalClient.query(v.provider()))))
            .path("matrix")) {
      String href = row.path("pact").path("_links").path("self").path("href").asText("");
      Matcher m = PACT_VERSION_URL.matcher(href);
      if (m.find() && m.group(3).equals(v.pactVersion().hash())) {
        pactUrl = href;
        break;
      }
    }
    if (pactUrl == null) {
      throw new StoreException(
          "the Pact Broker at "
              + hal.baseUrl()
              + " has no pact "
              + v.pactVersion()
              + " between "
              + v.consumer()
              + " and "
              + v.provider()
              + " (a Broker names pact versions by 40 hex digits)");
    }
    String url = pactUrl;
    JsonNode pact = broker(() -> hal.get(url));
    String publishHref = broker(() -> hal.link(pact, "pb:publish-verification-results", url));
    ObjectNode body = NODES.objectNode();
    body.put("success", v.success());
    body.put("providerApplicationVersion", v.providerVersion());
    if (v.branch() != null) {
      body.put("providerVersionBranch", v.branch());
    }
    ArrayNode results = body.putArray("testResults");
    Map<String, String> ids = new LinkedHashMap<>();
    for (JsonNode interaction : pact.path("interactions")) {
      ids.put(interaction.path("description").asText(), interaction.path("_id").asText(null));
    }
    for (Verification.InteractionVerdict verdict : v.interactions()) {
      ObjectNode r = results.addObject();
      if (ids.get(verdict.description()) != null) {
        r.put("interactionId", ids.get(verdict.description()));
      }
      r.put("interactionDescription", verdict.description());
      r.put("success", verdict.success());
    }
    body.putObject("verifiedBy").put("implementation", "Pactwire");
    broker(() -> hal.post(publishHref, body));
    return v;
  }

  @Override
  public Deployment recordDeployment(String pacticipant, String version, String environment) {
    JsonNode answer = record(pacticipant, version, environment, "pb:record-deployment");
    return new Deployment(pacticipant, version, environment, createdAt(answer));
  }

  @Override
  public Release recordRelease(String pacticipant, String version, String environment) {
    JsonNode answer = record(pacticipant, version, environment, "pb:record-release");
    return new Release(pacticipant, version, environment, createdAt(answer));
  }

  /** Follows the version resource's link of {@code relation} named for the environment. */
  private JsonNode record(String pacticipant, String version, String environment, String relation) {
    String versionUrl =
        broker(
            () ->
                hal.indexLink(
                    "pb:pacticipant-version",
                    Map.of("pacticipant", pacticipant, "version", version)));
    JsonNode resource = broker(() -> hal.getOrNull(versionUrl));
    if (resource == null) {
      throw new StoreException(
          "the Pact Broker at "
              + hal.baseUrl()
              + " knows no version "
              + version
              + " of "
              + pacticipant
              + ": publish its pacts or verification results first");
    }
    for (JsonNode link : HalClient.links(resource, relation)) {
      if (environment.equals(link.path("name").asText())) {
        String href = link.path("href").asText();
        ObjectNode body = NODES.objectNode();
        return broker(() -> hal.post(href, body));
      }
    }
    JsonNode environments = broker(() -> hal.get(hal.indexLink("pb:environments", Map.of())));
    // the pb:environments links are what the Broker promises its clients; the embedded
    // resources are extra
    List<String> names = new ArrayList<>();
    for (JsonNode link : HalClient.links(environments, "pb:environments")) {
      names.add(link.path("name").asText());
    }
    throw new StoreException(
        "the Pact Broker at "
            + hal.baseUrl()
            + " has no environment named '"
            + environment
            + "' (it has "
            + (names.isEmpty() ? "none" : String.join(", ", names))
            + "): create it with the Broker's environments resource first");
  }

  @Override
  public Matrix matrix(MatrixQuery query) {
    if (query.pacticipant() == null) {
      throw new StoreException(
          "a Pact Broker's matrix is asked about one pacticipant: give --pacticipant");
    }
    StringBuilder q = new StringBuilder("q[][pacticipant]=" + HalClient.query(query.pacticipant()));
    if (query.version() != null) {
      q.append("&q[][version]=").append(HalClient.query(query.version()));
    }
    if (query.environment() != null) {
      q.append("&environment=").append(HalClient.query(query.environment()));
    }
    q.append("&latestby=cvpv&limit=").append(query.limit() + 1);
    JsonNode matrix = broker(() -> hal.get(matrixUrl(q.toString())));
    List<MatrixRow> rows = rows(matrix);
    int truncated = Math.max(0, rows.size() - query.limit());
    return new Matrix(
        List.copyOf(rows.subList(0, Math.min(rows.size(), query.limit()))), truncated);
  }

  @Override
  public CanIDeployResult canIDeploy(
      String pacticipant, String version, Target target, Set<String> ignored) {
    StringBuilder ignore = new StringBuilder();
    for (String p : ignored) {
      ignore.append("&ignore[][pacticipant]=").append(HalClient.query(p));
    }
    JsonNode answer;
    if (target.isLatest()) {
      answer =
          broker(
              () ->
                  hal.get(
                      matrixUrl(
                          "q[][pacticipant]="
                              + HalClient.query(pacticipant)
                              + "&q[][version]="
                              + HalClient.query(version)
                              + "&latestby=cvp&latest=true"
                              + ignore)));
    } else {
      String href =
          broker(
              () ->
                  hal.indexLink(
                      "pb:can-i-deploy-pacticipant-version-to-environment",
                      Map.of(
                          "pacticipant",
                          pacticipant,
                          "version",
                          version,
                          "environment",
                          target.environment())));
      answer = broker(() -> hal.get(href + (href.contains("?") ? "" : "?") + ignore));
    }
    if (!answer.path("summary").isObject()) {
      throw new StoreException(
          "the Pact Broker at "
              + hal.baseUrl()
              + " answered can-i-deploy without a summary: it is not the Broker's matrix");
    }
    List<MatrixRow> rows = new ArrayList<>();
    for (MatrixRow r : rows(answer)) {
      rows.add(r.ignoring(pacticipant, ignored));
    }
    JsonNode summary = answer.path("summary");
    String reason = summary.path("reason").asText("");
    String missing = versionThatDoesNotExist(answer);
    if (missing != null) {
      // not a "no": the question names what the Broker does not know, as a store that never saw
      // the version answers
      throw new StoreException(
          "the Pact Broker at "
              + hal.baseUrl()
              + " does not know the version asked about: "
              + missing);
    }
    // null: the Broker cannot tell (a pact nobody verified yet): no deployment on an unknown
    boolean deployable = summary.path("deployable").asBoolean(false);
    if (summary.path("deployable").isNull() && reason.isBlank()) {
      reason =
          summary.path("unknown").asInt(0)
              + " integration(s) with no verification result (the Broker's answer is unknown)";
    }
    String where = target.isLatest() ? "with the latest versions" : "to " + target.environment();
    String text =
        pacticipant
            + " "
            + version
            + (deployable ? " can be deployed " : " cannot be deployed ")
            + where
            + (reason.isBlank() ? "" : ": " + firstLine(reason))
            + " (Pact Broker)";
    return new CanIDeployResult(pacticipant, version, target, deployable, List.copyOf(rows), text);
  }

  @Override
  public List<Change> changed(String sinceRevision) {
    throw new StoreException(
        "a Pact Broker does not list pacts changed since a git revision: it triggers provider"
            + " builds itself, with a webhook on the 'contract_requiring_verification_published'"
            + " event; use --store DIR for changed");
  }

  /** The matrix rows of a matrix or can-i-deploy answer. */
  private List<MatrixRow> rows(JsonNode answer) {
    if (!answer.path("matrix").isArray()) {
      throw new StoreException(
          "the Pact Broker at "
              + hal.baseUrl()
              + " answered without a matrix: it is not the Broker's matrix resource");
    }
    List<MatrixRow> rows = new ArrayList<>();
    for (JsonNode line : answer.path("matrix")) {
      String consumer = line.path("consumer").path("name").asText();
      String consumerVersion = line.path("consumer").path("version").path("number").asText(null);
      String provider = line.path("provider").path("name").asText();
      String providerVersion = line.path("provider").path("version").path("number").asText(null);
      Matcher m =
          PACT_VERSION_URL.matcher(
              line.path("pact").path("_links").path("self").path("href").asText(""));
      PactVersion pactVersion = m.find() ? new PactVersion(m.group(3)) : null;
      JsonNode result = line.path("verificationResult");
      MatrixRow.Status status;
      String reason;
      String pact = "pact " + (pactVersion == null ? "" : pactVersion + " ");
      String by = provider + " " + providerVersion;
      if (providerVersion == null || consumerVersion == null) {
        status = MatrixRow.Status.MISSING;
        reason =
            consumerVersion == null
                ? "no version of " + consumer + " to verify against"
                : "no version of " + provider + " has verified " + pact.strip();
      } else if (!result.isObject()) {
        status = MatrixRow.Status.UNVERIFIED;
        reason = "no verification of " + pact + "by " + by;
      } else if (result.path("success").asBoolean(false)) {
        status = MatrixRow.Status.VERIFIED;
        reason = pact + "verified by " + by;
      } else {
        status = MatrixRow.Status.FAILED;
        reason = pact + "failed verification by " + by;
      }
      rows.add(
          new MatrixRow(
              consumer,
              consumerVersion,
              provider,
              providerVersion,
              pactVersion,
              status,
              instant(result.path("verifiedAt").asText(null)),
              status == MatrixRow.Status.VERIFIED,
              reason));
    }
    return rows;
  }

  /**
   * The Broker's {@code /matrix} resource, under the URL the index resource names itself by (its
   * {@code self} link): the Broker documents the matrix by its path, not by a relation.
   */
  private String matrixUrl(String query) {
    JsonNode index = broker(hal::index);
    String self = index.path("_links").path("self").path("href").asText(hal.baseUrl());
    return (self.endsWith("/") ? self.substring(0, self.length() - 1) : self) + "/matrix?" + query;
  }

  private static Instant createdAt(JsonNode answer) {
    Instant at = instant(answer.path("createdAt").asText(null));
    return at != null ? at : Instant.now();
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  /**
   * The Broker's words when a version or pacticipant named in the question does not exist ({@code
   * No version with number 9.9.9 exists for checkout-service}); null otherwise. Brokers say so in
   * the summary's reason and in an error notice, with {@code deployable} false (or null in older
   * ones).
   */
  private static String versionThatDoesNotExist(JsonNode answer) {
    if (answer.path("summary").path("deployable").asBoolean(false)) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    texts.add(answer.path("summary").path("reason").asText(""));
    for (JsonNode notice : answer.path("notices")) {
      if ("error".equals(notice.path("type").asText())) {
        texts.add(notice.path("text").asText(""));
      }
    }
    for (String text : texts) {
      for (String line : text.lines().toList()) {
        if (DOES_NOT_EXIST.matcher(line).find()) {
          return line.strip();
        }
      }
    }
    return null;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** Runs a Broker call; its failure is the store's one-line failure. */
  private static <T> T broker(Supplier<T> call) {
    try {
      return call.get();
    } catch (BrokerException e) {
      throw new StoreException(e.getMessage(), e);
    }
  }
}
