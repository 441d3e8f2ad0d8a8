package io.pactwire.record;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.RequestResponseInteraction;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.V4Interaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.ContractId;
import io.pactwire.core.PactFileException;
import io.pactwire.core.PactFiles;
import io.pactwire.core.internal.Secrets;
import io.pactwire.core.internal.Startup;
import io.pactwire.core.internal.report.Difference;
import io.pactwire.core.internal.report.Mismatches;
import io.pactwire.record.internal.History;
import io.pactwire.record.internal.SandboxHttp;
import io.pactwire.record.internal.StateSetup;
import io.pactwire.record.internal.Timeline;
import io.pactwire.verifier.internal.VerifierEngine;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Watches a third party's live sandbox for drift from a pact: replays the pact's HTTP interactions
 * against it, judges each response with the pact's matching rules through the engine of {@code
 * pactwire verify}, appends the run to a history (JSON lines) and reports the drift no earlier run
 * saw.
 *
 * <pre>{@code
 * MonitorRun run =
 *     DriftMonitor.newInstance(Path.of("pacts/checkout-service-paypal-orders.json"),
 *             URI.create("https://api-m.sandbox.paypal.com"))
 *         .history(Path.of(".pactwire/monitor"))
 *         .build()
 *         .run();
 * System.exit(run.exitCode());
 * }</pre>
 *
 * <p>Only safe methods (GET, HEAD, OPTIONS) are replayed unless {@link Builder#allowWrites}. A
 * redacted credential ({@code Authorization: Bearer <redacted>}, {@code ?api_key=<redacted>}) is
 * filled in from the environment variable {@code PACTWIRE_SECRET_<NAME>} ({@code
 * PACTWIRE_SECRET_AUTHORIZATION}, or {@code PACTWIRE_SECRET_AUTHORIZATION_BEARER} for the {@code
 * Bearer} scheme alone; {@code PACTWIRE_SECRET_API_KEY}); its value is never written to the history
 * or a report.
 *
 * @since 0.1.0
 */
public final class DriftMonitor {

  /** How a run or a history is rendered. */
  public enum Format {
    /** One line per call, for a terminal or a CI log. */
    TEXT,
    /** A timeline per interaction, as Markdown. */
    MARKDOWN,
    /** A timeline per interaction, as a standalone HTML page. */
    HTML
  }

  /** The prefix of the environment variables that hold credentials. */
  public static final String SECRET_PREFIX = "PACTWIRE_SECRET_";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String REDACTED = "<redacted>";
  private static final ObjectMapper JSON = new ObjectMapper();
  // request bodies are sent with their numbers as written: 49.80, not 49.8
  private static final ObjectMapper BODY_JSON =
      com.fasterxml.jackson.databind.json.JsonMapper.builder()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(
              com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private final Builder settings;

  private DriftMonitor(Builder settings) {
    this.settings = settings;
  }

  /** Starts a monitor of the sandbox at {@code baseUrl} against {@code pact}. */
  public static Builder newInstance(Path pact, URI baseUrl) {
    return new Builder(pact, baseUrl);
  }

  /**
   * Replays the pact, appends the run to the history and returns it.
   *
   * @throws MonitorInputException for a pact that cannot be read or has no HTTP interactions, and
   *     for a corrupt history (left unchanged)
   */
  public MonitorRun run() {
    Startup.consumer();
    Pact pact;
    try {
      pact = PactFiles.read(settings.pact);
    } catch (PactFileException e) {
      throw new MonitorInputException(e.getMessage().replaceAll("\\s*\\R\\s*", " "));
    }
    List<Replayed> interactions = new ArrayList<>();
    for (Interaction interaction : pact.getInteractions()) {
      RequestResponseInteraction http = asHttp(interaction);
      if (http != null) {
        interactions.add(new Replayed(name(interaction), http));
      }
    }
    if (interactions.isEmpty()) {
      throw new MonitorInputException(
          settings.pact
              + ": has no HTTP interactions to replay ("
              + pact.getInteractions().size()
              + " interactions, none of them HTTP)");
    }
    String consumer = pact.getConsumer().getName();
    String provider = pact.getProvider().getName();
    Path historyFile = historyFile(consumer, provider);
    // found before the sandbox is called, not after a run that could not be kept: the history
    // folder, or the nearest of its parents that exists, is a file
    for (Path dir = settings.historyDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir)) {
        if (!Files.isDirectory(dir)) {
          throw new MonitorInputException(
              dir + ": a file, not a folder: the history goes in a folder");
        }
        break;
      }
    }
    List<ObjectNode> history = History.read(historyFile);
    Map<String, Set<String>> baselines = baselines(history);

    SandboxHttp http =
        new SandboxHttp(settings.timeout, settings.rate, settings.retries, settings.backoff);
    Set<String> secrets = new HashSet<>();
    List<MonitoredCall> calls = new ArrayList<>();
    for (Replayed interaction : interactions) {
      calls.add(replay(interaction, http, baselines, secrets));
    }
    MonitorRun run = new MonitorRun(consumer, provider, calls, historyFile);
    History.append(historyFile, record(run, secrets));
    return run;
  }

  /** The history file of a pact's consumer and provider in the history folder. */
  public Path historyFile(String consumer, String provider) {
    String name =
        new ContractId(consumer, provider).fileIn(settings.historyDir).getFileName().toString();
    return settings.historyDir.resolve(name.replaceAll("\\.json$", "") + ".jsonl");
  }

  /** The run, as {@code pactwire monitor} prints it: one line per call, then a summary. */
  public static String report(MonitorRun run, URI baseUrl) {
    StringBuilder out = new StringBuilder();
    out.append("pactwire monitor: ")
        .append(run.consumer())
        .append(" → ")
        .append(run.provider())
        .append(" at ")
        .append(shown(baseUrl))
        .append('\n');
    int[] counts = new int[MonitoredCall.Outcome.values().length];
    for (MonitoredCall call : run.calls()) {
      counts[call.outcome().ordinal()]++;
      String head =
          String.format(Locale.ROOT, "  %-12s %s", call.outcome().label(), call.request());
      if (!call.interaction().equals(call.request())) {
        head += " ('" + call.interaction() + "')";
      }
      switch (call.outcome()) {
        case OK -> out.append(head).append('\n');
        case DRIFT -> {
          out.append(head).append('\n');
          for (Drift drift : call.drift()) {
            out.append("      ")
                .append(call.newDrift().contains(drift) ? "new:   " : "known: ")
                .append(drift.describe())
                .append('\n');
          }
        }
        default -> out.append(head).append(": ").append(call.note()).append('\n');
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%d interactions: %d ok, %d drift, %d unreachable, %d skipped; history %s%n",
            run.calls().size(),
            counts[0],
            counts[1],
            counts[2],
            counts[3],
            run.history()));
    int fresh = run.newDrift().size();
    int known = run.drift().size() - fresh;
    if (fresh > 0) {
      out.append("New drift since the last run: ")
          .append(fresh)
          .append(known > 0 ? " (and " + known + " known)" : "")
          .append('\n');
    } else if (!run.judgedAny() && counts[2] == 0) {
      out.append("Nothing judged: every call was skipped\n");
    } else if (!run.judgedAny()) {
      out.append("Nothing judged: no call got an answer to judge from ")
          .append(shown(baseUrl))
          .append('\n');
    } else {
      out.append(known > 0 ? "No new drift (" + known + " known)" : "No drift").append('\n');
    }
    return out.toString();
  }

  /**
   * A history as a timeline per interaction.
   *
   * @throws MonitorInputException for a history that is missing or corrupt
   */
  public static String timeline(Path history, Format format) {
    if (!Files.exists(history)) {
      throw new MonitorInputException(history + ": no such history");
    }
    List<ObjectNode> runs = History.read(history);
    return format == Format.HTML ? Timeline.html(runs) : Timeline.markdown(runs);
  }

  // ---------------------------------------------------------------- one call

  private record Replayed(String name, RequestResponseInteraction http) {}

  private MonitoredCall replay(
      Replayed interaction,
      SandboxHttp http,
      Map<String, Set<String>> baselines,
      Set<String> secrets) {
    IRequest request = interaction.http().getRequest();
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String shownRequest = method + " " + request.getPath() + shownQuery(request.getQuery());
    // a pact that holds a credential itself: it is sent, and hidden wherever the answer echoes it
    secrets.addAll(Secrets.carriedBy(request.getHeaders(), request.getQuery()));
    if (!SAFE_METHODS.contains(method) && !settings.allowWrites) {
      return skipped(
          interaction, shownRequest, method + " changes data: replayed only with --allow-writes");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Set<String> missing = new TreeSet<>();
    request
        .getHeaders()
        .forEach((name, values) -> headers.put(name, fill(name, values, missing, secrets)));
    Map<String, List<String>> query = new LinkedHashMap<>();
    request
        .getQuery()
        .forEach((name, values) -> query.put(name, fill(name, values, missing, secrets)));
    byte[] body = request.getBody().isPresent() ? request.getBody().orEmpty() : null;
    if (body != null && holdsRedacted(new String(body, StandardCharsets.UTF_8))) {
      body = fillBody(body, missing, secrets);
      if (body == null) {
        return skipped(
            interaction, shownRequest, "its request body holds a redacted value; not replayed");
      }
    }
    if (!missing.isEmpty()) {
      return skipped(
          interaction,
          shownRequest,
          "needs the credential in "
              + String.join(", ", missing.stream().map(v -> "$" + v).toList())
              + "; not replayed");
    }
    String stateFailure = setUpStates(interaction.http().getProviderStates(), secrets);
    if (stateFailure != null) {
      return skipped(interaction, shownRequest, stateFailure + "; not replayed");
    }
    if (body != null
        && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
      headers.put("Content-Type", List.of(request.getBody().getContentType().toString()));
    }
    URI uri;
    try {
      uri = uri(request.getPath(), query);
    } catch (URISyntaxException e) {
      return skipped(interaction, shownRequest, "cannot build its URL: " + e.getMessage());
    }
    IResponse expected = interaction.http().getResponse();
    SandboxHttp.Answer answer;
    try {
      answer = http.send(new SandboxHttp.Call(method, uri, headers, body), expected.getStatus());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("monitor interrupted", e);
    }
    if (answer.response() == null) {
      return new MonitoredCall(
          interaction.name(),
          shownRequest,
          MonitoredCall.Outcome.UNREACHABLE,
          answer.attempts(),
          List.of(),
          List.of(),
          scrub(
              answer.failure()
                  + (answer.attempts() > 1 ? " (" + answer.attempts() + " attempts)" : "")
                  + "; not judged, not drift",
              secrets));
    }
    List<Drift> drift;
    try {
      drift =
          classify(interaction.name(), VerifierEngine.judge(expected, answer.response()), secrets);
    } catch (Exception e) {
      // pact-jvm's matchers throw on a body they cannot parse: the body is no longer what it was
      drift =
          List.of(
              new Drift(
                  interaction.name(),
                  "body unreadable",
                  "$",
                  "the pact's body",
                  scrub(String.valueOf(e), secrets)));
    }
    Set<String> baseline = baselines.get(interaction.name());
    List<Drift> fresh =
        drift.stream().filter(d -> baseline == null || !baseline.contains(d.identity())).toList();
    return new MonitoredCall(
        interaction.name(),
        shownRequest,
        drift.isEmpty() ? MonitoredCall.Outcome.OK : MonitoredCall.Outcome.DRIFT,
        answer.attempts(),
        drift,
        fresh,
        "");
  }

  /**
   * Runs the state-setup command once per provider state of an interaction, in order; the reason
   * the interaction cannot be replayed, or null when every state was set up (or there is no
   * command).
   */
  private String setUpStates(List<ProviderState> states, Set<String> secrets) {
    if (settings.stateSetup == null) {
      return null;
    }
    for (ProviderState state : states) {
      ObjectNode change = JSON.createObjectNode();
      change.put("state", state.getName());
      change.set("params", JSON.valueToTree(state.getParams()));
      change.put("action", "setup");
      String failure = StateSetup.run(settings.stateSetup, change, settings.timeout);
      if (failure != null) {
        return "state '" + state.getName() + "': " + scrub(failure, secrets);
      }
    }
    return null;
  }

  /** The query as the pact has it (credentials redacted), unencoded. */
  private static String shownQuery(Map<String, List<String>> query) {
    List<String> pairs = new ArrayList<>();
    query.forEach(
        (name, values) ->
            values.forEach(
                v ->
                    pairs.add(
                        v == null
                            ? name
                            : name + "=" + (Secrets.isSecretQueryParameter(name) ? REDACTED : v))));
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  private static MonitoredCall skipped(Replayed interaction, String request, String why) {
    return new MonitoredCall(
        interaction.name(), request, MonitoredCall.Outcome.SKIPPED, 0, List.of(), List.of(), why);
  }

  /** A value with {@code <redacted>} filled in from the environment; the variable when unset. */
  private List<String> fill(
      String name, List<String> values, Set<String> missing, Set<String> secrets) {
    List<String> filled = new ArrayList<>();
    for (String value : values) {
      if (value == null || !value.contains(REDACTED)) {
        filled.add(value);
        continue;
      }
      String variable = SECRET_PREFIX + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
      String prefix = value.substring(0, value.indexOf(REDACTED));
      String scheme = prefix.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
      // one header, two schemes (Basic for the token call, Bearer for the rest): the scheme's own
      // variable first
      if (!scheme.isEmpty() && settings.environment.containsKey(variable + "_" + scheme)) {
        variable = variable + "_" + scheme;
      }
      String secret = settings.environment.get(variable);
      if (secret == null || secret.isEmpty()) {
        missing.add(variable);
        filled.add(value);
        continue;
      }
      secrets.add(secret);
      filled.add(secret.startsWith(prefix) ? secret : value.replace(REDACTED, secret));
    }
    return filled;
  }

  /**
   * Whether a request body holds a redacted value: as written ({@code <redacted>} in JSON or a
   * form) or escaped, as XML writes it ({@code &lt;redacted&gt;}) or a form encodes it.
   */
  private static boolean holdsRedacted(String body) {
    return body.contains(REDACTED)
        || body.contains("&lt;redacted&gt;")
        || body.toLowerCase(java.util.Locale.ROOT).contains("%3credacted%3e");
  }

  /**
   * A JSON body with each {@code <redacted>} value filled in from the variable its path names
   * ({@code $.card.number}: {@code PACTWIRE_SECRET_CARD_NUMBER}); null for a body that is not JSON.
   */
  private byte[] fillBody(byte[] body, Set<String> missing, Set<String> secrets) {
    JsonNode tree;
    try {
      tree = BODY_JSON.readTree(body);
    } catch (java.io.IOException e) {
      return null;
    }
    if (tree == null || !tree.isContainerNode()) {
      return null;
    }
    fillIn(tree, "", missing, secrets);
    try {
      return BODY_JSON.writeValueAsBytes(tree);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private void fillIn(JsonNode node, String path, Set<String> missing, Set<String> secrets) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        String child = path.isEmpty() ? e.getKey() : path + "_" + e.getKey();
        if (e.getValue().isTextual() && e.getValue().asText().equals(REDACTED)) {
          String filled = fill(child, List.of(REDACTED), missing, secrets).get(0);
          e.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(filled));
        } else {
          fillIn(e.getValue(), child, missing, secrets);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        fillIn(element, path, missing, secrets);
      }
    }
  }

  private URI uri(String path, Map<String, List<String>> query) throws URISyntaxException {
    URI base = settings.baseUrl;
    String basePath = base.getPath() == null ? "" : base.getPath();
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    String full = basePath + URLDecoder.decode(path, StandardCharsets.UTF_8);
    String uri =
        new URI(base.getScheme(), null, base.getHost(), base.getPort(), full, null, null)
            .toASCIIString();
    return URI.create(uri + SandboxHttp.query(query));
  }

  /**
   * The drift the verifier's differences stand for. A changed status says it all: the body of
   * another status is not compared with the pact's.
   */
  private static List<Drift> classify(
      String interaction, List<Difference> differences, Set<String> secrets) {
    List<Drift> drift = new ArrayList<>();
    for (Difference d : differences) {
      String kind =
          switch (d.kind()) {
            case "status" -> "status changed";
            case "header" ->
                d.actual() == null || d.actual().isBlank() || mentionsMissing(d.mismatch())
                    ? "header missing"
                    : "header changed";
            case "body" -> {
              if (Mismatches.ABSENT.equals(d.actual())) {
                yield "field gone";
              }
              if (d.expected() == null && d.actual() == null) {
                // no values compared (a body pact-jvm cannot read): what kept it from them
                yield "body not compared";
              }
              yield type(d.expected()).equals(type(d.actual())) ? "value changed" : "field retyped";
            }
            default -> d.kind() + " mismatch";
          };
      Drift one =
          new Drift(
              interaction,
              kind,
              d.path() == null ? "" : d.path(),
              scrub(d.expected(), secrets),
              scrub(
                  "header missing".equals(kind)
                      ? Mismatches.ABSENT
                      // what kept the body from being compared, in the place of its value
                      : "body not compared".equals(kind) ? d.mismatch() : d.actual(),
                  secrets));
      if (kind.equals("status changed")) {
        return List.of(one);
      }
      if (!drift.contains(one)) {
        drift.add(one);
      }
    }
    return drift;
  }

  private static boolean mentionsMissing(String mismatch) {
    return mismatch != null && mismatch.toLowerCase(Locale.ROOT).contains("missing");
  }

  /** The JSON type of a value as a difference shows it; integers and decimals apart. */
  static String type(String json) {
    if (json == null) {
      return "nothing";
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null) {
        return "nothing";
      }
      if (node.isIntegralNumber()) {
        return "integer";
      }
      if (node.isNumber()) {
        return "decimal";
      }
      return node.getNodeType().name().toLowerCase(Locale.ROOT);
    } catch (Exception e) {
      return "string";
    }
  }

  private static String scrub(String text, Set<String> secrets) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      if (secret.length() >= 4) {
        out = out.replace(secret, REDACTED);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- history

  /**
   * For each interaction, the drift of the latest run that judged it: a run in which the sandbox
   * was unreachable makes nothing known nor unknown.
   */
  private static Map<String, Set<String>> baselines(List<ObjectNode> history) {
    Map<String, Set<String>> baselines = new HashMap<>();
    for (ObjectNode run : history) {
      for (JsonNode call : run.path("interactions")) {
        String outcome = call.path("outcome").asText();
        if (!outcome.equals("ok") && !outcome.equals("drift")) {
          continue;
        }
        Set<String> known = new HashSet<>();
        String name = call.path("interaction").asText();
        for (JsonNode d : call.path("drift")) {
          known.add(
              new Drift(
                      name,
                      d.path("kind").asText(),
                      d.path("path").asText(),
                      d.path("expected").asText(null),
                      d.path("actual").asText(null))
                  .identity());
        }
        baselines.put(name, known);
      }
    }
    return baselines;
  }

  private ObjectNode record(MonitorRun run, Set<String> secrets) {
    ObjectNode json = JSON.createObjectNode();
    json.put("at", settings.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    json.put("consumer", run.consumer());
    json.put("provider", run.provider());
    json.put("pact", settings.pact.getFileName().toString());
    json.put("baseUrl", shown(settings.baseUrl));
    ArrayNode calls = json.putArray("interactions");
    for (MonitoredCall call : run.calls()) {
      ObjectNode c = calls.addObject();
      c.put("interaction", call.interaction());
      c.put("request", call.request());
      c.put("outcome", call.outcome().label());
      c.put("attempts", call.attempts());
      if (!call.drift().isEmpty()) {
        ArrayNode drift = c.putArray("drift");
        for (Drift d : call.drift()) {
          ObjectNode one = drift.addObject();
          one.put("kind", d.kind());
          one.put("path", d.path());
          one.put("expected", Drift.shorten(d.expected()));
          one.put("actual", Drift.shorten(d.actual()));
          one.put("new", call.newDrift().contains(d));
        }
      }
      if (!call.note().isEmpty()) {
        c.put("note", scrub(call.note(), secrets));
      }
    }
    return json;
  }

  /** The URL without user information. */
  static String shown(URI url) {
    if (url.getUserInfo() == null) {
      return url.toString();
    }
    try {
      return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null)
          .toString();
    } catch (URISyntaxException e) {
      return url.getScheme() + "://" + url.getHost();
    }
  }

  private static String name(Interaction interaction) {
    List<ProviderState> states = interaction.getProviderStates();
    if (states.isEmpty()) {
      return interaction.getDescription();
    }
    return interaction.getDescription()
        + " given "
        + String.join(" and ", states.stream().map(s -> "'" + s.getName() + "'").toList());
  }

  /** The interaction as pact-jvm's runner verifies it, or null for a message. */
  private static RequestResponseInteraction asHttp(Interaction interaction) {
    if (interaction instanceof V4Interaction.SynchronousHttp v4) {
      return (RequestResponseInteraction) v4.asV3Interaction();
    }
    if (interaction instanceof RequestResponseInteraction v3) {
      return v3;
    }
    SynchronousRequestResponse other = interaction.asSynchronousRequestResponse();
    return other instanceof RequestResponseInteraction v3 ? v3 : null;
  }

  /** Builds a {@link DriftMonitor}; every setting but the pact and the URL has a default. */
  public static final class Builder {
    private final Path pact;
    private final URI baseUrl;
    private Path historyDir = Path.of(".pactwire", "monitor");
    private boolean allowWrites;
    private double rate = 5;
    private Duration timeout = Duration.ofSeconds(10);
    private int retries = 2;
    private Duration backoff = Duration.ofSeconds(1);
    private Map<String, String> environment = System.getenv();
    private Clock clock = Clock.systemUTC();
    private String stateSetup;

    private Builder(Path pact, URI baseUrl) {
      this.pact = Objects.requireNonNull(pact, "pact");
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      String scheme = String.valueOf(baseUrl.getScheme()).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
        throw new MonitorInputException(baseUrl + ": not an http:// or https:// URL");
      }
    }

    /** The folder of the history files; default {@code .pactwire/monitor}. */
    public Builder history(Path dir) {
      this.historyDir = dir;
      return this;
    }

    /** Replays also interactions whose method changes data (POST, PUT, PATCH, DELETE). */
    public Builder allowWrites(boolean allow) {
      this.allowWrites = allow;
      return this;
    }

    /** Requests per second at most, retries included; default 5. */
    public Builder rate(double perSecond) {
      this.rate = perSecond;
      return this;
    }

    /** How long a request may take; default 10 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** How often a call that got no judgeable answer is sent again; default 2. */
    public Builder retries(int retries) {
      this.retries = Math.max(0, retries);
      return this;
    }

    /** The pause before the first retry, doubled for each further one; default 1 s. */
    public Builder backoff(Duration pause) {
      this.backoff = pause;
      return this;
    }

    /**
     * A shell command that sets up each provider state of an interaction before it is replayed;
     * default none (interactions are replayed whatever their states). It gets the state as Pact's
     * state-change body on standard input ({@code {"state", "params", "action": "setup"}}) and in
     * {@code PACTWIRE_STATE}, {@code PACTWIRE_STATE_PARAMS} (JSON) and {@code
     * PACTWIRE_STATE_ACTION}; an interaction whose setup exits non-zero or outlasts the timeout is
     * skipped, not judged.
     */
    public Builder stateSetup(String command) {
      this.stateSetup = command == null || command.isBlank() ? null : command;
      return this;
    }

    /** Where credentials are read from; default the process's environment. */
    public Builder environment(Map<String, String> variables) {
      this.environment = Map.copyOf(variables);
      return this;
    }

    /** The clock that stamps runs; default UTC. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Builds the monitor. */
    public DriftMonitor build() {
      return new DriftMonitor(this);
    }
  }
}
