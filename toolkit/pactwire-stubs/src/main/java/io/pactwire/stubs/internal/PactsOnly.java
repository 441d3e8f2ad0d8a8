package io.pactwire.stubs.internal;

import com.github.tomakehurst.wiremock.common.Errors;
import com.github.tomakehurst.wiremock.common.NotPermittedException;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.client.ApacheHttpClientFactory;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The options of a WireMock server that serves pacts and nothing else, as {@code pactwire stub} and
 * {@code @PactwireStubs} start one.
 *
 * <p>WireMock's defaults would also load every mapping file under {@code
 * src/test/resources/mappings} of the working directory, which in a project that stubs other
 * dependencies with WireMock is exactly where its hand-written stubs are: they would answer beside
 * the pact's, and a request no interaction answers would meet them instead of the near-miss report;
 * and removing every stub would delete the files they came from. Such a server therefore reads no
 * mapping files and writes none, and a reset of it to its defaults serves the pacts' stubs again.
 *
 * <p>Its clients for proxying are made when a stub first proxies, not with the server: a pact stub
 * never proxies, and the two clients (each with its TLS context) and the mapping files' source were
 * most of making a server, in a profile of it.
 */
public final class PactsOnly {

  private PactsOnly() {}

  /**
   * WireMock's default options, but no mapping files and clients for proxying made on first use.
   */
  public static WireMockConfiguration options() {
    return WireMockConfiguration.options()
        .mappingSource(new Defaults())
        .httpClientFactory(new OnFirstUse(new ApacheHttpClientFactory()));
  }

  /**
   * The stubs a reset of the server to its defaults serves again: the pacts' own, never a mapping
   * file. No mapping file is written either: a stub marked persistent is kept in memory only, and
   * saving all stubs as files is refused, naming the export.
   */
  public static final class Defaults implements MappingsSource {

    private final List<Supplier<List<StubMapping>>> pacts = new CopyOnWriteArrayList<>();

    private Defaults() {}

    /** Serves these stubs (fresh copies each time) after a reset, as well as any given before. */
    public void serve(Supplier<List<StubMapping>> stubs) {
      pacts.add(stubs);
    }

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
      // none when the server is made (the pacts' stubs are registered after); WireMock's
      // resetAll and resetToDefaultMappings load them again
      for (Supplier<List<StubMapping>> stubs : pacts) {
        stubs.get().forEach(stubMappings::addMapping);
      }
    }

    @Override
    public void save(List<StubMapping> stubMappings) {
      // the admin API answers 403 with the reason, as for other requests it does not permit
      throw new NotPermittedException(
          Errors.notPermitted(
              "a server of pact stubs keeps no mapping files: its stubs come from the pacts"
                  + " (StubExport.write writes them as WireMock mapping files)"));
    }

    @Override
    public void save(StubMapping stubMapping) {
      // WireMock saves each stub added or edited with "persistent": true (a recording's snapshot
      // among them) after it has taken it: it serves it, and no file is written
    }

    @Override
    @SuppressWarnings("removal") // WireMock's interface still declares it
    public void remove(StubMapping stubMapping) {}

    @Override
    public void removeAll() {}
  }

  /** Makes each client the first time a request needs it. */
  record OnFirstUse(HttpClientFactory factory) implements HttpClientFactory {

    @Override
    public HttpClient buildHttpClient(
        Options options,
        boolean trustAllCertificates,
        List<String> trustedHosts,
        boolean useSystemProperties) {
      return new HttpClient() {
        private HttpClient client;

        @Override
        public Response execute(Request request) throws IOException {
          HttpClient made;
          synchronized (this) {
            if (client == null) {
              client =
                  factory.buildHttpClient(
                      options, trustAllCertificates, trustedHosts, useSystemProperties);
            }
            made = client;
          }
          return made.execute(request);
        }
      };
    }
  }
}
