package org.interdict.clearance.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code ClearanceDecided} on {@code clearance.decisions.v1}, keyed by IMO: every decision, so the registry keeps a
 * vessel's port-call attempts. Schema: {@code schemas/clearance.decisions.v1.schema.json}.
 */
public record ClearanceDecided(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
        UUID clearanceId, String imo, String name, String flag, String port, String decision, List<String> reasons,
        Instant decidedAt, String nation) {

    public static final String TOPIC = "clearance.decisions.v1";
    public static final String TYPE = "ClearanceDecided";

    public static ClearanceDecided of(UUID clearanceId, String imo, String name, String flag, String port,
            String decision, List<String> reasons, Instant decidedAt, String nation) {
        return new ClearanceDecided(UUID.randomUUID(), TYPE, 1, decidedAt, clearanceId, imo, name, flag, port, decision,
                reasons, decidedAt, nation);
    }
}
