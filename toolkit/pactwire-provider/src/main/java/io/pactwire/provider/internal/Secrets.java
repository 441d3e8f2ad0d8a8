package io.pactwire.provider.internal;

import io.pactwire.core.internal.report.Difference;
import io.pactwire.core.internal.report.Exchange;
import io.pactwire.core.internal.report.InteractionResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The credential values sent in a test class, so that whatever Pactwire writes or throws shows
 * {@value #REDACTED} where a provider echoed one back.
 */
public final class Secrets {

  /** What a secret is shown as: the placeholder pacts carry. */
  public static final String REDACTED = "<redacted>";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(Secrets.class);

  private Secrets() {}

  /**
   * Remembers {@code values} for the test class of {@code context}; a value {@code Bearer abc} also
   * remembers {@code abc}, and each value's URL-encoded form.
   */
  public static void remember(ExtensionContext context, Collection<String> values) {
    Set<String> secrets = secrets(context);
    for (String value : values) {
      add(secrets, value);
      int space = value.indexOf(' ');
      if (space > 0) {
        add(secrets, value.substring(space + 1).strip());
      }
    }
  }

  private static void add(Set<String> secrets, String value) {
    if (value == null || value.isEmpty() || value.equals(REDACTED)) {
      return;
    }
    secrets.add(value);
    secrets.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  /** {@code text} with every remembered value replaced by {@value #REDACTED}. */
  public static String scrub(ExtensionContext context, String text) {
    if (text == null) {
      return null;
    }
    Set<String> secrets = secrets(context);
    if (secrets.isEmpty()) {
      return text;
    }
    List<String> longestFirst =
        secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    String scrubbed = text;
    for (String secret : longestFirst) {
      scrubbed = scrubbed.replace(secret, REDACTED);
    }
    return scrubbed;
  }

  /** Whether {@code text} holds a remembered value. */
  static boolean leaks(ExtensionContext context, String text) {
    return text != null && !scrub(context, text).equals(text);
  }

  /** {@code result} with every text scrubbed. */
  static InteractionResult scrub(ExtensionContext context, InteractionResult result) {
    if (secrets(context).isEmpty()) {
      return result;
    }
    Exchange exchange = result.exchange();
    return new InteractionResult(
        scrub(context, result.description()),
        result.states().stream().map(s -> scrub(context, s)).toList(),
        result.success(),
        scrub(context, result.message()),
        result.differences().stream()
            .map(
                d ->
                    new Difference(
                        d.kind(),
                        scrub(context, d.path()),
                        scrub(context, d.expected()),
                        scrub(context, d.actual()),
                        scrub(context, d.mismatch())))
            .toList(),
        exchange == null
            ? null
            : new Exchange(
                scrub(context, exchange.request()),
                scrub(context, exchange.expected()),
                scrub(context, exchange.actual())),
        result.pending());
  }

  /**
   * A throwable to report in place of {@code thrown} when its text (with causes and suppressed)
   * holds a remembered value: its class kind, message scrubbed and stack kept, causes dropped.
   * Otherwise {@code thrown} itself.
   */
  static Throwable scrub(ExtensionContext context, Throwable thrown) {
    if (!leaks(context, everything(thrown, new StringBuilder()).toString())) {
      return thrown;
    }
    String message = scrub(context, thrown.getMessage());
    Throwable replacement =
        thrown instanceof AssertionError
            ? new org.opentest4j.AssertionFailedError(message)
            : new IllegalStateException(
                thrown.getClass().getName() + (message == null ? "" : ": " + message));
    replacement.setStackTrace(thrown.getStackTrace());
    return replacement;
  }

  private static StringBuilder everything(Throwable thrown, StringBuilder text) {
    if (thrown == null || text.length() > 1_000_000) {
      return text;
    }
    text.append(thrown).append('\n');
    for (Throwable suppressed : thrown.getSuppressed()) {
      everything(suppressed, text);
    }
    return thrown.getCause() == thrown ? text : everything(thrown.getCause(), text);
  }

  private static Set<String> secrets(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    @SuppressWarnings("unchecked")
    Set<String> secrets =
        classContext
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent("values", k -> ConcurrentHashMap.newKeySet(), Set.class);
    return secrets;
  }
}
