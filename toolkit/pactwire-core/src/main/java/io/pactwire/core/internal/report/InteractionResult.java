package io.pactwire.core.internal.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One interaction's outcome.
 *
 * @param states the provider states as {@code 'name' {param=value, …}}
 * @param message the failure text; null when it passed
 * @param exchange what was sent and received; null when not recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionResult(
    String description,
    List<String> states,
    boolean success,
    String message,
    List<Difference> differences,
    Exchange exchange) {}
