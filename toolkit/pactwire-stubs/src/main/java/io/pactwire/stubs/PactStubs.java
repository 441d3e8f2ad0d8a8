package io.pactwire.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.pactwire.core.PactFileException;
import io.pactwire.core.PactsDirectory;
import io.pactwire.core.internal.BoundedRegex;
import io.pactwire.stubs.internal.CompiledInteraction;
import io.pactwire.stubs.internal.IndexedStores;
import io.pactwire.stubs.internal.NearMiss;
import io.pactwire.stubs.internal.NearMissRenderer;
import io.pactwire.stubs.internal.PactRequests;
import io.pactwire.stubs.internal.PactsOnly;
import io.pactwire.stubs.internal.StubLoader;
import io.pactwire.stubs.internal.StubLoader.Loaded;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * WireMock stubs served from pacts: each HTTP interaction becomes a stub that answers with the
 * pact's example response and matches requests by the pact's own rules, judged by pact-jvm.
 *
 * <pre>{@code
 * PactStubs stubs = PactStubs.newInstance().provider("inventory-service").build();
 * WireMockServer server = new WireMockServer(stubs.configure(serverOptions().dynamicPort()));
 * server.start();
 * stubs.registerWith(server);
 * }</pre>
 *
 * <p>When two interactions answer the same request, the more specific one answers (see {@link
 * StubbedInteraction#specificity()}), ties broken by description, provider state and file name,
 * never by the order of the files; each such {@link Overlap} is logged when the stubs are built. A
 * request that names a provider state in the {@value #STATE_HEADER} header matches only
 * interactions of that state.
 *
 * @since 0.1.0
 */
public final class PactStubs {

  /** The request header that selects the interactions of one provider state. */
  public static final String STATE_HEADER = "X-Pact-State";

  private static final System.Logger LOG = System.getLogger(PactStubs.class.getName());

  private final List<StubbedInteraction> interactions;
  private final List<CompiledInteraction> compiled;
  private final List<StubMapping> mappings;
  private final List<Overlap> overlaps;
  private final AtomicBoolean prepared = new AtomicBoolean();

  private PactStubs(
      List<StubbedInteraction> interactions,
      List<CompiledInteraction> compiled,
      List<StubMapping> mappings,
      List<Overlap> overlaps) {
    this.interactions = interactions;
    this.compiled = compiled;
    this.mappings = mappings;
    this.overlaps = overlaps;
  }

  /**
   * Starts a builder; by default it serves every HTTP interaction of the project's pacts folder.
   */
  public static Builder newInstance() {
    return new Builder();
  }

  /** The interactions served, most specific first. */
  public List<StubbedInteraction> interactions() {
    return interactions;
  }

  /** The WireMock stub mappings, one per interaction, most specific first. */
  public List<StubMapping> mappings() {
    return mappings.stream()
        .map(m -> StubMapping.buildFrom(StubMapping.buildJsonStringFor(m)))
        .toList();
  }

  /** The pairs of interactions that answer the same request, and which one answers it. */
  public List<Overlap> overlaps() {
    return overlaps;
  }

  /**
   * WireMock's default options for a server that serves pact stubs and nothing else, as {@code
   * pactwire stub} and {@code @PactwireStubs} start one: no mapping file is loaded (WireMock's
   * defaults load every one under {@code src/test/resources/mappings}, where a project keeps its
   * hand-written stubs, which would answer beside the pact's and hide a drift from the near-miss
   * report) and none is written; a reset of the server to its defaults ({@code resetAll}) serves
   * the stubs registered on it again.
   *
   * @since 0.1.0
   */
  public static WireMockConfiguration serverOptions() {
    return PactsOnly.options();
  }

  /**
   * Adds what the stubs need to a WireMock configuration: the {@link PactRequestMatcher} extension,
   * the near-miss report for a request no stub answers, and an index of the stubs by method and
   * literal path, so that a request is judged only against the stubs that can answer it.
   *
   * <p>The index wraps the stores {@code options} holds when this is called, so set a files root or
   * other stores before, not after.
   */
  public WireMockConfiguration configure(WireMockConfiguration options) {
    return configure(options, () -> compiled);
  }

  private static WireMockConfiguration configure(
      WireMockConfiguration options, Supplier<List<CompiledInteraction>> compiled) {
    PactRequestMatcher matcher = new PactRequestMatcher();
    return options
        .withStores(new IndexedStores(options.getStores(), matcher, PactRequestMatcher::direct))
        .extensions(matcher)
        .notMatchedRendererFactory(extensions -> new NearMissRenderer(compiled));
  }

  /**
   * Adds the stubs to a server configured with {@link #configure(WireMockConfiguration)}.
   *
   * <p>The server answers at once; each stub's pact is parsed back by pact-jvm on a background
   * thread, or by the first request that asks the stub, whichever comes first.
   */
  public void registerWith(WireMockServer server) {
    register(server);
    prepareInBackground();
  }

  private void register(WireMockServer server) {
    for (StubMapping mapping : mappings) {
      server.addStubMapping(copy(mapping));
    }
    if (server.getOptions().mappingsLoader() instanceof PactsOnly.Defaults defaults) {
      // WireMock's resetAll, as a test may call between tests, then serves these stubs again
      defaults.serve(() -> mappings.stream().map(PactStubs::copy).toList());
    }
  }

  private void prepareInBackground() {
    if (!prepared.getAndSet(true)) {
      Thread prepare =
          new Thread(
              () -> compiled.forEach(CompiledInteraction::prepare), "pactwire-stubs-prepare");
      prepare.setDaemon(true);
      prepare.start();
    }
  }

  /**
   * A stub of its own for one server: WireMock keeps a stub's insertion order in the stub itself,
   * while its request pattern and response are never changed and can be shared. (A copy through
   * JSON, as {@link #mappings()} makes, costs more than building the stubs.)
   */
  private static StubMapping copy(StubMapping mapping) {
    StubMapping copy = new StubMapping(mapping.getRequest(), mapping.getResponse());
    copy.setId(mapping.getId());
    copy.setName(mapping.getName());
    copy.setPersistent(mapping.isPersistent());
    copy.setPriority(mapping.getPriority());
    copy.setScenarioName(mapping.getScenarioName());
    copy.setRequiredScenarioState(mapping.getRequiredScenarioState());
    copy.setNewScenarioState(mapping.getNewScenarioState());
    copy.setPostServeActions(mapping.getPostServeActions());
    copy.setServeEventListenerDefinitions(mapping.getServeEventListeners());
    copy.setMetadata(mapping.getMetadata());
    return copy;
  }

  /**
   * The near-miss report for a request no stub answered: the closest interaction and what differed,
   * path by path.
   */
  public String nearMiss(com.github.tomakehurst.wiremock.http.Request request) {
    return NearMiss.report(compiled, PactRequests.of(request), PactRequests.states(request));
  }

  /** The interactions as the matcher judges them, in the order of {@link #interactions()}. */
  List<CompiledInteraction> compiled() {
    return compiled;
  }

  /**
   * Stubs and the started server that serves them, as {@link Builder#start(WireMockConfiguration)}
   * gives them.
   *
   * @param stubs the stubs served
   * @param server the server, listening
   * @since 0.1.0
   */
  public record Started(PactStubs stubs, WireMockServer server) {}

  /**
   * Builds {@link PactStubs}; by default from the project's pacts folder ({@link
   * PactsDirectory#locate()}), every provider, every provider state.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private Path pacts;
    private String provider;
    private final Set<String> states = new LinkedHashSet<>();

    private Builder() {}

    /** Reads the pacts directly in this folder (not its subfolders) or this one file. */
    public Builder pacts(Path folderOrFile) {
      this.pacts = folderOrFile;
      return this;
    }

    /** Serves only the pacts of this provider. */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /**
     * Serves only the interactions of these provider states, and those without any state (an
     * interaction of several states when one of them is chosen); by default all.
     */
    public Builder states(String... states) {
      Collections.addAll(this.states, states);
      return this;
    }

    /**
     * Reads the pacts and builds the stubs.
     *
     * @throws PactFileException naming the file, the interaction and the JSON path of a pact that
     *     cannot be read or of a rule a stub could not keep
     */
    public PactStubs build() {
      Path folder = pacts == null ? PactsDirectory.locate() : pacts;
      List<Loaded> loaded = new ArrayList<>();
      for (Path file : StubLoader.files(folder)) {
        for (Loaded one : StubLoader.load(file, provider)) {
          if (states.isEmpty()
              || one.compiled().states().isEmpty()
              || one.compiled().states().stream().anyMatch(states::contains)) {
            loaded.add(one);
          }
        }
      }
      if (loaded.isEmpty()) {
        throw new PactFileException(
            folder,
            "",
            "no HTTP interaction"
                + (provider == null ? "" : " with provider \"" + provider + "\"")
                + (states.isEmpty() ? "" : " in provider states " + states)
                + " to serve",
            null);
      }
      loaded.sort(
          Comparator.comparingInt(Loaded::specificity)
              .reversed()
              .thenComparing(l -> l.compiled().description())
              .thenComparing(l -> String.join(",", l.compiled().states()))
              .thenComparing(l -> l.pactFile().getFileName().toString())
              .thenComparing(Loaded::location));
      List<StubbedInteraction> interactions = new ArrayList<>();
      List<CompiledInteraction> compiled = new ArrayList<>();
      for (int i = 0; i < loaded.size(); i++) {
        Loaded one = loaded.get(i);
        StubbedInteraction stubbed =
            new StubbedInteraction(
                one.pactFile(),
                one.location(),
                one.consumer(),
                one.provider(),
                one.compiled().description(),
                one.compiled().states(),
                one.specificity(),
                i + 1);
        interactions.add(stubbed);
        compiled.add(one.compiled());
      }
      List<StubMapping> mappings =
          IntStream.range(0, loaded.size())
              .parallel()
              .mapToObj(i -> mapping(loaded.get(i), interactions.get(i)))
              .toList();
      List<Overlap> overlaps = overlaps(loaded, interactions);
      for (Overlap overlap : overlaps) {
        LOG.log(Level.INFO, overlap.toString());
      }
      return new PactStubs(
          List.copyOf(interactions), List.copyOf(compiled), List.copyOf(mappings), overlaps);
    }

    /**
     * Builds the stubs and a WireMock server that serves them, and starts it: what {@link
     * #build()}, {@link PactStubs#configure(WireMockConfiguration)}, {@code start()} and {@link
     * PactStubs#registerWith(WireMockServer)} do one after the other, sooner. The server is made
     * (WireMock and Jetty set up, most of a server's start-up) while the pacts are read, which two
     * cores do side by side, and listens only once every stub is registered: a client that waits
     * for the port never meets a server without its stubs.
     *
     * @param options the server's options, as for {@link
     *     PactStubs#configure(WireMockConfiguration)}
     * @throws PactFileException as {@link #build()} does, before the server listens
     * @throws com.github.tomakehurst.wiremock.common.FatalStartupException when the server cannot
     *     listen
     */
    public Started start(WireMockConfiguration options) {
      CompletableFuture<PactStubs> building = new CompletableFuture<>();
      Thread builder =
          new Thread(
              () -> {
                try {
                  building.complete(build());
                } catch (Throwable e) {
                  building.completeExceptionally(e);
                }
              },
              "pactwire-stubs-build");
      builder.setDaemon(true);
      builder.start();
      WireMockServer server;
      try {
        server = new WireMockServer(configure(options, () -> built(building).compiled));
      } catch (RuntimeException e) {
        built(building); // a pact that cannot be read is reported first
        throw e;
      }
      PactStubs stubs = built(building);
      stubs.register(server);
      server.start();
      stubs.prepareInBackground();
      return new Started(stubs, server);
    }

    /** The stubs built on another thread, or what stopped them, as {@link #build()} throws it. */
    private static PactStubs built(CompletableFuture<PactStubs> building) {
      try {
        return building.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        if (e.getCause() instanceof Error cause) {
          throw cause;
        }
        throw e;
      }
    }

    private static StubMapping mapping(Loaded one, StubbedInteraction stubbed) {
      CompiledInteraction compiled = one.compiled();
      IRequest request = one.request();
      UrlPattern url;
      if (one.literalPath() != null) {
        url = urlPathEqualTo(one.literalPath().isEmpty() ? "/" : one.literalPath());
      } else if (one.pathRegex() != null) {
        // Not WireMock's urlPathMatching: it would apply the pact's regex without a time bound,
        // and a pattern that backtracks without end would hold a server thread. The pact matcher
        // applies it with BoundedRegex.
        url = anyUrl();
      } else {
        url = anyUrl();
      }
      String method = request.getMethod() == null ? "GET" : request.getMethod();
      Map<String, Object> parameters = new LinkedHashMap<>();
      parameters.put(PactRequestMatcher.ID, compiled.id());
      parameters.put(PactRequestMatcher.SOURCE, compiled.source());
      parameters.put(PactRequestMatcher.STATES, compiled.states());
      parameters.put(PactRequestMatcher.PACT, compiled.pactText());
      MappingBuilder builder =
          WireMock.request(method.toUpperCase(Locale.ROOT), url)
              .andMatching(PactRequestMatcher.NAME, Parameters.from(parameters))
              .atPriority(stubbed.priority())
              .withId(UUID.nameUUIDFromBytes(compiled.id().getBytes(StandardCharsets.UTF_8)))
              .withName(stubbed.description())
              .withMetadata(
                  Metadata.metadata()
                      .attr("pactFile", stubbed.pactFile().toString())
                      .attr("location", stubbed.location())
                      .attr("consumer", stubbed.consumer())
                      .attr("provider", stubbed.provider())
                      .attr("states", stubbed.states())
                      .attr("specificity", stubbed.specificity())
                      .build())
              .willReturn(response(one.response()));
      return builder.build();
    }

    private static ResponseDefinitionBuilder response(IResponse response) {
      ResponseDefinitionBuilder builder = aResponse().withStatus(response.getStatus());
      boolean hasContentType = false;
      for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
        builder.withHeader(header.getKey(), header.getValue().toArray(String[]::new));
        hasContentType |= header.getKey().equalsIgnoreCase("Content-Type");
      }
      if (response.getBody().isPresent()) {
        if (!hasContentType && response.getBody().getContentType() != null) {
          String type = response.getBody().getContentType().toString();
          if (!type.isEmpty()) {
            builder.withHeader("Content-Type", type);
          }
        }
        builder.withBody(response.getBody().getValue());
      }
      return builder;
    }

    /**
     * The pairs of interactions that answer each other's example. Only interactions that can answer
     * the same request are compared: indexed by method and literal path, an interaction is compared
     * with those of its own method and path, and with those of its method whose path is a pattern;
     * so a pact of many distinct paths costs about one comparison per interaction, not one per
     * pair.
     */
    private static List<Overlap> overlaps(List<Loaded> loaded, List<StubbedInteraction> stubbed) {
      Map<String, Map<String, List<Integer>>> byPath = new LinkedHashMap<>();
      Map<String, List<Integer>> patterned = new LinkedHashMap<>();
      Map<String, List<Integer>> byMethod = new LinkedHashMap<>();
      for (int i = 0; i < loaded.size(); i++) {
        Loaded one = loaded.get(i);
        String method = String.valueOf(one.request().getMethod()).toUpperCase(Locale.ROOT);
        byMethod.computeIfAbsent(method, k -> new ArrayList<>()).add(i);
        if (one.literalPath() != null) {
          byPath
              .computeIfAbsent(method, k -> new LinkedHashMap<>())
              .computeIfAbsent(one.literalPath(), k -> new ArrayList<>())
              .add(i);
        } else {
          patterned.computeIfAbsent(method, k -> new ArrayList<>()).add(i);
        }
      }
      SortedSet<Long> pairs = new TreeSet<>();
      for (Map<String, List<Integer>> paths : byPath.values()) {
        for (List<Integer> same : paths.values()) {
          for (int a = 0; a < same.size(); a++) {
            for (int b = a + 1; b < same.size(); b++) {
              pairs.add(pair(same.get(a), same.get(b)));
            }
          }
        }
      }
      patterned.forEach(
          (method, open) -> {
            for (int a : open) {
              for (int b : byMethod.get(method)) {
                if (a != b) {
                  pairs.add(pair(Math.min(a, b), Math.max(a, b)));
                }
              }
            }
          });
      List<Overlap> overlaps = new ArrayList<>();
      for (long pair : pairs) {
        int a = (int) (pair >>> 32);
        int b = (int) pair;
        Loaded chosen = loaded.get(a);
        Loaded shadowed = loaded.get(b);
        IRequest example = chosen.compiled().interaction().getRequest();
        boolean overlap = answers(shadowed, example);
        if (!overlap) {
          example = shadowed.compiled().interaction().getRequest();
          overlap = answers(chosen, example);
        }
        if (overlap) {
          overlaps.add(
              new Overlap(
                  example.getMethod() + " " + example.getPath(), stubbed.get(a), stubbed.get(b)));
        }
      }
      return List.copyOf(overlaps);
    }

    /** Whether the interaction answers another's example request. */
    private static boolean answers(Loaded interaction, IRequest example) {
      try {
        return interaction.compiled().judge(example).matchedOk();
      } catch (BoundedRegex.TooSlowException e) {
        throw new PactFileException(
            interaction.pactFile(),
            interaction.location(),
            "interaction \"" + interaction.compiled().description() + "\": " + e.getMessage(),
            e);
      }
    }

    /** Two indexes in one sortable number, the lower first. */
    private static long pair(int a, int b) {
      return ((long) a << 32) | b;
    }
  }
}
