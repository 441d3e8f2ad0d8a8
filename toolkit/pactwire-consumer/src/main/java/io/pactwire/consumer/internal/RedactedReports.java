package io.pactwire.consumer.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extensions;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.notmatched.NotMatchedRenderer;
import io.pactwire.core.internal.Secrets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * WireMock's own reports of a request no stub matched (the two-column diff it logs and answers
 * with) show every header and the query as the client sent them: with these, the values of
 * credentials ({@link Secrets}) are redacted from the log and the answer.
 */
public final class RedactedReports {

  private RedactedReports() {}

  /** {@code options} with its notifier and its not-matched renderer redacting credentials. */
  public static WireMockConfiguration apply(WireMockConfiguration options) {
    Notifier notifier = options.notifier();
    if (!(notifier instanceof RedactingNotifier)) {
      options.notifier(new RedactingNotifier(notifier));
    }
    Function<Extensions, NotMatchedRenderer> renderers = options.getNotMatchedRendererFactory();
    if (renderers != null) {
      options.notMatchedRendererFactory(
          extensions -> new RedactingRenderer(renderers.apply(extensions)));
    }
    return options;
  }

  private record RedactingNotifier(Notifier delegate) implements Notifier {

    @Override
    public void info(String message) {
      delegate.info(Secrets.scrubNamed(message));
    }

    @Override
    public void error(String message) {
      delegate.error(Secrets.scrubNamed(message));
    }

    @Override
    public void error(String message, Throwable t) {
      delegate.error(Secrets.scrubNamed(message), t);
    }
  }

  private static final class RedactingRenderer extends NotMatchedRenderer {

    private final NotMatchedRenderer delegate;

    RedactingRenderer(NotMatchedRenderer delegate) {
      this.delegate = delegate;
    }

    @Override
    protected ResponseDefinition render(Admin admin, ServeEvent serveEvent) {
      ResponseDefinition answer = delegate.execute(admin, serveEvent, PathParams.empty());
      String body = answer.getBody();
      if (body == null) {
        return answer;
      }
      return ResponseDefinitionBuilder.like(answer)
          .withBody(redact(body, serveEvent.getRequest()))
          .build();
    }
  }

  /**
   * {@code text} with the credentials {@code request} carried redacted: by value, wherever they
   * appear, and by name (a secret header's or query parameter's value) however they were written.
   */
  public static String redact(String text, Request request) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (request.getHeaders() != null) {
      request.getHeaders().all().forEach(h -> headers.put(h.key(), h.values()));
    }
    Map<String, List<String>> query = new TreeMap<>();
    try {
      Urls.splitQueryFromUrl(request.getUrl())
          .forEach((name, parameter) -> query.put(name, parameter.values()));
    } catch (RuntimeException unreadable) {
      // a query WireMock cannot split: redacted by name below
    }
    return Secrets.scrubNamed(Secrets.scrub(text, Secrets.carriedBy(headers, query)));
  }
}
