import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's provider: GET /items/{n} and POST /items answer an item as JSON, POST
 * /_pact/state accepts provider-state changes. Run: java BenchProvider.java PORT
 */
public final class BenchProvider {

  private static final Pattern NUMBER = Pattern.compile("item (\\d+)");

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", BenchProvider::handle);
    server.start();
    System.out.println("bench provider on port " + port);
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (method.equals("POST") && path.equals("/_pact/state")) {
        send(exchange, 200, "");
      } else if (method.equals("GET") && path.startsWith("/items/")) {
        send(exchange, 200, item(Integer.parseInt(path.substring("/items/".length()))));
      } else if (method.equals("POST") && path.equals("/items")) {
        Matcher m = NUMBER.matcher(body);
        send(exchange, 201, item(m.find() ? Integer.parseInt(m.group(1)) : 0));
      } else {
        send(exchange, 404, "");
      }
    }
  }

  private static String item(int n) {
    return String.format(
        Locale.ROOT,
        "{\"id\": %d, \"name\": \"item %d\", \"price\": %.2f, \"tags\": [\"x\"], \"sku\": \"SKU-%04d\"}",
        n * 7 + 1,
        n,
        n + 0.99,
        n);
  }

  private static void send(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
