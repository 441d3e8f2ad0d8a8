package io.pactwire.evolve;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.PactReader;
import io.pactwire.evolve.internal.ContractStore;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.OpenApiCheck;
import io.pactwire.openapi.SpecException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which consumer interactions a new version of a provider's OpenAPI (or AsyncAPI) document would
 * break: every pact with the provider is checked against the new document and the old one, and the
 * findings that only the new one gives are reported, by consumer. A provider can gate a spec change
 * this way before any code is written.
 *
 * <pre>{@code
 * ImpactReport report =
 *     SpecImpact.newInstance()
 *         .pacts(Path.of("pacts"))
 *         .provider("inventory-service")
 *         .spec(Path.of("openapi-new.yaml"))
 *         .baseSpec(Path.of("openapi.yaml"))
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SpecImpact {

  private SpecImpact() {}

  /** Starts a builder. */
  public static Builder newInstance() {
    return new Builder();
  }

  /** Builds an {@link ImpactReport}. */
  public static final class Builder {
    private Path pacts;
    private String provider;
    private final List<Path> specs = new ArrayList<>();
    private final List<Path> baseSpecs = new ArrayList<>();

    private Builder() {}

    /** The folder of pacts to read (its {@code *.json} files). */
    public Builder pacts(Path pacts) {
      this.pacts = pacts;
      return this;
    }

    /** The provider whose pacts are checked. */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /** Adds a document of the new version (an OpenAPI and an AsyncAPI may both be given). */
    public Builder spec(Path spec) {
      specs.add(spec);
      return this;
    }

    /**
     * Adds a document of the version in use; without one, every finding of the new version is
     * reported.
     */
    public Builder baseSpec(Path spec) {
      baseSpecs.add(spec);
      return this;
    }

    /**
     * Checks every pact with the provider against both versions.
     *
     * @throws EvolveException naming the file and location when a pact or document cannot be read
     */
    public ImpactReport build() {
      if (pacts == null || provider == null || specs.isEmpty()) {
        throw new IllegalStateException("pacts, provider and spec are required");
      }
      OpenApiCheck next = check(specs);
      OpenApiCheck base = baseSpecs.isEmpty() ? null : check(baseSpecs);
      List<ImpactReport.ConsumerImpact> consumers = new ArrayList<>();
      int read = 0;
      int judged = 0;
      Set<String> providers = new TreeSet<>();
      for (Path file : ContractStore.files(pacts)) {
        JsonNode pact;
        try {
          pact = PactReader.read(file);
        } catch (PactFileException e) {
          throw new EvolveException(e.getMessage(), e);
        }
        if (!provider.equals(pact.path("provider").path("name").asText())) {
          providers.add(pact.path("provider").path("name").asText());
          continue;
        }
        read++;
        judged += next.judged(pact) > 0 ? 1 : 0;
        List<Finding> before;
        List<Finding> after;
        try {
          before = base == null ? List.of() : base.check(pact);
          after = next.check(pact);
        } catch (SpecException e) {
          // a schema a document refers to by URL is loaded only as the check reaches it
          throw new EvolveException(e.getMessage(), e);
        }
        Set<String> known = new HashSet<>();
        before.forEach(f -> known.add(key(f)));
        List<Finding> added = after.stream().filter(f -> !known.contains(key(f))).toList();
        if (!added.isEmpty()) {
          consumers.add(
              new ImpactReport.ConsumerImpact(
                  pact.path("consumer").path("name").asText(), file.toString(), added));
        }
      }
      if (read == 0) {
        // a misspelt provider would otherwise pass the gate: no pact, so no finding
        throw new EvolveException(ContractStore.noPactWith(provider, pacts, providers), null);
      }
      if (judged == 0) {
        // no new findings because the documents judge none of the interactions is no pass
        throw new EvolveException(
            "nothing to check: none of the "
                + read
                + (read == 1 ? " pact" : " pacts")
                + " with "
                + provider
                + " in "
                + pacts
                + " has an interaction of a kind the documents describe (HTTP interactions take an"
                + " OpenAPI document, messages an AsyncAPI one)",
            null);
      }
      return new ImpactReport(
          provider,
          specs.stream().map(Path::toString).toList(),
          baseSpecs.stream().map(Path::toString).toList(),
          read,
          consumers);
    }

    private static OpenApiCheck check(List<Path> documents) {
      OpenApiCheck.Builder b = OpenApiCheck.newInstance();
      documents.forEach(b::spec);
      try {
        return b.build();
      } catch (SpecException e) {
        throw new EvolveException(e.getMessage(), e);
      }
    }

    // where in the pact and what: the spec's own locations move when the document is edited
    private static String key(Finding f) {
      Finding.MockDetails m = f.mockDetails();
      return f.code()
          + "\u0000"
          + f.type()
          + "\u0000"
          + (m == null ? "" : m.location() + "\u0000" + m.interactionDescription())
          + "\u0000"
          + f.message();
    }
  }
}
