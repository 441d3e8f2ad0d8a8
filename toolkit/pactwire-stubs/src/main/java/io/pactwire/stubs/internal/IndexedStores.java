package io.pactwire.stubs.internal;

import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.EqualToPattern;
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
 */
public final class IndexedStores implements Stores {

  private final Stores delegate;
  private volatile IndexedStubMappingStore stubs;

  /** Wraps {@code delegate}, whose stub store gets the index. */
  public IndexedStores(Stores delegate) {
    this.delegate = delegate;
  }

  @Override
  public StubMappingStore getStubStore() {
    IndexedStubMappingStore s = stubs;
    if (s == null) {
      synchronized (this) {
        if (stubs == null) {
          stubs = new IndexedStubMappingStore(delegate.getStubStore());
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

    private final StubMappingStore delegate;
    private final Map<String, NavigableSet<StubMapping>> byMethodAndPath =
        new ConcurrentHashMap<>();
    private final NavigableSet<StubMapping> anyMethodOrPath =
        new ConcurrentSkipListSet<>(WIREMOCK_ORDER);
    // WireMock looks a stub up by id before it adds one: without this, adding N stubs walks the
    // store N times
    private final Map<UUID, StubMapping> byId = new ConcurrentHashMap<>();

    IndexedStubMappingStore(StubMappingStore delegate) {
      this.delegate = delegate;
      delegate.getAll().forEach(this::index);
    }

    @Override
    public Stream<StubMapping> findAllMatchingRequest(
        Request request,
        Map<String, RequestMatcherExtension> customMatchers,
        Consumer<SubEvent> subEvents) {
      NavigableSet<StubMapping> literal =
          byMethodAndPath.get(key(request.getMethod(), Urls.getPath(request.getUrl())));
      Stream<StubMapping> candidates;
      if (literal == null || literal.isEmpty()) {
        candidates = anyMethodOrPath.stream();
      } else if (anyMethodOrPath.isEmpty()) {
        candidates = literal.stream();
      } else {
        // two sorted runs: the sort merges them in one pass
        List<StubMapping> both = new ArrayList<>(literal);
        both.addAll(anyMethodOrPath);
        both.sort(WIREMOCK_ORDER);
        candidates = both.stream();
      }
      // WireMock's own judgement of each candidate, in its own order
      return new Candidates(candidates).findAllMatchingRequest(request, customMatchers, subEvents);
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
        anyMethodOrPath.add(stub);
      } else {
        byMethodAndPath
            .computeIfAbsent(key, k -> new ConcurrentSkipListSet<>(WIREMOCK_ORDER))
            .add(stub);
      }
    }

    /** Removes the indexed stubs {@code which} selects; whether there were any. */
    private boolean removeIndexed(Predicate<StubMapping> which) {
      // the sets are ordered by priority and insertion index, not by identity: remove by test
      byId.values().removeIf(which);
      boolean removed = anyMethodOrPath.removeIf(which);
      for (Set<StubMapping> stubs : byMethodAndPath.values()) {
        removed |= stubs.removeIf(which);
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

  /** The candidates as a store, so that WireMock's default judgement runs on them alone. */
  private record Candidates(Stream<StubMapping> all) implements StubMappingStore {
    @Override
    public Stream<StubMapping> getAll() {
      return all;
    }

    @Override
    public Optional<StubMapping> get(UUID id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void add(StubMapping stub) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void replace(StubMapping existing, StubMapping updated) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void remove(StubMapping stub) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
      throw new UnsupportedOperationException();
    }
  }
}
