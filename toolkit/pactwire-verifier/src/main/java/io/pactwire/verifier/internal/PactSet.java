package io.pactwire.verifier.internal;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Pact;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.PactReader;
import io.pactwire.verifier.VerifierInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The pacts to verify, each read once, with the file it came from and the file's SHA-256.
 *
 * <p>A file is read as {@code PactFiles.read} reads it: its shape checked on a JSON tree (the
 * problem named with its JSON path), then loaded by pact-jvm. The two run at once, and files at
 * once, on threads the caller gives; results and errors are taken in file order, so the error
 * reported is the one a reading file by file would report.
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
      checks.add(threads.submit(() -> PactReader.read(file)));
      loads.add(threads.submit(() -> DefaultPactReader.INSTANCE.loadPact(file.toFile())));
      // on these threads too: a short-lived JVM digests in compiled Java, without the SHA
      // instructions, a tenth of a second for a pact of a megabyte
      digests.add(threads.submit(() -> sha256(file)));
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
      throw new VerifierInputException(
          dir
              + (Files.isRegularFile(dir)
                  ? ": a pact file, not a folder of pacts (one pact file is read with --pact)"
                  : ": no such folder of pacts"));
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

  static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new VerifierInputException(file + ": cannot read: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
