package io.pactwire.stubs.internal;

import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.CustomMatcherDefinition;
import com.github.tomakehurst.wiremock.matching.EqualToPattern;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.store.BlobStore;
import com.github.tomakehurst.wiremock.store.ObjectStore;
import com.github.tomakehurst.wiremock.store.RecorderStateStore;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.store.ScenariosStore;
import com.github.tomakehurst.wiremock.store.SettingsStore;
import com.github.tomakehurst.wiremock.store.Stores;
import com.github.tomakehurst.wiremock.store.StubMappingStore;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * WireMock's stores with the stub store indexed by method and literal path.
 *
 * <p>WireMock asks every stub about every request, and each answer allocates match results: with a
 * thousand interactions that walk, not pact-jvm, is most of a request's cost. A stub whose method
 * and path are literals cannot match a request with another method or path, so only the stubs of
 * the request's method and path, and those without a literal method and path, are asked, in
 * WireMock's own order; each of them is judged exactly as WireMock judges it. The index holds the
 * stubs themselves, kept in that order, so finding a request's candidates costs the same with ten
 * thousand stubs as with ten.
 *
 * <p>A stub whose request pattern is nothing but its literal method and path and a {@linkplain
 * #IndexedStores(Stores, RequestMatcherExtension, Function) direct} custom matcher is judged by
 * that matcher alone: the index has already matched its method and path, which is all WireMock
 * would judge before asking the matcher, and the matcher's verdict is WireMock's. WireMock's
 * judgement builds a dozen match results per stub and request, and the matcher finds its stub's
 * parameters each time; here both are done once, when the stub is added.
 */
public final class IndexedStores implements Stores {

  private final Stores delegate;
  private final RequestMatcherExtension matcher;
  private final Function<Parameters, Predicate<Request>> direct;
  private volatile IndexedStubMappingStore stubs;

  /** Wraps {@code delegate}, whose stub store gets the index. */
  public IndexedStores(Stores delegate) {
    this(delegate, null, parameters -> null);
  }

  /**
   * Wraps {@code delegate}, whose stub store gets the index; {@code direct} gives, for the
   * parameters of a stub that asks {@code matcher} (by its name) and nothing else but a literal
   * method and path, what {@code matcher} answers for that stub (or null to leave the stub to
   * WireMock). It is used while WireMock's custom matcher of that name is {@code matcher} itself.
   */
  public IndexedStores(
      Stores delegate,
      RequestMatcherExtension matcher,
      Function<Parameters, Predicate<Request>> direct) {
    this.delegate = delegate;
    this.matcher = matcher;
    this.direct = direct;
  }

  @Override
  public StubMappingStore getStubStore() {
    IndexedStubMappingStore s = stubs;
    if (s == null) {
      synchronized (this) {
        if (stubs == null) {
          stubs = new IndexedStubMappingStore(delegate.getStubStore(), matcher, direct);
        }
        s = stubs;
      }
    }
    return s;
  }

  @Override
  public RequestJournalStore getRequestJournalStore() {
    return delegate.getRequestJournalStore();
  }

  @Override
  public SettingsStore getSettingsStore() {
    return delegate.getSettingsStore();
  }

  @Override
  public ScenariosStore getScenariosStore() {
    return delegate.getScenariosStore();
  }

  @Override
  public RecorderStateStore getRecorderStateStore() {
    return delegate.getRecorderStateStore();
  }

  @Override
  public BlobStore getMappingsBlobStore() {
    return delegate.getMappingsBlobStore();
  }

  @Override
  public BlobStore getFilesBlobStore() {
    return delegate.getFilesBlobStore();
  }

  @Override
  public BlobStore getBlobStore(String name) {
    return delegate.getBlobStore(name);
  }

  @Override
  public ObjectStore getObjectStore(String name) {
    return delegate.getObjectStore(name);
  }

  @Override
  public ObjectStore getObjectStore(String name, PersistenceType type) {
    return delegate.getObjectStore(name, type);
  }

  @Override
  public ObjectStore getObjectStore(String name, PersistenceType type, int maxItems) {
    return delegate.getObjectStore(name, type, maxItems);
  }

  @Override
  public void start() {
    delegate.start();
  }

  @Override
  public void stop() {
    delegate.stop();
  }

  /** The stub store: the delegate's, with candidates looked up by method and path. */
  static final class IndexedStubMappingStore implements StubMappingStore {

    /**
     * WireMock's order of the stubs it asks: by priority, then the most recently added first (its
     * {@code SortedConcurrentMappingSet}). The delegate sets the insertion index when it adds.
     */
    static final Comparator<StubMapping> WIREMOCK_ORDER =
        (one, two) -> {
          int byPriority = one.comparePriorityWith(two);
          return byPriority != 0
              ? byPriority
              : Long.compare(two.getInsertionIndex(), one.getInsertionIndex());
        };

    private static final Comparator<Indexed> INDEXED_ORDER =
        Comparator.comparing(Indexed::stub, WIREMOCK_ORDER);

    private final StubMappingStore delegate;
    private final RequestMatcherExtension matcher;
    private final Function<Parameters, Predicate<Request>> direct;
    private final Map<String, NavigableSet<Indexed>> byMethodAndPath = new ConcurrentHashMap<>();
    private final NavigableSet<Indexed> anyMethodOrPath =
        new ConcurrentSkipListSet<>(INDEXED_ORDER);
    // WireMock looks a stub up by id before it adds one: without this, adding N stubs walks the
    // store N times
    private final Map<UUID, StubMapping> byId = new ConcurrentHashMap<>();

    IndexedStubMappingStore(
        StubMappingStore delegate,
        RequestMatcherExtension matcher,
        Function<Parameters, Predicate<Request>> direct) {
      this.delegate = delegate;
      this.matcher = matcher;
      this.direct = direct;
      delegate.getAll().forEach(this::index);
    }

    @Override
    public Stream<StubMapping> findAllMatchingRequest(
        Request request,
        Map<String, RequestMatcherExtension> customMatchers,
        Consumer<SubEvent> subEvents) {
      NavigableSet<Indexed> literal =
          byMethodAndPath.get(key(request.getMethod(), Urls.getPath(request.getUrl())));
      Stream<Indexed> candidates;
      if (literal == null || literal.isEmpty()) {
        candidates = anyMethodOrPath.stream();
      } else if (anyMethodOrPath.isEmpty()) {
        candidates = literal.stream();
      } else {
        // two sorted runs: the sort merges them in one pass
        List<Indexed> both = new ArrayList<>(literal);
        both.addAll(anyMethodOrPath);
        both.sort(INDEXED_ORDER);
        candidates = both.stream();
      }
      boolean directly = matcher != null && customMatchers.get(matcher.getName()) == matcher;
      // in WireMock's order, each candidate judged as WireMock judges it, one at a time as asked
      return candidates
          .filter(
              candidate -> {
                if (directly && candidate.direct() != null) {
                  return candidate.direct().test(request);
                }
                MatchResult result = candidate.stub().getRequest().match(request, customMatchers);
                result.getSubEvents().forEach(subEvents);
                return result.isExactMatch();
              })
          .map(Indexed::stub);
    }

    @Override
    public Stream<StubMapping> getAll() {
      return delegate.getAll();
    }

    @Override
    public Optional<StubMapping> get(UUID id) {
      return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized void add(StubMapping stub) {
      delegate.add(stub);
      index(stub);
    }

    @Override
    public synchronized void replace(StubMapping existing, StubMapping updated) {
      delegate.replace(existing, updated);
      if (removeIndexed(s -> s.getId().equals(existing.getId()))) {
        index(updated);
      }
    }

    @Override
    public synchronized void remove(StubMapping stub) {
      delegate.remove(stub);
      // as the delegate removes: the stub of this id, or else those of an equal request pattern
      if (!removeIndexed(s -> s.getId().equals(stub.getId()))) {
        removeIndexed(s -> Objects.equals(s.getRequest(), stub.getRequest()));
      }
    }

    @Override
    public synchronized void clear() {
      delegate.clear();
      byMethodAndPath.clear();
      anyMethodOrPath.clear();
      byId.clear();
    }

    private void index(StubMapping stub) {
      if (stub.getId() != null) {
        byId.put(stub.getId(), stub);
      }
      String key = literalKey(stub.getRequest());
      if (key == null) {
        anyMethodOrPath.add(new Indexed(stub, null));
      } else {
        byMethodAndPath
            .computeIfAbsent(key, k -> new ConcurrentSkipListSet<>(INDEXED_ORDER))
            .add(new Indexed(stub, direct(stub.getRequest())));
      }
    }

    /**
     * The direct judgement of a stub whose literal method and path are indexed, when nothing else
     * in its pattern but the direct matcher is left to judge; otherwise null.
     */
    private Predicate<Request> direct(RequestPattern pattern) {
      CustomMatcherDefinition custom = pattern.getCustomMatcher();
      if (matcher == null
          || custom == null
          || !matcher.getName().equals(custom.getName())
          || pattern.hasInlineCustomMatcher()
          || pattern.getScheme() != null
          || pattern.getHost() != null
          || pattern.getPort() != null
          || pattern.getClientIp() != null
          || pattern.getBasicAuthCredentials() != null
          || pattern.getUrlMatcher().getPathTemplate() != null
          || !isEmpty(pattern.getHeaders())
          || !isEmpty(pattern.getPathParameters())
          || !isEmpty(pattern.getQueryParameters())
          || !isEmpty(pattern.getFormParameters())
          || !isEmpty(pattern.getCookies())
          || !isEmpty(pattern.getBodyPatterns())
          || !isEmpty(pattern.getMultipartPatterns())) {
        return null;
      }
      return direct.apply(custom.getParameters());
    }

    private static boolean isEmpty(Map<?, ?> map) {
      return map == null || map.isEmpty();
    }

    private static boolean isEmpty(List<?> list) {
      return list == null || list.isEmpty();
    }

    /** Removes the indexed stubs {@code which} selects; whether there were any. */
    private boolean removeIndexed(Predicate<StubMapping> which) {
      // the sets are ordered by priority and insertion index, not by identity: remove by test
      byId.values().removeIf(which);
      boolean removed = anyMethodOrPath.removeIf(i -> which.test(i.stub()));
      for (Set<Indexed> stubs : byMethodAndPath.values()) {
        removed |= stubs.removeIf(i -> which.test(i.stub()));
      }
      return removed;
    }

    /** The method and path a stub requires literally, or null when it allows others. */
    static String literalKey(RequestPattern pattern) {
      if (pattern == null) {
        return null;
      }
      RequestMethod method = pattern.getMethod();
      UrlPattern url = pattern.getUrlMatcher();
      if (method == null
          || method.equals(RequestMethod.ANY)
          || url == null
          || url.getClass() != UrlPathPattern.class
          || url.isRegex()
          || !(url.getPattern() instanceof EqualToPattern equalTo)
          || Boolean.TRUE.equals(equalTo.getCaseInsensitive())) {
        return null;
      }
      return key(method, equalTo.getExpected());
    }

    private static String key(RequestMethod method, String path) {
      return method.getName() + ' ' + path;
    }
  }

  /** An indexed stub, and its direct judgement when it has one. */
  private record Indexed(StubMapping stub, Predicate<Request> direct) {}
}
