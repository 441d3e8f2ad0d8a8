package io.pactwire.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a file given to Pactwire cannot be read, in one set of words ({@code no such file}, {@code is
 * a directory}, {@code not UTF-8}), so that what a user reads does not depend on which reader
 * (pact, spec) or which option named the file.
 *
 * <p>Asked only once a reader has failed: a file that reads costs nothing more.
 */
public final class InputFiles {

  private InputFiles() {}

  /** The plain reason a file cannot be read, or empty when it can (and is UTF-8). */
  public static Optional<String> problem(Path file) {
    if (Files.isDirectory(file)) {
      return Optional.of("is a directory");
    }
    if (!Files.exists(file)) {
      return Optional.of("no such file");
    }
    if (!Files.isReadable(file)) {
      return Optional.of("permission denied");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Optional.of("cannot read: " + e.getMessage());
    }
    try {
      utf8(bytes);
    } catch (CharacterCodingException e) {
      return Optional.of("not UTF-8");
    }
    return Optional.empty();
  }

  /**
   * {@code bytes} as UTF-8 text, strictly: bytes that are not UTF-8 are refused, never replaced.
   *
   * @throws CharacterCodingException when they are not UTF-8
   */
  public static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
