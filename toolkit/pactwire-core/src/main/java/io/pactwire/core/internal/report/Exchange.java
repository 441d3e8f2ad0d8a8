package io.pactwire.core.internal.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The request and the two responses (or messages), rendered as HTTP-like text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Exchange(String request, String expected, String actual) {}
