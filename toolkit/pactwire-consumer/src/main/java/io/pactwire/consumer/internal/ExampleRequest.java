package io.pactwire.consumer.internal;

import java.util.List;
import java.util.Map;

/**
 * One request that a stub matched: a real one (capture) or one synthesised from the stub's patterns
 * (conversion).
 *
 * @param method upper-case HTTP method
 * @param path the path, without query
 * @param query query parameters in request order
 * @param headers request headers as sent (names in any case)
 * @param body the body as text, or {@code null} when there is none
 */
public record ExampleRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    String body) {}
