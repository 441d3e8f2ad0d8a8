package io.pactwire.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Good inputs beside the bad ones, and a snapshot of a folder to prove nothing was written. */
public final class Inputs {

  public static final String CONSUMER = "hardening-consumer";
  public static final String PROVIDER = "hardening-provider";

  /** A valid V4 pact between {@link #CONSUMER} and {@link #PROVIDER}. */
  public static final String PACT =
      """
      {
        "consumer": {"name": "hardening-consumer"},
        "provider": {"name": "hardening-provider"},
        "interactions": [
          {
            "type": "Synchronous/HTTP",
            "description": "a request for a product",
            "request": {"method": "GET", "path": "/products/A-1"},
            "response": {
              "status": 200,
              "headers": {"Content-Type": ["application/json"]},
              "body": {"content": {"sku": "A-1"}, "contentType": "application/json", "encoded": false}
            }
          }
        ],
        "metadata": {"pactSpecification": {"version": "4.0"}}
      }
      """;

  /** A valid OpenAPI document for {@link #PACT}. */
  public static final String SPEC =
      """
      openapi: 3.0.3
      info: {title: Inventory, version: 1.0.0}
      paths:
        /products/{sku}:
          get:
            parameters:
              - {name: sku, in: path, required: true, schema: {type: string}}
            responses:
              '200':
                description: a product
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        sku: {type: string}
      """;

  private static final java.util.List<Path> TEMP_DIRS =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  private Inputs() {}

  /** A new temporary folder (its real path), deleted by {@link #deleteTempDirs()}. */
  public static Path tempDir(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix).toRealPath();
      TEMP_DIRS.add(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes every folder {@link #tempDir} made, links not followed. */
  public static void deleteTempDirs() {
    synchronized (TEMP_DIRS) {
      for (Path dir : TEMP_DIRS) {
        try (Stream<Path> all = Files.walk(dir)) {
          all.sorted(java.util.Comparator.reverseOrder())
              .forEach(
                  p -> {
                    try {
                      Files.deleteIfExists(p);
                    } catch (IOException e) {
                      // left for the system's cleaner
                    }
                  });
        } catch (IOException | UncheckedIOException e) {
          // left for the system's cleaner
        }
      }
      TEMP_DIRS.clear();
    }
  }

  public static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every entry below {@code dir} (links not followed) with a digest of its bytes. */
  public static Map<String, String> snapshot(Path dir) {
    Map<String, String> entries = new TreeMap<>();
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return entries;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        String name = dir.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          entries.put(name, "-> " + Files.readSymbolicLink(p));
        } else if (Files.isRegularFile(p)) {
          entries.put(name, sha(Files.readAllBytes(p)));
        } else {
          entries.put(name + "/", "");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static String sha(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
