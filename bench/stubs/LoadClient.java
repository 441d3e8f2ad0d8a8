import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the request mix (one JSON request a line) to localhost:PORT from THREADS keep-alive HTTP/1.1
 * connections, WARMUP seconds unmeasured then SECONDS measured.
 *
 * <p>Each connection is a plain blocking socket with its own thread, writing requests built once
 * before the run and reading each response in full into a buffer it reuses (Content-Length or
 * chunked framing): the client allocates nothing per request, so it neither collects garbage nor
 * adds threads or futures beside the one per connection, and it is the same client for every
 * server. Run it with a heap set at start (-Xms = -Xmx) so that it does not grow one.
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
 *
 * <p>"LoadClient PORT REQUESTS check [N]" sends every request of the mix (or its first N) once through this client and
 * once through the JDK's HttpClient and fails unless both read the same status and body;
 * "LoadClient --self-test" checks the response reader against the JDK's HTTP server, with
 * Content-Length, chunked and empty bodies on one connection.
 */
public class LoadClient {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("--self-test")) {
      selfTest();
      return;
    }
    int port = Integer.parseInt(args[0]);
    List<byte[]> mix = new ArrayList<>();
    List<HttpRequest> jdkMix = new ArrayList<>();
    List<Integer> statuses = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      JsonNode r = json.readTree(line);
      StringBuilder target = new StringBuilder(r.get("path").asText());
      char sep = '?';
      if (r.has("query")) {
        for (Map.Entry<String, JsonNode> q : r.get("query").properties()) {
          target.append(sep).append(q.getKey()).append('=')
              .append(URLEncoder.encode(q.getValue().get(0).asText(), StandardCharsets.UTF_8));
          sep = '&';
        }
      }
      String method = r.get("method").asText();
      byte[] body = r.has("body") ? json.writeValueAsBytes(r.get("body")) : null;
      StringBuilder head = new StringBuilder()
          .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
          .append("Host: 127.0.0.1:").append(port).append("\r\n");
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target));
      if (r.has("headers")) {
        r.get("headers").properties().forEach(h -> {
          head.append(h.getKey()).append(": ").append(h.getValue().asText()).append("\r\n");
          b.header(h.getKey(), h.getValue().asText());
        });
      }
      if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
      head.append("\r\n");
      byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
      byte[] bytes = body == null ? headBytes : Arrays.copyOf(headBytes, headBytes.length + body.length);
      if (body != null) System.arraycopy(body, 0, bytes, headBytes.length, body.length);
      mix.add(bytes);
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      jdkMix.add(b.build());
      statuses.add(method.equals("GET") ? 200 : 201);
    }
    if (args.length > 2 && args[2].equals("check")) {
      int limit = args.length > 3 ? Math.min(Integer.parseInt(args[3]), mix.size()) : mix.size();
      check(port, mix.subList(0, limit), jdkMix, statuses);
      return;
    }
    int threads = Integer.parseInt(args[2]);
    long warmup = Long.parseLong(args[3]) * 1_000_000_000L;
    long measure = Long.parseLong(args[4]) * 1_000_000_000L;
    double rate = args.length > 5 ? Double.parseDouble(args[5]) : 0;
    byte[][] requests = mix.toArray(new byte[0][]);
    int[] expected = statuses.stream().mapToInt(Integer::intValue).toArray();
    AtomicInteger errors = new AtomicInteger();
    long[][] samples = new long[threads][];
    int[] counts = new int[threads];
    long[] ends = new long[threads];
    Connection[] connections = new Connection[threads];
    for (int t = 0; t < threads; t++) {
      connections[t] = new Connection(port);
      samples[t] = new long[rate > 0 ? (int) Math.min(1 << 24, (measure / 1e9) * rate / threads + 16) : 1 << 21];
    }
    long start = System.nanoTime();
    long from = start + warmup;
    long until = from + measure;
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      Connection c = connections[t];
      long[] mine = samples[t];
      workers[t] = rate > 0
          ? new Thread(() -> {
        // request k of the schedule is due at start + k * period; this connection sends k = id,
        // id + threads, id + 2 * threads, ...
        double period = 1e9 / rate;
        int n = 0;
        for (long k = id; ; k += threads) {
          long due = start + (long) (k * period);
          if (due >= until) break;
          long wait;
          while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
          }
          int m = (int) Math.floorMod(k + id * 7919L, (long) requests.length);
          if (c.exchange(requests[m]) != expected[m]) errors.incrementAndGet();
          long after = System.nanoTime();
          if (due >= from && n < mine.length) mine[n++] = after - due;
          ends[id] = after;
        }
        counts[id] = n;
      })
          : new Thread(() -> {
        int n = 0;
        int i = id * 7919;
        while (true) {
          long before = System.nanoTime();
          if (before >= until) break;
          int k = Math.floorMod(i++, requests.length);
          if (c.exchange(requests[k]) != expected[k]) errors.incrementAndGet();
          long after = System.nanoTime();
          if (before >= from && n < mine.length) mine[n++] = after - before;
        }
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

  /**
   * One keep-alive HTTP/1.1 connection: writes a request's bytes and reads the whole response into
   * a buffer it keeps. A failed exchange (an I/O error, a malformed response) counts as status -1
   * and opens a new connection for the next.
   */
  static final class Connection {
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean close;
    /** The last response's body, kept only when capture is set (for the checks). */
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean capture;

    Connection(int port) {
      this.port = port;
    }

    int exchange(byte[] request) {
      try {
        if (socket == null) {
          socket = new Socket("127.0.0.1", port);
          socket.setTcpNoDelay(true);
          socket.setSoTimeout(300_000);
          in = socket.getInputStream();
          out = socket.getOutputStream();
          pos = lim = 0;
        }
        out.write(request);
        out.flush();
        close = false;
        int status = readResponse();
        if (close) disconnect();
        return status;
      } catch (IOException | RuntimeException e) {
        disconnect();
        return -1;
      }
    }

    private void disconnect() {
      try {
        if (socket != null) socket.close();
      } catch (IOException ignored) {
        // closing a broken connection
      }
      socket = null;
    }

    private int readResponse() throws IOException {
      body.reset();
      int status;
      do {
        // the status line: HTTP/1.x SSS ...
        int end = lineEnd();
        if (end - pos < 12 || buf[pos] != 'H' || buf[pos + 8] != ' ') throw new IOException("bad status line");
        status = (buf[pos + 9] - '0') * 100 + (buf[pos + 10] - '0') * 10 + (buf[pos + 11] - '0');
        pos = end + 2;
        long length = -1;
        boolean chunked = false;
        while (true) {
          end = lineEnd();
          if (end == pos) {
            pos = end + 2;
            break;
          }
          if (startsWithIgnoreCase("content-length:")) {
            length = number(pos + 15, end, 10);
          } else if (startsWithIgnoreCase("transfer-encoding:")) {
            chunked = containsIgnoreCase(pos + 18, end, "chunked");
          } else if (startsWithIgnoreCase("connection:")) {
            close = containsIgnoreCase(pos + 11, end, "close");
          }
          pos = end + 2;
        }
        if (status < 200 || status == 204 || status == 304) continue;
        if (chunked) {
          while (true) {
            end = lineEnd();
            int semi = pos;
            while (semi < end && buf[semi] != ';') semi++;
            long size = number(pos, semi, 16);
            pos = end + 2;
            if (size == 0) break;
            skip(size);
            if (lineEnd() != pos) throw new IOException("no CRLF after chunk");
            pos += 2;
          }
          // trailers, up to the empty line
          while ((end = lineEnd()) != pos) pos = end + 2;
          pos += 2;
        } else if (length >= 0) {
          skip(length);
        } else {
          // no framing: the body runs to the end of the connection
          close = true;
          while (fill()) {
            if (capture) body.write(buf, pos, lim - pos);
            pos = lim;
          }
        }
      } while (status < 200);
      return status;
    }

    /** The index of the CR of the next CRLF at or after pos, reading more as needed. */
    private int lineEnd() throws IOException {
      int i = pos;
      while (true) {
        for (; i + 1 < lim; i++) {
          if (buf[i] == '\r' && buf[i + 1] == '\n') return i;
        }
        int scanned = i - pos;
        if (!fill()) throw new IOException("connection closed mid-response");
        i = pos + scanned;
      }
    }

    /** Reads more bytes after lim, moving the unread ones to the front first; false at the end. */
    private boolean fill() throws IOException {
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
      }
      if (lim == buf.length) throw new IOException("line longer than the buffer");
      int n = in.read(buf, lim, buf.length - lim);
      if (n < 0) return false;
      lim += n;
      return true;
    }

    private void skip(long n) throws IOException {
      while (n > 0) {
        if (pos == lim && !fill()) throw new IOException("connection closed mid-body");
        int take = (int) Math.min(n, lim - pos);
        if (capture) body.write(buf, pos, take);
        pos += take;
        n -= take;
      }
    }

    private boolean startsWithIgnoreCase(String name) {
      if (lim - pos < name.length()) return false;
      for (int i = 0; i < name.length(); i++) {
        if (Character.toLowerCase(buf[pos + i]) != name.charAt(i)) return false;
      }
      return true;
    }

    private boolean containsIgnoreCase(int from, int to, String word) {
      outer:
      for (int i = from; i + word.length() <= to; i++) {
        for (int j = 0; j < word.length(); j++) {
          if (Character.toLowerCase(buf[i + j]) != word.charAt(j)) continue outer;
        }
        return true;
      }
      return false;
    }

    private long number(int from, int to, int radix) throws IOException {
      long value = 0;
      boolean any = false;
      for (int i = from; i < to; i++) {
        if (buf[i] == ' ' || buf[i] == '\t') continue;
        int d = Character.digit(buf[i], radix);
        if (d < 0) throw new IOException("bad number");
        value = value * radix + d;
        any = true;
      }
      if (!any) throw new IOException("no number");
      return value;
    }
  }

  /** Every request of the mix through this client and through the JDK's: the same status and body. */
  private static void check(int port, List<byte[]> mix, List<HttpRequest> jdkMix, List<Integer> statuses)
      throws Exception {
    HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Connection c = new Connection(port);
    c.capture = true;
    for (int i = 0; i < mix.size(); i++) {
      int status = c.exchange(mix.get(i));
      byte[] raw = c.body.toByteArray();
      HttpResponse<byte[]> expected = jdk.send(jdkMix.get(i), HttpResponse.BodyHandlers.ofByteArray());
      if (status != expected.statusCode() || status != statuses.get(i) || !Arrays.equals(raw, expected.body())) {
        System.err.printf("request %d (%s): this client read %d %s, the JDK's client %d %s%n", i, jdkMix.get(i),
            status, new String(raw, StandardCharsets.UTF_8), expected.statusCode(),
            new String(expected.body(), StandardCharsets.UTF_8));
        System.exit(1);
      }
    }
  }

  /** The reader against the JDK's HTTP server: Content-Length, chunked and empty bodies in turn. */
  private static void selfTest() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] big = new byte[300_000];
    for (int i = 0; i < big.length; i++) big[i] = (byte) ('a' + i % 26);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      exchange.getRequestBody().readAllBytes();
      int size = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
      if (path.startsWith("/empty")) {
        exchange.sendResponseHeaders(204, -1);
      } else if (path.startsWith("/chunked")) {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream o = exchange.getResponseBody()) {
          for (int at = 0; at < size; at += 7_001) {
            o.write(big, at, Math.min(7_001, size - at));
            o.flush();
          }
        }
      } else {
        exchange.sendResponseHeaders(200, size);
        try (OutputStream o = exchange.getResponseBody()) {
          o.write(big, 0, size);
        }
      }
      exchange.close();
    });
    server.start();
    try {
      Connection c = new Connection(server.getAddress().getPort());
      c.capture = true;
      String[] paths = {"/length/10", "/chunked/10", "/empty/0", "/length/0", "/chunked/0", "/chunked/300000",
          "/length/300000", "/chunked/70000", "/length/1"};
      for (int round = 0; round < 3; round++) {
        for (String path : paths) {
          byte[] request = ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
              .getBytes(StandardCharsets.ISO_8859_1);
          int status = c.exchange(request);
          int size = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
          int want = path.startsWith("/empty") ? 204 : 200;
          if (status != want || !Arrays.equals(c.body.toByteArray(), Arrays.copyOf(big, size))) {
            throw new AssertionError(path + ": read " + status + " with " + c.body.size() + " bytes");
          }
        }
      }
      System.out.println("load client self-test: Content-Length, chunked and empty bodies read in full");
    } finally {
      server.stop(0);
    }
  }
}
