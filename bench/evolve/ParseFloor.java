import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor under reading a store without a kept summary: Jackson's streaming parser reading every
 * token of every pact of a folder, on every core, with nothing built from the tokens (no tree, no
 * check, no contract). Prints the files, bytes, tokens and the seconds from the first file's read
 * to the last file's end, inside a JVM that has started.
 *
 * <p>{@code java -cp pactwire.jar bench/evolve/ParseFloor.java STORE}
 */
public final class ParseFloor {

  public static void main(String[] args) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(args[0]))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    JsonFactory factory = new JsonFactory();
    long start = System.nanoTime();
    long[] totals =
        files.parallelStream()
            .map(f -> tokens(factory, f))
            .reduce(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%d files, %d MB, %d tokens read in %.2f s on %d cores%n",
        files.size(),
        totals[0] >> 20,
        totals[1],
        seconds,
        Runtime.getRuntime().availableProcessors());
  }

  // the file's bytes and tokens
  private static long[] tokens(JsonFactory factory, Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      long n = 0;
      try (JsonParser p = factory.createParser(bytes)) {
        while (p.nextToken() != null) {
          n++;
        }
      }
      return new long[] {bytes.length, n};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
