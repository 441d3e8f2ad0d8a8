package io.pactwire.stubs;

import au.com.dius.pact.core.model.IRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Sends a pact request over HTTP/1.1 exactly as written: every header as given, the body's bytes,
 * nothing an HTTP client would add or refuse (a client library drops or rewrites some headers).
 */
final class RawHttp {

  record Answer(int status, String headers, String body) {}

  private RawHttp() {}

  static Answer send(int port, IRequest request) {
    return send(port, request, List.of());
  }

  static Answer send(int port, IRequest request, List<Map.Entry<String, String>> extraHeaders) {
    StringBuilder head = new StringBuilder();
    String method = request.getMethod() == null ? "GET" : request.getMethod();
    head.append(method).append(' ').append(target(request)).append(" HTTP/1.1\r\n");
    head.append("Host: localhost:").append(port).append("\r\n");
    for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Content-Length")
          || header.getKey().equalsIgnoreCase("Host")
          || header.getKey().equalsIgnoreCase("Connection")) {
        continue;
      }
      head.append(header.getKey())
          .append(": ")
          .append(String.join(", ", header.getValue()))
          .append("\r\n");
    }
    extraHeaders.forEach(
        e -> head.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n"));
    byte[] body = request.getBody().isPresent() ? request.getBody().getValue() : new byte[0];
    if (body.length > 0 || !method.equalsIgnoreCase("GET")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String headers = end < 0 ? text : text.substring(0, end);
      String rest = end < 0 ? "" : text.substring(end + 4);
      int status = Integer.parseInt(headers.substring(9, 12));
      return new Answer(status, headers, dechunk(headers, rest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String dechunk(String headers, String body) {
    if (!headers.toLowerCase().contains("transfer-encoding: chunked")) {
      return body;
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int line = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, line).trim(), 16);
      if (size == 0) {
        break;
      }
      // sizes count bytes; the reports and examples here are ASCII or short UTF-8
      byte[] rest = body.substring(line + 2).getBytes(StandardCharsets.UTF_8);
      String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
      out.append(chunk);
      at = line + 2 + chunk.length() + 2;
    }
    return out.toString();
  }

  static String target(IRequest request) {
    String path =
        request.getPath() == null || request.getPath().isEmpty() ? "/" : request.getPath();
    StringBuilder target = new StringBuilder(encodePath(path));
    if (request.getQuery() != null) {
      char sep = '?';
      for (Map.Entry<String, List<String>> entry : request.getQuery().entrySet()) {
        List<String> values = entry.getValue().isEmpty() ? List.of("") : entry.getValue();
        for (String value : values) {
          target.append(sep).append(component(entry.getKey()));
          if (value != null) {
            target.append('=').append(component(value));
          }
          sep = '&';
        }
      }
    }
    return target.toString();
  }

  private static String component(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
