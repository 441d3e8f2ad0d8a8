import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Replays the benchmark's requests over one keep-alive HTTP/1.1 client and reads each response,
 * without matching: the floor a verifier's rate can approach. The client is set up as {@code
 * pactwire verify}'s is (its work done on the threads that finish it, not handed to a pool). Requests with a provider state are
 * sent one at a time between a setup and a teardown POST, as a verifier sends them; the others on
 * PARALLEL threads. Run: java RawReplay.java REQUESTS BASE_URL PARALLEL
 */
public final class RawReplay {

  public static void main(String[] args) throws Exception {
    List<String[]> requests = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (!line.isEmpty()) {
        requests.add(line.split("\t", -1));
      }
    }
    String base = args[1];
    int parallel = Integer.parseInt(args[2]);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Runnable::run)
            .build();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    List<Future<?>> futures = new ArrayList<>();
    for (String[] r : requests) {
      if (r[0].isEmpty()) {
        futures.add(pool.submit(() -> send(client, base, r[1], r[2], r[3])));
      }
    }
    for (Future<?> f : futures) {
      f.get();
    }
    for (String[] r : requests) {
      if (!r[0].isEmpty()) {
        String state = "{\"state\":\"" + r[0] + "\",\"params\":{},\"action\":\"";
        send(client, base, "POST", "/_pact/state", state + "setup\"}");
        send(client, base, r[1], r[2], r[3]);
        send(client, base, "POST", "/_pact/state", state + "teardown\"}");
      }
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "raw replay: %d interactions in %.3f s (%.0f/s)%n",
        requests.size(),
        seconds,
        requests.size() / seconds);
  }

  private static Object send(HttpClient client, String base, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (!body.isEmpty()) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body.isEmpty()
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<byte[]> response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() >= 500) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
    }
    return null;
  }
}
