package io.pactwire.consumer.internal;

import java.util.List;
import java.util.Map;

/**
 * The response a stub defines: status and headers from its definition, body as served.
 *
 * @param status HTTP status
 * @param headers headers the stub declares (not the ones WireMock adds)
 * @param body the body as text, or {@code null} when there is none
 */
public record ExampleResponse(int status, Map<String, List<String>> headers, String body) {}
