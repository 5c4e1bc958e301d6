package org.interdict.clearance.replica;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The registry's {@code RegistryHeartbeat} on {@code registry.heartbeat.v1}: its data was current at {@code sentAt}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryHeartbeatEvent(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
        Instant sentAt, Long latestVersion) {

    /** When the registry vouched for its data: the send time, else the time of the event. */
    public Instant vouchedAt() {
        return sentAt != null ? sentAt : occurredAt;
    }
}
