import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the request mix (one JSON request a line) to localhost:PORT from THREADS keep-alive HTTP/1.1
 * connections, WARMUP seconds unmeasured then SECONDS measured.
 *
 * <p>Without RATE, each connection sends its next request as soon as the last is answered (the
 * server's saturated throughput); prints "rps p50-us p99-us errors", each latency from send to
 * answer.
 *
 * <p>With RATE (requests per second, all connections together), the requests go out on a fixed
 * schedule, request k at k / RATE seconds, the connections taking them in turn; a connection still
 * waiting for an answer when its next request is due sends it as soon as it is free. Each latency
 * is measured from the request's scheduled time, not from when it was sent, so time a request spent
 * queued behind a slow one counts (no coordinated omission). Prints "rps p50-us p99-us p99.9-us
 * max-us errors", rps being the rate achieved.
 */
public class LoadClient {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    List<HttpRequest> mix = new ArrayList<>();
    List<Integer> statuses = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      JsonNode r = json.readTree(line);
      StringBuilder url = new StringBuilder("http://127.0.0.1:" + port + r.get("path").asText());
      char sep = '?';
      if (r.has("query")) {
        for (Map.Entry<String, JsonNode> q : r.get("query").properties()) {
          url.append(sep).append(q.getKey()).append('=')
              .append(URLEncoder.encode(q.getValue().get(0).asText(), StandardCharsets.UTF_8));
          sep = '&';
        }
      }
      String body = r.has("body") ? json.writeValueAsString(r.get("body")) : null;
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString()));
      if (r.has("headers")) {
        r.get("headers").properties().forEach(h -> b.header(h.getKey(), h.getValue().asText()));
      }
      b.method(r.get("method").asText(),
          body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      mix.add(b.build());
      statuses.add(r.get("method").asText().equals("GET") ? 200 : 201);
    }
    int threads = Integer.parseInt(args[2]);
    long warmup = Long.parseLong(args[3]) * 1_000_000_000L;
    long measure = Long.parseLong(args[4]) * 1_000_000_000L;
    double rate = args.length > 5 ? Double.parseDouble(args[5]) : 0;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long start = System.nanoTime();
    long from = start + warmup;
    long until = from + measure;
    AtomicInteger errors = new AtomicInteger();
    long[][] samples = new long[threads][];
    int[] counts = new int[threads];
    long[] ends = new long[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers[t] = rate > 0
          ? new Thread(() -> {
        // request k of the schedule is due at start + k * period; this connection sends k = id,
        // id + threads, id + 2 * threads, ...
        double period = 1e9 / rate;
        long[] mine = new long[(int) Math.min(1 << 24, (measure / 1e9) * rate / threads + 16)];
        int n = 0;
        for (long k = id; ; k += threads) {
          long due = start + (long) (k * period);
          if (due >= until) break;
          long wait;
          while ((wait = due - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
          }
          int m = (int) Math.floorMod(k + id * 7919L, (long) mix.size());
          try {
            HttpResponse<byte[]> response = client.send(mix.get(m), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != statuses.get(m)) errors.incrementAndGet();
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          long after = System.nanoTime();
          if (due >= from && n < mine.length) mine[n++] = after - due;
          ends[id] = after;
        }
        samples[id] = mine;
        counts[id] = n;
      })
          : new Thread(() -> {
        long[] mine = new long[1 << 22];
        int n = 0;
        int i = id * 7919;
        while (true) {
          long before = System.nanoTime();
          if (before >= until) break;
          int k = Math.floorMod(i++, mix.size());
          try {
            HttpResponse<byte[]> response = client.send(mix.get(k), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != statuses.get(k)) errors.incrementAndGet();
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          long after = System.nanoTime();
          if (before >= from && n < mine.length) mine[n++] = after - before;
        }
        samples[id] = mine;
        counts[id] = n;
      });
      workers[t].start();
    }
    for (Thread w : workers) w.join();
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(samples[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    if (total == 0) {
      // no request both started and ended in the window
      System.out.printf(rate > 0 ? "0.0 0 0 0 0 %d%n" : "0.0 0 0 %d%n", errors.get());
      return;
    }
    double rps = total / (measure / 1e9);
    if (rate > 0) {
      // the rate achieved: the requests due in the window over the time until the last was answered
      rps = total / ((Math.max(until, Arrays.stream(ends).max().getAsLong()) - from) / 1e9);
      System.out.printf("%.1f %d %d %d %d %d%n", rps, all[total / 2] / 1000, all[(int) (total * 0.99)] / 1000,
          all[(int) (total * 0.999)] / 1000, all[total - 1] / 1000, errors.get());
      return;
    }
    System.out.printf("%.1f %d %d %d%n", rps, all[total / 2] / 1000, all[(int) (total * 0.99)] / 1000, errors.get());
  }
}
