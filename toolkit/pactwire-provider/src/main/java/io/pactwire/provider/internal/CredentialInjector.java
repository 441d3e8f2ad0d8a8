package io.pactwire.provider.internal;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Puts real credentials on the request pact-jvm is about to send, for the length of the test method
 * only: pact-jvm prepares the request before the method runs (from the pact, with its
 * placeholders), the method sends it, and afterwards the request holds the placeholders again.
 */
public final class CredentialInjector {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CredentialInjector.class);

  private final List<CredentialRule> rules;

  public CredentialInjector(List<CredentialRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Resolves the templates for the test class, failing it with one line when a variable is unset.
   */
  public void beforeAll(ExtensionContext context) {
    Map<CredentialRule, String> resolved = new IdentityHashMap<>();
    List<String> secrets = new ArrayList<>();
    for (CredentialRule rule : rules) {
      if (rule.supplier() != null) {
        continue;
      }
      ValueTemplate.Resolved value;
      try {
        value = ValueTemplate.resolve(rule.template(), rule.what());
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(
            e.getMessage() + " (" + rule.origin() + " on " + className(context) + ")");
      }
      resolved.put(rule, value.value());
      secrets.add(value.value());
      secrets.addAll(value.substituted());
    }
    Secrets.remember(context, secrets);
    context.getStore(NAMESPACE).put(this, resolved);
  }

  /** Runs the test method with the credentials on the wire, reporting nothing that holds them. */
  public void intercept(
      InvocationInterceptor.Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> method,
      ExtensionContext context)
      throws Throwable {
    PactVerificationContext verification =
        context
            .getStore(StateFixturesExtension.PACT_JVM)
            .get("interactionContext", PactVerificationContext.class);
    if (verification == null
        || !(verification.getInteraction() instanceof SynchronousRequestResponse http)) {
      invocation.proceed(); // a message, or not a pact verification
      return;
    }
    List<CredentialRule> needed = needed(http.getRequest());
    if (needed.isEmpty()) {
      invocation.proceed();
      return;
    }
    Object prepared = context.getStore(StateFixturesExtension.PACT_JVM).get("request");
    if (!(prepared instanceof HttpRequest request)) {
      throw new ExtensionConfigurationException(
          "cannot send the "
              + needed.get(0).what()
              + " credential: the test target "
              + verification.getTarget().getClass().getName()
              + " does not send an Apache HttpClient request (HttpTestTarget and"
              + " HttpsTestTarget do); set the credential in the test method instead");
    }
    Header[] headers = request.getHeaders();
    URI uri = request.getUri();
    ScrubbedConsole.Swap console = ScrubbedConsole.install(text -> Secrets.scrub(context, text));
    try {
      for (CredentialRule rule : needed) {
        String value = value(rule, context);
        if (rule.header()) {
          if (rule.name().equalsIgnoreCase("Cookie")) {
            value = withCookies(cookieHeader(request, rule.name()), value);
          }
          request.removeHeaders(rule.name());
          request.addHeader(rule.name(), value);
        } else {
          request.setUri(withQueryParameter(request.getUri(), rule.name(), value));
        }
      }
      invocation.proceed();
    } catch (Throwable thrown) {
      throw Secrets.scrub(context, thrown);
    } finally {
      request.setHeaders(headers);
      request.setUri(uri);
      console.restore();
    }
  }

  private static String cookieHeader(HttpRequest request, String name) {
    List<String> values = new ArrayList<>();
    for (Header header : request.getHeaders(name)) {
      values.add(header.getValue());
    }
    return String.join("; ", values);
  }

  /**
   * The pact's Cookie header with the cookies {@code credential} names set to its values, the
   * others kept: a contract that requires a session and a preference ({@code SESSION=<redacted>;
   * theme=dark}) is sent with the real session and the preference. A credential that names no
   * cookie ({@code abc}, not {@code SESSION=abc}) is the whole header.
   */
  static String withCookies(String pacts, String credential) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String cookie : credential.split(";")) {
      int eq = cookie.indexOf('=');
      if (eq <= 0) {
        return credential;
      }
      given.put(cookie.substring(0, eq).strip(), cookie.strip());
    }
    List<String> out = new ArrayList<>();
    for (String cookie : pacts.split(";")) {
      int eq = cookie.indexOf('=');
      String name = eq > 0 ? cookie.substring(0, eq).strip() : null;
      if (name != null && given.containsKey(name)) {
        out.add(given.remove(name));
      } else if (!cookie.isBlank() && !cookie.strip().equals(Secrets.REDACTED)) {
        // a whole header redacted (Cookie: <redacted>) names no cookie to keep
        out.add(cookie.strip());
      }
    }
    out.addAll(given.values());
    return String.join("; ", out);
  }

  private List<CredentialRule> needed(IRequest request) {
    List<CredentialRule> needed = new ArrayList<>();
    for (CredentialRule rule : rules) {
      boolean present =
          rule.header()
              ? request.getHeaders().keySet().stream().anyMatch(rule.name()::equalsIgnoreCase)
              : request.getQuery().containsKey(rule.name());
      if (present) {
        needed.add(rule);
      }
    }
    return needed;
  }

  private String value(CredentialRule rule, ExtensionContext context) {
    if (rule.supplier() == null) {
      @SuppressWarnings("unchecked")
      Map<CredentialRule, String> resolved = context.getStore(NAMESPACE).get(this, Map.class);
      if (resolved == null) {
        // registered on an instance field, so JUnit did not call beforeAll
        beforeAll(context);
        return value(rule, context);
      }
      return resolved.get(rule);
    }
    String value = rule.supplier().get();
    if (value == null || value.isEmpty()) {
      throw new ExtensionConfigurationException(
          "the " + rule.origin() + " callback gave " + (value == null ? "null" : "an empty value"));
    }
    Secrets.remember(context, List.of(value));
    return value;
  }

  /** {@code uri} with every value of {@code name} set to {@code value}, other parts as they are. */
  static URI withQueryParameter(URI uri, String name, String value) throws URISyntaxException {
    String query = uri.getRawQuery();
    if (query == null) {
      return uri;
    }
    StringBuilder rewritten = new StringBuilder();
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      rewritten.append(rewritten.isEmpty() ? "" : "&");
      if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        rewritten.append(key).append('=').append(encoded);
      } else {
        rewritten.append(pair);
      }
    }
    String text = uri.toString();
    int start = text.indexOf('?');
    int fragment = text.indexOf('#', Math.max(start, 0));
    return new URI(
        text.substring(0, start)
            + "?"
            + rewritten
            + (fragment < 0 ? "" : text.substring(fragment)));
  }

  private static String className(ExtensionContext context) {
    return context.getTestClass().map(Class::getSimpleName).orElse("the test class");
  }
}
