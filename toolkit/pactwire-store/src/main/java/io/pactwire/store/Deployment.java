package io.pactwire.store;

import java.time.Instant;

/**
 * A pacticipant version was deployed to an environment, replacing the version deployed there
 * before.
 *
 * @since 0.1.0
 */
public record Deployment(
    String pacticipant, String version, String environment, Instant deployedAt) {}
