import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Replays the benchmark's requests over keep-alive HTTP/1.1 connections and reads each response,
 * without matching: the floor a verifier's rate can approach. The client is the one {@code
 * pactwire verify} uses, set up as it is (Apache HttpClient 5's classic client, a pool of PARALLEL
 * + 1 connections, no retries, redirects, compression or cookies). Requests with a provider state
 * are sent one at a time between a setup and a teardown POST, as a verifier sends them; the others
 * on PARALLEL threads. Run with pactwire.jar on the class path: java -cp CLASSES:pactwire.jar
 * RawReplay REQUESTS BASE_URL PARALLEL
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
    CloseableHttpClient client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnPerRoute(parallel + 1)
                    .setMaxConnTotal(3 * (parallel + 1))
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableContentCompression()
            .disableCookieManagement()
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

  private static Object send(
      CloseableHttpClient client, String base, String method, String path, String body)
      throws Exception {
    HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(base + path));
    if (!body.isEmpty()) {
      request.addHeader("Content-Type", "application/json");
      request.setEntity(new ByteArrayEntity(body.getBytes(), null));
    }
    int status =
        client.execute(
            request,
            response -> {
              if (response.getEntity() != null) {
                EntityUtils.toByteArray(response.getEntity());
              }
              return response.getCode();
            });
    if (status >= 500) {
      throw new IllegalStateException(method + " " + path + " answered " + status);
    }
    return null;
  }
}
