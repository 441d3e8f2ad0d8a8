package io.pactwire.store;

import java.time.Instant;

/**
 * A pacticipant version was released to an environment, alongside the versions released there
 * before (a mobile app, a library: several versions are in use at once).
 *
 * @since 0.1.0
 */
public record Release(String pacticipant, String version, String environment, Instant releasedAt) {}
