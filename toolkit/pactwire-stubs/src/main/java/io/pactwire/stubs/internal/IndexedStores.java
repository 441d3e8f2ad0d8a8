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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * WireMock's stores with the stub store indexed by method and literal path.
 *
 * <p>WireMock asks every stub about every request, and each answer allocates match results: with a
 * thousand interactions that walk, not pact-jvm, is most of a request's cost. A stub whose method
 * and path are literals cannot match a request with another method or path, so only the stubs of
 * the request's method and path, and those without a literal method and path, are asked, in
 * WireMock's own order; each of them is judged exactly as WireMock judges it.
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

    private final StubMappingStore delegate;
    private final Map<String, Set<UUID>> byMethodAndPath = new ConcurrentHashMap<>();
    private final Set<UUID> anyMethodOrPath = ConcurrentHashMap.newKeySet();

    IndexedStubMappingStore(StubMappingStore delegate) {
      this.delegate = delegate;
      delegate.getAll().forEach(this::index);
    }

    @Override
    public Stream<StubMapping> findAllMatchingRequest(
        Request request,
        Map<String, RequestMatcherExtension> customMatchers,
        Consumer<SubEvent> subEvents) {
      Set<UUID> literal =
          byMethodAndPath.getOrDefault(
              key(request.getMethod(), Urls.getPath(request.getUrl())), Set.of());
      Stream<StubMapping> candidates =
          delegate
              .getAll()
              .filter(s -> literal.contains(s.getId()) || anyMethodOrPath.contains(s.getId()));
      // WireMock's own judgement of each candidate, in its own order
      return new Candidates(candidates).findAllMatchingRequest(request, customMatchers, subEvents);
    }

    @Override
    public Stream<StubMapping> getAll() {
      return delegate.getAll();
    }

    @Override
    public Optional<StubMapping> get(UUID id) {
      return delegate.get(id);
    }

    @Override
    public synchronized void add(StubMapping stub) {
      delegate.add(stub);
      index(stub);
    }

    @Override
    public synchronized void replace(StubMapping existing, StubMapping updated) {
      delegate.replace(existing, updated);
      unindex(existing);
      index(updated);
    }

    @Override
    public synchronized void remove(StubMapping stub) {
      delegate.remove(stub);
      unindex(stub);
    }

    @Override
    public synchronized void clear() {
      delegate.clear();
      byMethodAndPath.clear();
      anyMethodOrPath.clear();
    }

    private void index(StubMapping stub) {
      String key = literalKey(stub.getRequest());
      if (key == null) {
        anyMethodOrPath.add(stub.getId());
      } else {
        byMethodAndPath.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(stub.getId());
      }
    }

    private void unindex(StubMapping stub) {
      anyMethodOrPath.remove(stub.getId());
      for (Set<UUID> ids : byMethodAndPath.values()) {
        ids.remove(stub.getId());
      }
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
