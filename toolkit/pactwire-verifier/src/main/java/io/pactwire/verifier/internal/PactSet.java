package io.pactwire.verifier.internal;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.PactReader;
import io.pactwire.verifier.VerifierInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * The pacts to verify, each read once, with the file it came from and the file's SHA-256.
 *
 * <p>A file is read as {@code PactFiles.read} reads it: its shape checked on a JSON tree (the
 * problem named with its JSON path), then loaded by pact-jvm. The two run at once, and files at
 * once, on threads the caller gives, from the file's bytes read once; pact-jvm's model of a pact's
 * interactions is built in parts on those threads too (see {@link #load}). Results and errors are
 * taken in file order, so the error reported is the one a reading file by file would report.
 */
final class PactSet {

  record Loaded(Path file, String sha256, Pact pact) {}

  private PactSet() {}

  /** Reads the pacts, each file's check and load on {@code threads}. */
  static List<Loaded> load(VerifyConfig config, ExecutorService threads) {
    boolean fromFolder = config.pactFiles().isEmpty();
    List<Path> files = fromFolder ? folder(config.pactsDir()) : config.pactFiles();
    List<Future<?>> checks = new ArrayList<>();
    List<Future<Pact>> loads = new ArrayList<>();
    List<Future<String>> digests = new ArrayList<>();
    for (Path file : files) {
      // each file read from the disk once, for its check, its load and its digest
      Future<byte[]> bytes = threads.submit(() -> PactReader.bytes(file));
      checks.add(threads.submit(() -> PactReader.read(file, done(bytes))));
      loads.add(threads.submit(() -> load(file, done(bytes), threads)));
      // on these threads too: a short-lived JVM digests in compiled Java, without the SHA
      // instructions, a tenth of a second for a pact of a megabyte
      digests.add(threads.submit(() -> sha256(done(bytes))));
    }
    List<Loaded> pacts = new ArrayList<>();
    try {
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        Pact pact;
        try {
          checks.get(i).get();
          pact = loads.get(i).get();
        } catch (ExecutionException e) {
          throw failure(file, e.getCause());
        }
        String digest;
        try {
          digest = digests.get(i).get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        }
        String provider = pact.getProvider().getName();
        if (!provider.equals(config.provider())) {
          if (fromFolder) {
            continue; // another provider's contract
          }
          throw new VerifierInputException(
              file
                  + ": is a pact with provider '"
                  + provider
                  + "', not '"
                  + config.provider()
                  + "'");
        }
        if (!config.consumers().isEmpty()
            && !config.consumers().contains(pact.getConsumer().getName())) {
          continue;
        }
        pacts.add(new Loaded(file, digest, pact));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("reading the pacts was interrupted", e);
    } finally {
      // never interrupted: see VerifierEngine.stop
      checks.forEach(f -> f.cancel(false));
      loads.forEach(f -> f.cancel(false));
      digests.forEach(f -> f.cancel(false));
    }
    if (pacts.isEmpty()) {
      String where = fromFolder ? config.pactsDir().toString() : String.join(", ", names(files));
      throw new VerifierInputException(
          "no pact with provider '"
              + config.provider()
              + "'"
              + (config.consumers().isEmpty()
                  ? ""
                  : " and consumer " + String.join(" or ", config.consumers()))
              + " in "
              + where);
    }
    return pacts;
  }

  /** The fewest interactions a pact has for its model to be built in parts, on several threads. */
  static final int PART = 64;

  /**
   * pact-jvm's model of a pact, as {@code DefaultPactReader.loadPact(file)} builds it: parsed once
   * by pact-jvm's parser, then its interactions built in parts on {@code threads} (and this one),
   * each part by pact-jvm's own {@code pactFromJson} on a copy of the pact holding only that part's
   * interactions, and put back together in their order. A pact it cannot load that way (a message
   * pact, an error) is loaded as a whole by pact-jvm, which reports its own error.
   */
  static Pact load(Path file, byte[] bytes, ExecutorService threads) throws InterruptedException {
    Pact pact;
    try {
      pact = loadInParts(file, bytes, threads);
    } catch (RuntimeException e) {
      pact = null;
    }
    return pact != null ? pact : DefaultPactReader.INSTANCE.loadPact(file.toFile());
  }

  /** The model built in parts, or null when this pact is not one that can be. */
  private static Pact loadInParts(Path file, byte[] bytes, ExecutorService threads)
      throws InterruptedException {
    if (!(JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8))
            instanceof JsonValue.Object json)
        || json.has("messages")
        || !(json.get("interactions") instanceof JsonValue.Array interactions)) {
      return null;
    }
    FileSource source = new FileSource(file.toFile());
    List<JsonValue> all = interactions.getValues();
    if (all.size() < PART) {
      return DefaultPactReader.INSTANCE.pactFromJson(json, source);
    }
    // a few parts a thread, so that a thread that finds the others busy takes the next
    int size = Math.max(PART / 2, all.size() / 8);
    List<FutureTask<Pact>> parts = new ArrayList<>();
    for (int from = 0; from < all.size(); from += size) {
      Map<String, JsonValue> entries = new LinkedHashMap<>(json.getEntries());
      entries.put(
          "interactions",
          new JsonValue.Array(
              new ArrayList<>(all.subList(from, Math.min(all.size(), from + size)))));
      JsonValue.Object part = new JsonValue.Object(entries);
      parts.add(new FutureTask<>(() -> DefaultPactReader.INSTANCE.pactFromJson(part, source)));
    }
    parts.subList(1, parts.size()).forEach(threads::execute);
    List<Pact> built = new ArrayList<>();
    try {
      for (FutureTask<Pact> part : parts) {
        part.run(); // does nothing when a thread of the pool has taken it
        built.add(part.get());
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      parts.forEach(part -> part.cancel(false));
    }
    List<Interaction> joined = new ArrayList<>(all.size());
    built.forEach(part -> joined.addAll(part.getInteractions()));
    Pact first = built.get(0);
    if (first.getClass() == RequestResponsePact.class) {
      return new RequestResponsePact(
          first.getProvider(), first.getConsumer(), joined, first.getMetadata(), source);
    }
    if (first.getClass() == V4Pact.class) {
      return new V4Pact(
          first.getConsumer(), first.getProvider(), joined, first.getMetadata(), source);
    }
    return null;
  }

  /** The file's bytes, or the error reading them. */
  private static byte[] done(Future<byte[]> bytes) throws InterruptedException {
    try {
      return bytes.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /** The error of a file's check or load, as {@code PactFiles.read} reports it. */
  private static RuntimeException failure(Path file, Throwable cause) {
    if (cause instanceof PactFileException e) {
      return new VerifierInputException(e.getMessage(), e);
    }
    if (cause instanceof RuntimeException e) {
      PactFileException read =
          new PactFileException(file, "", "not a pact pact-jvm can load: " + e.getMessage(), e);
      return new VerifierInputException(read.getMessage(), read);
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(cause);
  }

  private static List<String> names(List<Path> files) {
    return files.stream().map(Path::toString).toList();
  }

  private static List<Path> folder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new VerifierInputException(dir + ": no such folder of pacts");
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new VerifierInputException(dir + ": cannot list the folder: " + e.getMessage(), e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
