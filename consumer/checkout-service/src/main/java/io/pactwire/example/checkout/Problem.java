package io.pactwire.example.checkout;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An RFC 9457 problem body ({@code application/problem+json}) as inventory-service returns it for
 * every error response.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, int status, String detail) {}
