package io.pactwire.verifier.internal;

import au.com.dius.pact.core.model.Pact;
import io.pactwire.core.PactFileException;
import io.pactwire.core.PactFiles;
import io.pactwire.verifier.VerifierInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The pacts to verify, each read once, with the file it came from and the file's SHA-256. */
final class PactSet {

  record Loaded(Path file, String sha256, Pact pact) {}

  private PactSet() {}

  static List<Loaded> load(VerifyConfig config) {
    boolean fromFolder = config.pactFiles().isEmpty();
    List<Path> files = fromFolder ? folder(config.pactsDir()) : config.pactFiles();
    List<Loaded> pacts = new ArrayList<>();
    for (Path file : files) {
      Pact pact;
      try {
        pact = PactFiles.read(file);
      } catch (PactFileException e) {
        throw new VerifierInputException(e.getMessage(), e);
      }
      String provider = pact.getProvider().getName();
      if (!provider.equals(config.provider())) {
        if (fromFolder) {
          continue; // another provider's contract
        }
        throw new VerifierInputException(
            file + ": is a pact with provider '" + provider + "', not '" + config.provider() + "'");
      }
      if (!config.consumers().isEmpty()
          && !config.consumers().contains(pact.getConsumer().getName())) {
        continue;
      }
      pacts.add(new Loaded(file, sha256(file), pact));
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
