package org.interdict.registry.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code RegistryHeartbeat} on {@code registry.heartbeat.v1}: the registry is alive and its outbox flows, and its data
 * is current up to {@code latestVersion}. Schema: {@code schemas/registry.heartbeat.v1.schema.json}.
 */
public record HeartbeatEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, Instant sentAt,
        long latestVersion) {

    public static final String TYPE = "RegistryHeartbeat";

    public static HeartbeatEvent of(long latestVersion, Instant now) {
        return new HeartbeatEvent(UUID.randomUUID(), TYPE, 1, now, now, latestVersion);
    }
}
