package io.pactwire.verifier.internal;

import au.com.dius.pact.core.matchers.generators.ArrayContainsJsonGenerator;
import au.com.dius.pact.core.matchers.generators.DefaultResponseGenerator;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.RequestResponseInteraction;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.UnknownPactSource;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.generators.GeneratorTestMode;
import au.com.dius.pact.core.model.matchingrules.MatchingRules;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.core.internal.BoundedRegex;
import io.pactwire.core.internal.PactReader;
import io.pactwire.core.internal.Secrets;
import io.pactwire.core.internal.report.Difference;
import io.pactwire.core.internal.report.Exchange;
import io.pactwire.core.internal.report.ExchangeTexts;
import io.pactwire.core.internal.report.FailureText;
import io.pactwire.core.internal.report.InteractionResult;
import io.pactwire.core.internal.report.Mismatches;
import io.pactwire.core.internal.report.VerifiedInteraction;
import io.pactwire.verifier.VerifierInputException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Verifies a provider over HTTP: reads its pacts once, sets up provider states through the
 * state-change URL, sends each interaction's request (or, for a message, POSTs its description and
 * states to the messages URL) and judges the answer with pact-jvm's matching.
 *
 * <p>Interactions without provider states are verified in parallel; those with states one at a time
 * afterwards, since their states share the provider's data.
 */
public final class VerifierEngine {

  /**
   * What a run verified, and what it could not.
   *
   * @param pending for each interaction, whether it is pending (V4 {@code "pending": true}): its
   *     failure is reported but does not fail the run
   * @param elapsed how long the verification took, once the pacts were read
   * @param phases where the time went
   */
  public record Run(
      List<VerifiedInteraction> interactions,
      List<Boolean> pending,
      List<String> skippedDescriptions,
      Duration elapsed,
      Phases phases) {

    /** How many message interactions were not verified. */
    public int skippedMessages() {
      return skippedDescriptions.size();
    }

    /** Whether every interaction that is not pending passed. */
    public boolean success() {
      for (int i = 0; i < interactions.size(); i++) {
        if (!interactions.get(i).result().success() && !pending.get(i)) {
          return false;
        }
      }
      return true;
    }

    /** The pending interactions that failed: reported, not failing the run. */
    public List<VerifiedInteraction> pendingFailures() {
      List<VerifiedInteraction> failed = new ArrayList<>();
      for (int i = 0; i < interactions.size(); i++) {
        if (!interactions.get(i).result().success() && pending.get(i)) {
          failed.add(interactions.get(i));
        }
      }
      return failed;
    }
  }

  /**
   * Where a run's time went.
   *
   * @param reading reading and checking the pacts
   * @param stateless verifying the interactions without provider states, in parallel
   * @param stateful verifying those with provider states, one at a time
   */
  public record Phases(Duration reading, Duration stateless, Duration stateful) {}

  /** The header a message's metadata comes in, base64-encoded JSON, by the Pact convention. */
  static final String METADATA_HEADER = "Pact-Message-Metadata";

  /**
   * Made on first use (a state change, a message, the warm-up): its class's initialisation costs a
   * start-up tens of milliseconds, which would otherwise come before the warm-up starts.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final VerifyConfig config;
  private final boolean exchanges;
  private ProviderHttp http;

  private VerifierEngine(VerifyConfig config, boolean exchanges) {
    this.config = config;
    this.exchanges = exchanges;
  }

  /**
   * Runs the verification, recording each interaction's exchange.
   *
   * @param progress told how many interactions are done after each one; may be null
   * @throws VerifierInputException for an unreadable pact, no pact, or an unreachable provider
   */
  public static Run run(VerifyConfig config, IntConsumer progress) {
    return run(config, progress, true);
  }

  /**
   * Runs the verification.
   *
   * @param progress told how many interactions are done after each one; may be null
   * @param exchanges whether each result carries its {@link Exchange} (request, expected and actual
   *     response as text, for the JSON and HTML reports); without, it is null, and the
   *     pretty-printing of every body, a tenth of a verification's work, is left undone
   * @throws VerifierInputException for an unreadable pact, no pact, or an unreachable provider
   */
  public static Run run(VerifyConfig config, IntConsumer progress, boolean exchanges) {
    return new VerifierEngine(config, exchanges).run(progress == null ? n -> {} : progress);
  }

  private static final AtomicBoolean PREPARING = new AtomicBoolean();

  /**
   * Once per process, on a daemon thread, loads and runs what every verification needs first (a
   * made-up pact read and checked, its interaction generated and judged, never sent anywhere), so
   * that a caller with other work before {@link #run} (a command line to parse) overlaps the two.
   * Returns at once; a verification that gets there first waits only for the classes it shares.
   */
  public static void prepare() {
    if (!PREPARING.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(VerifierEngine::warmUp, "pactwire-verify-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** One interaction to verify; {@code http} is null for a message. */
  private record Task(
      PactSet.Loaded pact,
      Interaction interaction,
      RequestResponseInteraction http,
      int index,
      boolean pendingPact) {

    /** Pending on its own (V4 {@code "pending": true}) or as part of a pending pact. */
    boolean pending() {
      return pendingPact || (interaction instanceof V4Interaction v4 && v4.getPending());
    }
  }

  private Run run(IntConsumer progress) {
    long begin = System.nanoTime();
    ThreadPoolExecutor pool = threads(config.parallel());
    // the pacts are read on threads of their own, while the pool makes the HTTP client and
    // prepare() the matching engine ready (unless the caller started it already): each loads
    // hundreds of classes, which would otherwise wait for the reading
    ThreadPoolExecutor reading = threads(Math.max(2, config.parallel()));
    try {
      Future<ProviderHttp> client =
          pool.submit(
              () ->
                  new ProviderHttp(
                      config.baseUrl(),
                      config.timeout(),
                      config.maxBodyBytes(),
                      // the pool's threads, and the caller's for state changes
                      config.parallel() + 1));
      prepare();
      List<PactSet.Loaded> pacts;
      try {
        pacts = PactSet.load(config, reading);
      } finally {
        stop(reading);
      }
      http = client.get();
      try {
        return run(pacts, pool, progress, System.nanoTime() - begin);
      } finally {
        http.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("verification interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      stop(pool);
    }
  }

  private static ThreadPoolExecutor threads(int count) {
    return new ThreadPoolExecutor(
        count,
        count,
        0,
        TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "pactwire-verify");
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Drops the tasks not started and lets the running ones end, without interrupting them: a thread
   * interrupted while it initialises one of pact-jvm's classes (its content types read Tika's media
   * type registry, which gives up when interrupted) leaves that class unusable for the rest of the
   * JVM's life.
   */
  private static void stop(ThreadPoolExecutor pool) {
    pool.getQueue().clear();
    pool.shutdown();
  }

  private Run run(
      List<PactSet.Loaded> pacts, ExecutorService pool, IntConsumer progress, long reading)
      throws InterruptedException, ExecutionException {
    List<Task> stateless = new ArrayList<>();
    List<Task> stateful = new ArrayList<>();
    List<String> skippedMessages = new ArrayList<>();
    int index = 0;
    for (PactSet.Loaded pact : pacts) {
      for (Interaction interaction : pact.pact().getInteractions()) {
        RequestResponseInteraction http = asHttp(interaction);
        if (http == null
            && !(config.messagesUrl() != null && MessageCheck.isMessage(interaction))) {
          skippedMessages.add(
              pact.pact().getConsumer().getName()
                  + " → "
                  + pact.pact().getProvider().getName()
                  + ": "
                  + interaction.getDescription()
                  + " ("
                  + pact.file()
                  + ")");
          continue;
        }
        Task task = new Task(pact, interaction, http, index++, config.pending(pact.file()));
        (interaction.getProviderStates().isEmpty() ? stateless : stateful).add(task);
      }
    }
    requireReachable("provider", shown(config.baseUrl()), config.baseUrl());
    if (config.messagesUrl() != null
        && Stream.concat(stateless.stream(), stateful.stream()).anyMatch(t -> t.http() == null)) {
      requireReachable("messages URL", shown(config.messagesUrl()), config.messagesUrl());
    }
    if (!stateful.isEmpty() && config.stateChangeUrl() != null) {
      requireReachable("state-change URL", shown(config.stateChangeUrl()), config.stateChangeUrl());
    }

    long start = System.nanoTime();
    VerifiedInteraction[] results = new VerifiedInteraction[index];
    AtomicInteger done = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (Task task : stateless) {
      futures.add(
          pool.submit(
              () -> {
                results[task.index()] = judge(send(task), exchanges);
                progress.accept(done.incrementAndGet());
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    long statelessDone = System.nanoTime();
    // One at a time with the provider; each response is judged on the pool while the next
    // interaction's states are set up, since judging never talks to the provider.
    futures.clear();
    for (Task task : stateful) {
      Sent sent = send(task);
      futures.add(
          pool.submit(
              () -> {
                results[task.index()] = judge(sent, exchanges);
                progress.accept(done.incrementAndGet());
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    long end = System.nanoTime();
    Boolean[] pending = new Boolean[index];
    Stream.concat(stateless.stream(), stateful.stream())
        .forEach(t -> pending[t.index()] = t.pending());
    return new Run(
        List.of(results),
        List.of(pending),
        List.copyOf(skippedMessages),
        Duration.ofNanos(end - start),
        new Phases(
            Duration.ofNanos(reading),
            Duration.ofNanos(statelessDone - start),
            Duration.ofNanos(end - statelessDone)));
  }

  /** A made-up interaction for {@link #warmUp()}: a JSON body under the common matchers. */
  private static final String WARM_UP_PACT =
      "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},\"interactions\":[{"
          + "\"description\":\"warm-up\",\"request\":{\"method\":\"POST\",\"path\":\"/w\","
          + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"n\":1}},"
          + "\"response\":{\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
          + "\"body\":{\"id\":1,\"name\":\"w\",\"price\":1.5,\"tags\":[\"a\"]},"
          + "\"matchingRules\":{\"body\":{\"$.id\":{\"matchers\":[{\"match\":\"integer\"}]},"
          + "\"$.name\":{\"matchers\":[{\"match\":\"regex\",\"regex\":\"\\\\w+\"}]},"
          + "\"$.price\":{\"matchers\":[{\"match\":\"decimal\"}]},"
          + "\"$.tags\":{\"matchers\":[{\"match\":\"type\",\"min\":1}]}}}}}],"
          + "\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}}}";

  /**
   * Loads, generates, matches and describes a made-up interaction, never sent anywhere, then checks
   * it, while the pacts are read: the classes of pact-jvm's reader, generators and matchers are
   * then loaded (and their first calls compiled) when the first real response arrives. Nothing of
   * it is kept.
   *
   * <p>pact-jvm's content types come first: their class reads Tika's registry of media types (a
   * third of a megabyte of XML) as it initialises, and every pact-jvm load of a pact waits for
   * that, so it is the longest step before the first request. The shape check and Jackson's mapper
   * (for state changes, which come last) can wait: the check of the real pacts loads its classes
   * itself.
   */
  private static void warmUp() {
    try {
      ContentType.getJSON();
      Pact pact =
          DefaultPactReader.INSTANCE.pactFromJson(
              (JsonValue.Object) JsonParser.INSTANCE.parseString(WARM_UP_PACT),
              UnknownPactSource.INSTANCE);
      Interaction interaction = pact.getInteractions().get(0);
      RequestResponseInteraction http = asHttp(interaction);
      Map<String, Object> context = new HashMap<>();
      context.put("providerState", new HashMap<String, Object>());
      context.put("interaction", interaction);
      context.put("pending", false);
      context.put("ArrayContainsJsonGenerator", ArrayContainsJsonGenerator.INSTANCE);
      IResponse expected =
          DefaultResponseGenerator.INSTANCE.generateResponse(
              http.getResponse(), context, GeneratorTestMode.Provider, List.of(), Map.of());
      IRequest request = http.getRequest().generatedRequest(context, GeneratorTestMode.Provider);
      Response actual =
          new Response(
              200,
              Map.of("Content-Type", List.of("application/json")),
              OptionalBody.body(
                  "{\"id\":2,\"name\":\"x\",\"price\":2.5,\"tags\":[\"b\",\"c\"]}"
                      .getBytes(StandardCharsets.UTF_8),
                  ContentType.getJSON()));
      Task task =
          new Task(new PactSet.Loaded(Path.of("warm-up"), "", pact), interaction, http, 0, false);
      judge(new Sent(task, List.of(), List.of(), request, expected, actual, null), false);
      PactReader.check(Path.of("warm-up"), WARM_UP_PACT);
      Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(Map.of("state", "s")), Object.class);
    } catch (IOException | RuntimeException | LinkageError e) {
      // only a head start: the real interactions load whatever this did not
    }
  }

  /**
   * Judges one response as a verification does: read as pact-jvm's provider client reads it, then
   * matched against {@code expected} with pact-jvm's engine. The differences; none when it passes.
   */
  public static List<Difference> judge(IResponse expected, HttpResponse<byte[]> actual) {
    return Mismatches.differences(ResponseCheck.mismatches(expected, ProviderHttp.toPact(actual)));
  }

  /** The interaction as pact-jvm's JUnit 5 runner verifies it, or null for a message. */
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

  // a URL as messages and reports show it: no user information, no credential in its query
  private static String shown(java.net.URI url) {
    return Secrets.shownUrl(url.toString());
  }

  private void requireReachable(String what, String shown, java.net.URI url) {
    String why = ProviderHttp.unreachable(url, config.timeout());
    if (why != null) {
      throw new VerifierInputException("cannot reach the " + what + " at " + shown + ": " + why);
    }
  }

  /**
   * What the provider answered for one interaction, before it is judged: a response, or for a
   * message the message it produced.
   */
  private record Sent(
      Task task,
      List<String> states,
      List<Difference> failures,
      IRequest request,
      IResponse expected,
      Response actual,
      Produced produced) {}

  /** A message as the provider produced it: its contents and its metadata. */
  private record Produced(OptionalBody contents, Map<String, Object> metadata) {}

  /** Sets up the states, sends the request, tears the states down. */
  private Sent send(Task task) throws InterruptedException {
    Interaction interaction = task.interaction();
    List<String> states =
        interaction.getProviderStates().stream().map(VerifierEngine::describe).toList();
    List<Difference> failures = new ArrayList<>();
    Map<String, Object> providerState = new HashMap<>();
    IRequest request = task.http() == null ? null : task.http().getRequest();
    IResponse expected = task.http() == null ? null : task.http().getResponse();
    Response actual = null;
    for (ProviderState state : interaction.getProviderStates()) {
      providerState.putAll(state.getParams());
      String failure = stateChange(state, "setup", interaction, providerState);
      if (failure != null) {
        failures.add(Differences.stateChangeFailed(failure));
        return new Sent(task, states, failures, request, expected, null, null);
      }
    }
    if (task.http() == null) {
      try {
        return new Sent(task, states, failures, null, null, null, produce(interaction, failures));
      } finally {
        for (ProviderState state : interaction.getProviderStates()) {
          stateChange(state, "teardown", interaction, new HashMap<>());
        }
      }
    }
    try {
      Map<String, Object> context = new HashMap<>();
      context.put("providerState", providerState);
      context.put("interaction", interaction);
      context.put("pending", false);
      context.put("ArrayContainsJsonGenerator", ArrayContainsJsonGenerator.INSTANCE);
      expected =
          DefaultResponseGenerator.INSTANCE.generateResponse(
              task.http().getResponse(), context, GeneratorTestMode.Provider, List.of(), Map.of());
      request = task.http().getRequest().generatedRequest(context, GeneratorTestMode.Provider);
      ProviderHttp.Answer answer = http.send(request);
      if (answer.response() == null) {
        failures.add(Differences.requestFailed(answer.failure()));
      } else {
        actual = answer.response();
      }
    } catch (RuntimeException e) {
      failures.add(Differences.requestFailed(String.valueOf(e)));
    } finally {
      for (ProviderState state : interaction.getProviderStates()) {
        stateChange(state, "teardown", interaction, new HashMap<>());
      }
    }
    return new Sent(task, states, failures, request, expected, actual, null);
  }

  /**
   * POSTs {@code {"description", "providerStates"}} to the messages URL, as the Pact convention has
   * it; the answer's body is the message, its {@value #METADATA_HEADER} header (base64 JSON) the
   * metadata, and its Content-Type the content type when the metadata names none.
   *
   * @return the message, or null when there is none (the reason added to {@code failures})
   */
  private Produced produce(Interaction interaction, List<Difference> failures)
      throws InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("description", interaction.getDescription());
    List<Map<String, Object>> states = new ArrayList<>();
    for (ProviderState state : interaction.getProviderStates()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("name", state.getName());
      one.put("params", state.getParams());
      states.add(one);
    }
    body.put("providerStates", states);
    String what =
        "POST " + shown(config.messagesUrl()) + " (message '" + interaction.getDescription() + "')";
    try {
      ProviderHttp.Reply response =
          http.postForBody(config.messagesUrl(), Json.MAPPER.writeValueAsString(body));
      if (response.status() >= 400) {
        String answer = response.text().strip();
        if (answer.length() > 200) {
          answer = answer.substring(0, 200) + "…";
        }
        failures.add(
            Differences.requestFailed(
                what
                    + " answered "
                    + response.status()
                    + (answer.isEmpty() ? "" : ": " + answer.replace('\n', ' '))));
        return null;
      }
      Map<String, Object> metadata = new LinkedHashMap<>();
      String encoded = response.header(METADATA_HEADER);
      if (encoded != null && !encoded.isBlank()) {
        try {
          Object parsed =
              Json.MAPPER.readValue(Base64.getDecoder().decode(encoded.strip()), Object.class);
          if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a JSON object");
          }
          map.forEach((k, v) -> metadata.put(String.valueOf(k), v));
        } catch (IOException | IllegalArgumentException e) {
          failures.add(
              Differences.requestFailed(
                  what
                      + " answered a "
                      + METADATA_HEADER
                      + " header that is not a base64-encoded JSON object: "
                      + e.getMessage()));
          return null;
        }
      }
      boolean namesType =
          metadata.keySet().stream()
              .anyMatch(
                  k -> k.equalsIgnoreCase("contentType") || k.equalsIgnoreCase("content-type"));
      String type = response.header("Content-Type");
      if (type != null && !namesType) {
        metadata.put("contentType", type);
      }
      return new Produced(
          OptionalBody.body(response.body(), Message.Companion.contentType(metadata)), metadata);
    } catch (HttpTimeoutException e) {
      failures.add(
          Differences.requestFailed(what + " got no answer within " + http.seconds() + " s"));
    } catch (ProviderHttp.BodyTooLarge e) {
      failures.add(Differences.requestFailed("the message of " + what + " " + e.getMessage()));
    } catch (IOException e) {
      failures.add(Differences.requestFailed(what + " failed: " + e));
    }
    return null;
  }

  /**
   * Judges the response with pact-jvm's matching and records the result, with its exchange when
   * {@code exchanges}.
   */
  private static VerifiedInteraction judge(Sent sent, boolean exchanges) {
    List<Difference> differences = new ArrayList<>(sent.failures());
    if (sent.actual() != null || sent.produced() != null) {
      try {
        boundRegexes(sent);
        differences.addAll(
            Mismatches.differences(
                sent.produced() != null
                    ? MessageCheck.mismatches(
                        sent.task().interaction(),
                        sent.produced().contents(),
                        sent.produced().metadata())
                    : ResponseCheck.mismatches(sent.expected(), sent.actual())));
      } catch (BoundedRegex.TooSlowException e) {
        differences.add(Differences.regexTooSlow(e.getMessage()));
      } catch (Exception e) {
        // pact-jvm's matchers throw on bodies they cannot parse (also checked exceptions, such as
        // SAXParseException, which Kotlin does not declare); its runner fails the interaction
        Difference pacts =
            sent.produced() != null
                ? null
                : Differences.pactBodyUnreadable(sent.expected().getBody());
        differences.add(
            pacts != null
                ? pacts
                : sent.produced() != null
                    ? Differences.notCompared(
                        "the provider's message", sent.produced().contents().getContentType(), e)
                    : Differences.notCompared(
                        "the provider's response body",
                        sent.actual().getBody().getContentType(),
                        e));
      }
    }
    Task task = sent.task();
    Interaction interaction = task.interaction();
    boolean success = differences.isEmpty();
    String provider = task.pact().pact().getProvider().getName();
    String consumer = task.pact().pact().getConsumer().getName();
    String message =
        success
            ? null
            : FailureText.differences(
                interaction.getDescription() + (task.pending() ? " [PENDING]" : ""),
                differences,
                FailureText.where(
                    task.pact().file(),
                    consumer,
                    provider,
                    interaction.getDescription(),
                    sent.states()));
    InteractionResult result =
        new InteractionResult(
            interaction.getDescription(),
            sent.states(),
            success,
            message,
            differences,
            !exchanges ? null : task.http() == null ? messageExchange(sent) : httpExchange(sent),
            task.pending() ? Boolean.TRUE : null);
    return new VerifiedInteraction(
        provider, consumer, task.pact().file(), task.pact().sha256(), result);
  }

  /**
   * Applies each regex rule pact-jvm is about to apply to the answer with a time bound first: a
   * pattern that backtracks without end fails its interaction instead of holding a thread forever.
   */
  private static void boundRegexes(Sent sent) {
    if (sent.produced() != null) {
      MatchingRules rules = MessageCheck.rules(sent.task().interaction());
      BoundedRegex.checkBody(
          rules.rulesForCategory("content").orElse(rules.rulesForCategory("body")),
          sent.produced().contents(),
          "the message");
      Map<String, List<String>> metadata = new LinkedHashMap<>();
      sent.produced().metadata().forEach((k, v) -> metadata.put(k, List.of(String.valueOf(v))));
      BoundedRegex.checkValues(
          rules.rulesForCategory("metadata"), metadata, false, "the message's metadata");
    } else {
      MatchingRules rules = sent.expected().getMatchingRules();
      BoundedRegex.checkBody(
          rules.rulesForCategory("body"), sent.actual().getBody(), "the response body");
      BoundedRegex.checkValues(
          rules.rulesForCategory("header"),
          sent.actual().getHeaders(),
          true,
          "the response header");
    }
  }

  private static Exchange httpExchange(Sent sent) {
    return ExchangeTexts.http(
        sent.request(),
        sent.expected(),
        sent.actual() == null
            ? null
            : ExchangeTexts.message(
                String.valueOf(sent.actual().getStatus()),
                sent.actual().getHeaders(),
                sent.actual().getBody()));
  }

  /** A message's exchange, in the words the JUnit provider module's reports use. */
  private static Exchange messageExchange(Sent sent) {
    Interaction message = sent.task().interaction();
    Produced produced = sent.produced();
    return new Exchange(
        "message: " + message.getDescription(),
        ExchangeTexts.message(
            ExchangeTexts.metadata(MessageCheck.expectedMetadata(message)),
            Map.of(),
            MessageCheck.expectedContents(message)),
        produced == null
            ? null
            : ExchangeTexts.metadata(produced.metadata())
                + "\n\n"
                + ExchangeTexts.pretty(produced.contents().valueAsString()));
  }

  /**
   * POSTs {@code {"state", "params", "action"}} to the state-change URL; adds the values of a JSON
   * object it answers with to {@code values} (pact-jvm hands them to provider-state generators).
   *
   * @return null when done (or when there is no state-change URL), else what went wrong
   */
  private String stateChange(
      ProviderState state, String action, Interaction interaction, Map<String, Object> values)
      throws InterruptedException {
    if (config.stateChangeUrl() == null) {
      return null;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", state.getName());
    body.put("params", state.getParams());
    body.put("action", action);
    String request;
    try {
      request = Json.MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      return "cannot write the state '" + state.getName() + "' as JSON: " + e.getOriginalMessage();
    }
    String what =
        "POST "
            + shown(config.stateChangeUrl())
            + " ("
            + action
            + " of '"
            + state.getName()
            + "' for '"
            + interaction.getDescription()
            + "')";
    try {
      ProviderHttp.Reply response = http.post(config.stateChangeUrl(), request);
      if (response.status() >= 400) {
        String answer = response.text().strip();
        if (answer.length() > 200) {
          answer = answer.substring(0, 200) + "…";
        }
        return what
            + " answered "
            + response.status()
            + (answer.isEmpty() ? "" : ": " + answer.replace('\n', ' '));
      }
      String contentType = String.valueOf(response.header("Content-Type")).toLowerCase(Locale.ROOT);
      String answer = response.text();
      if (contentType.startsWith("application/json") && !answer.isBlank()) {
        try {
          Object parsed = Json.MAPPER.readValue(answer, Object.class);
          if (parsed instanceof Map<?, ?> map) {
            map.forEach((k, v) -> values.put(String.valueOf(k), v));
          }
        } catch (JsonProcessingException e) {
          return what + " answered JSON that cannot be read: " + e.getOriginalMessage();
        }
      }
      return null;
    } catch (HttpTimeoutException e) {
      return what + " got no answer within " + http.seconds() + " s";
    } catch (IOException e) {
      return what + " failed: " + e;
    }
  }

  /** Renders a state as {@code 'name' {param=value, …}}, as the JUnit provider's reports do. */
  static String describe(ProviderState state) {
    Map<String, Object> params = state.getParams();
    String name = "'" + state.getName() + "'";
    if (params == null || params.isEmpty()) {
      return name;
    }
    return name
        + params.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ", " {", "}"));
  }
}
