package io.pactwire.evolve.internal;

import java.util.Map;

/**
 * One side of an interaction: an HTTP request or response, a message's contents or a synchronous
 * message's request or one of its responses.
 *
 * @param name {@code request}, {@code response}, {@code message} or {@code response[1]}
 * @param fromConsumer true for what the consumer sends (a request), false for what the provider
 *     sends (a response, a message)
 * @param elements every element by location, sorted
 */
public record Part(String name, boolean fromConsumer, Map<String, Element> elements) {}
