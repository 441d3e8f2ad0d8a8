package io.pactwire.openapi.internal.http;

import java.util.List;

/**
 * The standard HTTP headers (lower case): a request may send them undeclared, and a response that
 * sends one its spec does not declare gets a warning, not an error.
 */
final class StandardHeaders {

  private StandardHeaders() {}

  static final List<String> REQUEST =
      List.of(
          "accept",
          "accept-charset",
          "accept-datetime",
          "accept-encoding",
          "accept-language",
          "authorization",
          "cache-control",
          "connection",
          "content-length",
          "content-md5",
          "content-type",
          "cookie",
          "date",
          "expect",
          "forwarded",
          "from",
          "host",
          "if-match",
          "if-modified-since",
          "if-none-match",
          "if-range",
          "if-unmodified-since",
          "max-forwards",
          "origin",
          "pragma",
          "proxy-authorization",
          "range",
          "referer",
          "te",
          "upgrade",
          "user-agent",
          "via",
          "warning");

  static final List<String> RESPONSE =
      List.of(
          "access-control-allow-origin",
          "accept-patch",
          "accept-ranges",
          "age",
          "allow",
          "alt-svc",
          "cache-control",
          "connection",
          "content-disposition",
          "content-encoding",
          "content-language",
          "content-length",
          "content-location",
          "content-md5",
          "content-range",
          "date",
          "etag",
          "expires",
          "last-modified",
          "link",
          "location",
          "p3p",
          "pragma",
          "proxy-authenticate",
          "public-key-pins",
          "refresh",
          "retry-after",
          "server",
          "set-cookie",
          "status",
          "strict-transport-security",
          "trailer",
          "transfer-encoding",
          "tsv",
          "upgrade",
          "vary",
          "via",
          "warning",
          "www-authenticate",
          "x-frame-options");
}
