package io.pactwire.provider.internal;

import au.com.dius.pact.core.model.DirectorySource;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.provider.junitsupport.loader.NoPactsFoundException;
import au.com.dius.pact.provider.junitsupport.loader.PactLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.broker.Broker;
import io.pactwire.broker.BrokerException;
import io.pactwire.broker.BrokerPact;
import io.pactwire.broker.PendingPacts;
import io.pactwire.core.PactFiles;
import io.pactwire.core.PactsDirectory;
import io.pactwire.core.internal.Startup;
import io.pactwire.provider.PactwirePacts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pact-jvm loader behind {@link PactwirePacts}: reads {@code *.json} from the pacts folder and
 * keeps the pacts for one provider, failing when there is none.
 */
public final class PactsFolderLoader implements PactLoader {

  /** Where a Broker's pacts are written, under the working directory, one folder a provider. */
  static final Path BROKER_PACTS = Path.of("target", "pactwire", "broker-pacts");

  private final Supplier<Path> folder;
  private final String named;
  private final String broker;
  private final List<String> selectors;
  private final boolean enablePending;
  private final String includeWipPactsSince;
  private DirectorySource source;

  /** Called by pact-jvm for a test class annotated with {@link PactwirePacts}. */
  public PactsFolderLoader(PactwirePacts annotation) {
    this(
        annotation.value().isEmpty() ? PactsDirectory::locate : () -> folder(annotation.value()),
        annotation.value().isEmpty() ? null : "@PactwirePacts(\"" + annotation.value() + "\")",
        annotation.broker().isEmpty() ? null : annotation.broker(),
        List.of(annotation.consumerVersionSelectors()),
        annotation.enablePending(),
        annotation.includeWipPactsSince().isEmpty() ? null : annotation.includeWipPactsSince());
    if (!annotation.broker().isEmpty() && !annotation.value().isEmpty()) {
      throw new IllegalStateException(
          "@PactwirePacts names a folder (\""
              + annotation.value()
              + "\") and a Pact Broker (broker = \""
              + annotation.broker()
              + "\"): name one");
    }
  }

  private PactsFolderLoader(
      Supplier<Path> folder,
      String named,
      String broker,
      List<String> selectors,
      boolean enablePending,
      String includeWipPactsSince) {
    this.folder = folder;
    this.named = named;
    this.broker = broker;
    this.selectors = selectors;
    this.enablePending = enablePending;
    this.includeWipPactsSince = includeWipPactsSince;
  }

  /** Reads the folder {@code folder} supplies when {@link #load(String)} runs. */
  public PactsFolderLoader(Supplier<Path> folder) {
    this(folder, null);
  }

  /**
   * Reads the folder {@code folder} supplies; {@code named} is how the test class named it, for
   * messages ({@code @PactwirePacts("../contracts")}), or null when it did not.
   */
  PactsFolderLoader(Supplier<Path> folder, String named) {
    this(folder, named, null, List.of(), false, null);
  }

  /**
   * The folder {@code value} names, against the working directory.
   *
   * @throws IllegalStateException when it names a URL or an unset variable
   */
  static Path folder(String value) {
    String resolved;
    try {
      resolved = ValueTemplate.resolve(value, "@PactwirePacts(\"" + value + "\")").value();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    if (resolved.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
      throw new IllegalStateException(
          "@PactwirePacts(\""
              + value
              + "\") names a URL; the value is a folder: name a Pact Broker with"
              + " @PactwirePacts(broker = \""
              + value
              + "\")");
    }
    return Path.of(resolved).toAbsolutePath();
  }

  @Override
  public String description() {
    return source == null ? "Pactwire pacts folder" : "Pactwire pacts folder " + source.getDir();
  }

  @Override
  public List<Pact> load(String providerName) {
    Startup.provider();
    Path dir;
    if (broker == null && (enablePending || includeWipPactsSince != null)) {
      throw new NoPactsFoundException(
          "No pacts for provider '"
              + providerName
              + "': pending and work-in-progress pacts are a Pact Broker's: name one with"
              + " @PactwirePacts(broker = ...)");
    }
    try {
      dir = broker != null ? fromBroker(providerName) : folder.get().toAbsolutePath().normalize();
    } catch (IllegalStateException | IllegalArgumentException | BrokerException e) {
      throw new NoPactsFoundException(
          "No pacts for provider '" + providerName + "': " + e.getMessage(), e);
    }
    source = new DirectorySource(dir.toFile(), new LinkedHashMap<>());
    if (!Files.isDirectory(dir) && named != null) {
      throw new NoPactsFoundException(
          "No pacts for provider '"
              + providerName
              + "': the folder "
              + dir
              + ", named by "
              + named
              + (Files.exists(dir) ? ", is a file, not a folder" : ", does not exist")
              + " (a relative folder is resolved against the working directory, "
              + Path.of("").toAbsolutePath()
              + ").");
    }
    if (!Files.isDirectory(dir)) {
      throw new NoPactsFoundException(
          "No pacts for provider '"
              + providerName
              + "': the pacts folder "
              + dir
              + " does not exist. Build the consumers first (they write"
              + " <consumer>-"
              + providerName
              + ".json there), or set -D"
              + PactsDirectory.PROPERTY
              + "=<folder>.");
    }
    List<Path> files = jsonFiles(dir);
    TreeSet<String> otherProviders = new TreeSet<>();
    List<Pact> pacts = new ArrayList<>();
    Map<File, Pact> found = source.getPacts();
    for (Path file : files) {
      // Reading the tree first keeps other providers' pacts out of pact-jvm's stricter loader;
      // a file that is not JSON at all fails here, naming the file, line and column.
      JsonNode provider = PactFiles.readTree(file).path("provider").path("name");
      if (!provider.isTextual()) {
        continue;
      }
      if (!provider.asText().equals(providerName)) {
        otherProviders.add(provider.asText());
        continue;
      }
      Pact pact = PactFiles.read(file);
      pacts.add(pact);
      found.put(file.toFile(), pact);
    }
    if (pacts.isEmpty()) {
      throw new NoPactsFoundException(
          "No pacts for provider '"
              + providerName
              + "' in "
              + dir
              + (named == null ? "" : " (named by " + named + ")")
              + ": "
              + (files.isEmpty()
                  ? "the folder holds no *.json file"
                  : files.size()
                      + " *.json file(s), with pacts for "
                      + (otherProviders.isEmpty() ? "no provider" : otherProviders)
                      + " only")
              + ". A consumer build writes <consumer>-"
              + providerName
              + ".json there: build the consumers first, or check that @Provider names the"
              + " provider as the consumers' pacts do.");
    }
    return pacts;
  }

  @Override
  public DirectorySource getPactSource() {
    if (source == null) {
      source = new DirectorySource(folder.get().toFile(), new LinkedHashMap<>());
    }
    return source;
  }

  /**
   * Fetches the provider's pacts for verification from the Broker into a folder of their own, so
   * that they are read, verified and reported as any folder's pacts are.
   */
  private Path fromBroker(String providerName) {
    String what = "@PactwirePacts(broker = \"" + broker + "\")";
    String url;
    try {
      url = ValueTemplate.resolve(broker, what).value();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    Path dir = BROKER_PACTS.resolve(providerName).toAbsolutePath().normalize();
    try {
      if (Files.isDirectory(dir)) {
        for (Path stale : jsonFiles(dir)) {
          Files.delete(stale);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
    PendingPacts pending =
        enablePending || includeWipPactsSince != null
            ? new PendingPacts(
                enablePending,
                PendingPactFailures.providerBranch(),
                includeWipPactsSince == null
                    ? null
                    : ValueTemplate.resolve(
                            includeWipPactsSince, "@PactwirePacts(includeWipPactsSince)")
                        .value())
            : PendingPacts.NONE;
    List<BrokerPact> pacts =
        Broker.connect(url).pactsForVerification(providerName, selectors, pending, dir);
    PendingPactFailures.pending(
        dir,
        pacts.stream()
            .filter(BrokerPact::pending)
            .map(BrokerPact::file)
            .collect(Collectors.toSet()));
    if (pacts.isEmpty()) {
      throw new IllegalStateException(
          "the Pact Broker at "
              + Broker.connect(url).url()
              + " gave no pacts to verify ("
              + what
              + (selectors.isEmpty()
                  ? ", the Broker's default selectors"
                  : ", selectors " + selectors)
              + ")");
    }
    return dir;
  }

  private static List<Path> jsonFiles(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(path -> path.getFileName().toString().endsWith(".json"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the pacts folder " + dir, e);
    }
  }
}
