package io.pactwire.broker.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * How requests to the Broker authenticate, read from the Broker CLI's environment variables: a
 * bearer token ({@code PACT_BROKER_TOKEN}) or basic authentication ({@code PACT_BROKER_USERNAME}
 * and {@code PACT_BROKER_PASSWORD}, or the user information of the URL). Every text shown to a
 * person passes through {@link #redact(String)}.
 */
public final class Credentials {

  public static final String TOKEN = "PACT_BROKER_TOKEN";
  public static final String USERNAME = "PACT_BROKER_USERNAME";
  public static final String PASSWORD = "PACT_BROKER_PASSWORD";

  private static final String MASK = "****";

  private final String token;
  private final String username;
  private final String password;
  private final List<String> secrets = new ArrayList<>();

  private Credentials(String token, String username, String password, String userInfo) {
    this.token = blankToNull(token);
    this.username = blankToNull(username);
    this.password = blankToNull(password);
    for (String secret : new String[] {this.token, this.password, userInfo}) {
      if (secret != null && !secret.isEmpty()) {
        secrets.add(secret);
      }
    }
    String header = header();
    if (header != null) {
      secrets.add(header.substring(header.indexOf(' ') + 1));
    }
    // the longest first, so that a secret inside another is masked as part of the longer one
    secrets.sort((a, b) -> b.length() - a.length());
  }

  /** The credentials the environment gives, or the URL's user information. */
  public static Credentials from(URI url, Map<String, String> env) {
    String userInfo = url.getRawUserInfo();
    String user = env.get(USERNAME);
    String pass = env.get(PASSWORD);
    if (blankToNull(user) == null && userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      pass = colon < 0 ? "" : userInfo.substring(colon + 1);
    }
    return new Credentials(env.get(TOKEN), user, pass, userInfo);
  }

  /** The Authorization header's value; null without credentials. */
  public String header() {
    if (token != null) {
      return "Bearer " + token;
    }
    if (username != null) {
      String pair = username + ":" + (password == null ? "" : password);
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  /** The token, when the credentials are one. */
  public String token() {
    return token;
  }

  /** The user name of basic authentication; null for a token or none. */
  public String username() {
    return token == null ? username : null;
  }

  /** The password of basic authentication; null for a token or none. */
  public String password() {
    return token == null && username != null ? (password == null ? "" : password) : null;
  }

  /** What kind of credentials were sent, for a 401 message: never the credentials themselves. */
  public String describe() {
    if (token != null) {
      return "the token in " + TOKEN;
    }
    if (username != null) {
      return "basic authentication as " + username;
    }
    return "no credentials";
  }

  /** {@code text} with every secret replaced by {@code ****}. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
